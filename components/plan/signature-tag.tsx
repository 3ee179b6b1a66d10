import { signatureState } from "@/lib/domain/cosign";
import type { MeasureNode } from "@/lib/domain/types";
import type { SignatureRow } from "@/lib/db/signatures";
import { Tag } from "@/components/ui/tag";

const dateTime = (iso: string) => new Date(iso).toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });

/** The police co-signature of a measure, as text: missing, signed (by whom, when), declined, or outdated by an edit. */
export function SignatureTag({ measure, signatures }: { measure: MeasureNode; signatures: SignatureRow[] }) {
  const s = signatureState(measure, signatures);
  const last = signatures.at(-1);
  switch (s.state) {
    case "NOT_NEEDED":
      return null;
    case "MISSING":
      return <Tag tone="warn">Polisens underskrift saknas</Tag>;
    case "SIGNED":
      return <Tag tone="ok">Signerad av polisen{last ? ` (${last.userName}, ${dateTime(last.createdAt)})` : ""}</Tag>;
    case "DECLINED":
      return (
        <span className="block w-full">
          <Tag tone="warn">Polisen har avböjt</Tag>
          {last?.comment ? <span className="mt-1 block text-sm">Kommentar från {last.userName}: ”{last.comment}”</span> : null}
        </span>
      );
    case "OUTDATED":
      return <Tag tone="warn">Underskriften har dragits tillbaka: åtgärden har ändrats</Tag>;
  }
}
