import Link from "next/link";
import { ROLE_LABELS } from "@/lib/domain/permissions";
import type { Role } from "@/lib/domain/types";

const DECISION_LABELS = {
  STEERING_GROUP: "Beslutad av lokal styrgrupp",
  REVIEW_ACCEPTED: "Godkänd av beredningsgruppen",
  REVIEW_RETURNED: "Skickad tillbaka av beredningsgruppen",
  COUNCIL: "Beslutad av stadsdelsnämnden",
} as const;

const date = (d: Date) => d.toLocaleDateString("sv-SE", { timeZone: "UTC" });
const dateTime = (d: Date) => d.toLocaleString("sv-SE", { timeZone: "Europe/Stockholm", dateStyle: "short", timeStyle: "short" });

type Decision = { id: string; kind: keyof typeof DECISION_LABELS; decidedOn: Date; paragraph: string | null; comment: string | null; createdAt: Date; recordedBy: { name: string }; version: { number: number } | null };
type Comment = { id: string; body: string; createdAt: Date; author: { name: string; memberships: { role: Role }[] } };

/** Who did each step and when, and the comments the plan has received. */
export function PlanTimeline({ base, decisions, comments }: { base: string; decisions: Decision[]; comments: Comment[] }) {
  return (
    <section aria-labelledby="timeline-heading" className="mb-8">
      <h2 id="timeline-heading" className="mb-2 text-xl font-bold">Beslut och kommentarer</h2>
      <p className="mb-2 text-sm">
        <Link href={`${base}/versions`}>Versioner och jämförelse</Link> · <Link href={`${base}/history`}>Ändringshistorik</Link>
      </p>
      {decisions.length === 0 && comments.length === 0 ? <p>Inga beslut eller kommentarer ännu.</p> : null}
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
      {comments.length > 0 ? (
        <ul className="space-y-2" data-testid="comments">
          {comments.map((c) => (
            <li key={c.id} className="border-l-4 border-gray-400 pl-3">
              <p className="prose-cell">{c.body}</p>
              <p className="text-sm text-muted">
                {c.author.name}
                {c.author.memberships[0] ? `, ${ROLE_LABELS[c.author.memberships[0].role]}` : ""} · {dateTime(c.createdAt)}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
