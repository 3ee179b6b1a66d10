import type { PlanStatus } from "@/lib/domain/types";
import { Tag } from "@/components/ui/tag";

const LABELS: Record<PlanStatus, { text: string; tone: "neutral" | "ok" | "warn" | "info" }> = {
  DRAFT: { text: "Utkast", tone: "neutral" },
  SUBMITTED: { text: "Skickad till styrgruppen", tone: "info" },
  DECIDED: { text: "Beslutad av lokal styrgrupp", tone: "ok" },
  RETURNED: { text: "Återsänd för ändring", tone: "warn" },
  ACCEPTED: { text: "Godkänd av beredningsgruppen", tone: "ok" },
  COUNCIL_DECIDED: { text: "Beslutad av stadsdelsnämnden", tone: "ok" },
};

export function PlanStatusTag({ status }: { status: PlanStatus }) {
  const l = LABELS[status];
  return <Tag tone={l.tone}>{l.text}</Tag>;
}
