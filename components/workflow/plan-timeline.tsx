import Link from "next/link";
import { Comments, type CommentView } from "@/components/workflow/comments";

const DECISION_LABELS = {
  STEERING_GROUP: "Beslutad av lokal styrgrupp",
  REVIEW_ACCEPTED: "Godkänd av beredningsgruppen",
  REVIEW_RETURNED: "Skickad tillbaka av beredningsgruppen",
  COUNCIL: "Beslutad av stadsdelsnämnden",
} as const;

const date = (d: Date) => d.toLocaleDateString("sv-SE", { timeZone: "UTC" });

type Decision = { id: string; kind: keyof typeof DECISION_LABELS; decidedOn: Date; paragraph: string | null; comment: string | null; createdAt: Date; recordedBy: { name: string }; version: { number: number } | null };

/** Who did each step and when, and the comments the plan has received. */
export function PlanTimeline({ base, planRef, decisions, comments, canComment }: { base: string; planRef: { districtSlug: string; year: number }; decisions: Decision[]; comments: CommentView[]; canComment: boolean }) {
  return (
    <section aria-labelledby="timeline-heading" className="mb-8">
      <h2 id="timeline-heading" className="mb-2 text-xl font-bold">Beslut och kommentarer</h2>
      <p className="mb-2 text-sm">
        <Link href={`${base}/versions`}>Versioner och jämförelse</Link> · <Link href={`${base}/history`}>Ändringshistorik</Link>
      </p>
      {decisions.length === 0 ? <p className="mb-2">Inga beslut ännu.</p> : null}
      {decisions.length > 0 ? (
        <ol className="mb-4 space-y-1" data-testid="decisions">
          {decisions.map((d) => (
            <li key={d.id}>
              <strong>{DECISION_LABELS[d.kind]}</strong> {date(d.decidedOn)}
              {d.paragraph ? `, ${d.paragraph}` : ""} – registrerat av {d.recordedBy.name}
              {d.version ? (
                <>
                  {" "}(<Link href={`${base}/versions/${d.version.number}`}>version {d.version.number}</Link>)
                </>
              ) : null}
              {d.comment ? <span className="block pl-4 text-sm">”{d.comment}”</span> : null}
            </li>
          ))}
        </ol>
      ) : null}
      <h3 className="mb-1 font-semibold">Kommentarer</h3>
      <div data-testid="comments">
        <Comments planRef={planRef} comments={comments} canComment={canComment} label="om planen" />
      </div>
    </section>
  );
}
