import { EVENT_DONE_LABELS } from "@/lib/domain/workflow";
import type { LastStep } from "@/lib/db/plans";

const when = (d: Date) => d.toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });

/** "Skickad till styrgruppen 2026-02-01 av Anna Andersson": the plan's latest step, in words. */
export function LastStepText({ step }: { step: LastStep | undefined }) {
  if (!step) return <span data-testid="last-step">Inget steg taget ännu</span>;
  return (
    <span data-testid="last-step">
      {EVENT_DONE_LABELS[step.event]} {when(step.at)}
      {step.actorName ? ` av ${step.actorName}` : ""}
    </span>
  );
}
