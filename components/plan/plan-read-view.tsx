import { formatDeadline } from "@/lib/domain/deadline";
import { formatParty } from "@/lib/domain/responsible";
import type { AreaNode } from "@/lib/domain/types";
import type { SignatureRow } from "@/lib/db/signatures";
import { Tag } from "@/components/ui/tag";
import { KIND_LABELS } from "@/components/plan/texts";
import { SignatureTag } from "@/components/plan/signature-tag";

/** The whole plan as a read-only document: for checking before submission and for frozen versions. */
export function PlanReadView({ areas, signatures }: { areas: AreaNode[]; signatures?: Map<string, SignatureRow[]> }) {
  return (
    <div className="space-y-8">
      {areas.map((area) => (
        <section key={area.id} aria-labelledby={`read-area-${area.id}`}>
          <h3 id={`read-area-${area.id}`} className="mb-2 border-b-2 border-gray-700 text-xl font-bold">
            {area.name}
          </h3>
          {area.problems.length === 0 ? <p className="text-muted">Inga problem i det här området.</p> : null}
          <ol className="space-y-4">
            {area.problems.map((p, pi) => (
              <li key={p.id} className="border border-gray-400 p-3">
                <h4 className="font-bold">
                  Problem {pi + 1}
                  {p.collectiveName ? <span className="font-normal"> – {p.collectiveName}</span> : null}
                </h4>
                <p className="prose-cell">{p.description}</p>
                <ol className="mt-2 space-y-3 border-l-4 border-gray-300 pl-3">
                  {p.causes.map((c, ci) => (
                    <li key={c.id}>
                      <h5 className="font-semibold">Orsak {pi + 1}.{ci + 1}</h5>
                      <p className="prose-cell">{c.description}</p>
                      <ol className="mt-2 space-y-2 border-l-4 border-gray-300 pl-3">
                        {c.measures.map((m, mi) => (
                          <li key={m.id} className="bg-gray-50 p-2">
                            <h6 className="font-semibold">Åtgärd {pi + 1}.{ci + 1}.{mi + 1}</h6>
                            <p className="prose-cell">{m.description}</p>
                            <p className="text-sm">
                              <strong>När:</strong> {formatDeadline(m.deadline)} · <strong>Vem:</strong>{" "}
                              {m.responsibleParties.length ? m.responsibleParties.map(formatParty).join("; ") : "Saknas"}
                              {m.kind ? ` · ${KIND_LABELS[m.kind]}` : ""}
                            </p>
                            <p className="mt-1 flex flex-wrap gap-2">
                              {m.withPolice ? <Tag tone="info">Med polisen</Tag> : null}
                              {signatures ? <SignatureTag measure={m} signatures={signatures.get(m.id) ?? []} /> : null}
                            </p>
                            {m.goals.length ? (
                              <ol className="mt-1 list-decimal pl-6 text-sm">
                                {m.goals.map((g) => (
                                  <li key={g.id} className="prose-cell">{g.description}</li>
                                ))}
                              </ol>
                            ) : null}
                          </li>
                        ))}
                      </ol>
                    </li>
                  ))}
                </ol>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
