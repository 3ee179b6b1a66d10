import type { Metadata } from "next";
import { requirePlan } from "@/lib/auth/plan-access";
import { totalOf } from "@/lib/domain/summary";
import {
  AREA_COLUMNS,
  areaCountsLine,
  decisionLines,
  documentRows,
  documentTitle,
  DOCUMENT_TEXTS,
  SIGNATURE_COLUMNS,
  SIGNATURE_STATE_LABELS,
  signaturesLine,
  SUMMARY_COLUMNS,
  versionLine,
  type DocumentRow,
} from "@/lib/pdf/document";
import { loadDecisionDocument } from "@/lib/pdf/load";

type Params = { params: Promise<{ district: string; year: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { year } = await params;
  return { title: `Beslutsbilaga – åtgärdsplan ${year}` };
}

/** The rows of one problem: its problem cell spans them, each cause's cell spans the cause's rows. */
function problemGroups(rows: DocumentRow[]): DocumentRow[][] {
  const groups: DocumentRow[][] = [];
  for (const row of rows) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.problemKey === row.problemKey) last.push(row);
    else groups.push([row]);
  }
  return groups;
}

const cell = "border border-gray-500 px-2 py-1 align-top text-left";
const head = `${cell} bg-blue-50 font-bold`;
const num = `${cell} text-right tabular-nums`;

/** Fixed column widths (percent), so that a long word cannot squeeze a narrow column on paper. */
const AREA_WIDTHS = [17, 17, 22, 21, 9, 14];
const SIGNATURE_WIDTHS = [17, 33, 10, 12, 17, 11];

function Columns({ widths }: { widths: number[] }) {
  return (
    <colgroup>
      {widths.map((w, i) => (
        <col key={i} style={{ width: `${w}%` }} />
      ))}
    </colgroup>
  );
}

function Lines({ items }: { items: string[] }) {
  if (items.length === 0) return null;
  if (items.length === 1) return <span className="prose-cell">{items[0]}</span>;
  return (
    <ul className="list-none space-y-1 p-0">
      {items.map((item, i) => (
        <li key={i} className="prose-cell">
          {item}
        </li>
      ))}
    </ul>
  );
}

/**
 * The decided plan as the appendix to the council's decision, for the screen and for printing
 * (the same content as decision.pdf): the decisions, one table per area (each area on a new
 * printed page, its name and headings repeated on every page of the table), the summary and the
 * police co-signatures.
 */
export default async function DecisionPrintPage({ params }: Params) {
  const { district: slug, year } = await params;
  const { plan, district } = await requirePlan(slug, year);
  const base = `/plans/${district.slug}/${plan.year}`;
  const loaded = await loadDecisionDocument(plan, district.name);

  if (!loaded.ok) {
    return (
      <>
        <h2 className="mb-2 text-2xl font-bold">{DOCUMENT_TEXTS.appendix}</h2>
        <p className="max-w-3xl">{loaded.message}</p>
      </>
    );
  }

  const doc = loaded.document;
  const total = totalOf(doc.summary);
  return (
    <article className="print-document" aria-labelledby="decision-document-heading">
      <div className="mb-6 max-w-3xl border-l-4 border-brand bg-blue-50 p-3 print:hidden">
        <p className="mb-1">
          Så här ser beslutsbilagan ut: den beslutade versionen av planen, som bilaga till stadsdelsnämndens beslut. Skriv ut den med
          webbläsarens utskriftsfunktion (Ctrl+P eller Cmd+P); varje prioriterat område börjar på en ny sida.
        </p>
        <p>
          <a href={`${base}/decision.pdf`}>Ladda ner beslutsbilagan som PDF</a>
        </p>
      </div>

      <div className="mb-8">
        <p className="hidden text-3xl font-bold print:block">{documentTitle(doc)}</p>
        <h2 id="decision-document-heading" className="mb-2 text-2xl font-bold">
          {DOCUMENT_TEXTS.appendix}
        </h2>
        <p className="mb-4 max-w-4xl">{DOCUMENT_TEXTS.law}</p>
        {doc.confidentialNote ? <p className="mb-4 max-w-4xl font-semibold" data-testid="confidential-note">{doc.confidentialNote}</p> : null}
        <h3 className="mb-1 text-xl font-bold">Beslut</h3>
        <ul className="mb-2 list-none p-0">
          {decisionLines(doc.decisions).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        {doc.versionNumber !== null ? <p className="text-sm italic">{versionLine(doc.versionNumber)}</p> : null}
      </div>

      {doc.areas.map((area, index) => {
        const headingId = `document-area-${index + 1}`;
        const counts = doc.summary.find((r) => r.areaId === area.id);
        const rows = documentRows(area);
        return (
          <section key={area.id} className="print-area mb-10" aria-labelledby={headingId}>
            <h3 id={headingId} className="mb-1 text-xl font-bold print:hidden">
              {area.name}
            </h3>
            <p className="mb-2 text-sm print:hidden">
              Prioriterat område {index + 1} av {doc.areas.length}
              {counts ? ` · ${areaCountsLine(counts)}` : ""}
            </p>
            {rows.length === 0 ? (
              <>
                <p className="hidden text-lg font-bold print:block">{area.name}</p>
                <p>{DOCUMENT_TEXTS.noProblems}</p>
              </>
            ) : (
              <table className="w-full table-fixed border-collapse text-sm">
                <caption className="sr-only">
                  {area.name}: problem, orsak, åtgärd, operativa mål, när och vem, i den beslutade planen
                </caption>
                <Columns widths={AREA_WIDTHS} />
                <thead>
                  <tr className="hidden print:table-row" aria-hidden="true">
                    <td colSpan={AREA_COLUMNS.length} className="pb-2 text-left text-lg font-bold">
                      {area.name}
                    </td>
                  </tr>
                  <tr>
                    {AREA_COLUMNS.map((c) => (
                      <th key={c} scope="col" className={head}>
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                {problemGroups(rows).map((group) => (
                  <tbody key={group[0]!.problemKey}>
                    {group.map((row, i) => {
                      const firstOfCause = i === 0 || group[i - 1]!.causeKey !== row.causeKey;
                      const causeSpan = group.filter((r) => r.causeKey === row.causeKey).length;
                      return (
                        <tr key={i}>
                          {i === 0 ? (
                            <th scope="rowgroup" rowSpan={group.length} className={`${cell} font-normal`}>
                              {row.collectiveName ? <strong className="block">{row.collectiveName}</strong> : null}
                              <span className="prose-cell">{row.problem}</span>
                            </th>
                          ) : null}
                          {firstOfCause ? (
                            <td rowSpan={causeSpan} className={cell}>
                              <span className="prose-cell">{row.cause}</span>
                            </td>
                          ) : null}
                          <td className={cell}>
                            <span className="prose-cell">{row.measure}</span>
                          </td>
                          <td className={cell}>
                            <Lines items={row.goals} />
                          </td>
                          <td className={cell}>
                            <span className="prose-cell">{row.when}</span>
                          </td>
                          <td className={cell}>
                            <Lines items={row.who} />
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                ))}
              </table>
            )}
          </section>
        );
      })}

      <section className="print-area mb-10" aria-labelledby="document-summary">
        <h3 id="document-summary" className="mb-1 text-xl font-bold">
          {DOCUMENT_TEXTS.summary}
        </h3>
        <p className="mb-2 text-sm">Antal problem, identifierade orsaker, åtgärder och operativa mål per prioriterat område i den beslutade planen.</p>
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">
            Sammanställning av åtgärdsplan {doc.year} för {doc.districtName}
          </caption>
          <thead>
            <tr>
              {SUMMARY_COLUMNS.map((c, i) => (
                <th key={c} scope="col" className={i === 0 ? head : `${head} text-right`}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {doc.summary.map((r) => (
              <tr key={r.areaId}>
                <th scope="row" className={`${cell} font-normal`}>
                  {r.areaName}
                </th>
                <td className={num}>{r.problems}</td>
                <td className={num}>{r.causes}</td>
                <td className={num}>{r.measures}</td>
                <td className={num}>{r.goals}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="bg-gray-100 font-bold">
              <th scope="row" className={cell}>
                {DOCUMENT_TEXTS.total}
              </th>
              <td className={num}>{total.problems}</td>
              <td className={num}>{total.causes}</td>
              <td className={num}>{total.measures}</td>
              <td className={num}>{total.goals}</td>
            </tr>
          </tfoot>
        </table>
      </section>

      <section className="mb-10" aria-labelledby="document-signatures">
        <h3 id="document-signatures" className="mb-1 text-xl font-bold">
          {DOCUMENT_TEXTS.signatures}
        </h3>
        {doc.signatures.length === 0 ? (
          <p>{DOCUMENT_TEXTS.noSignatures}</p>
        ) : (
          <>
            <p className="mb-2 text-sm">{signaturesLine(doc.signatures)} Bara en underskrift av åtgärdens beslutade lydelse räknas.</p>
            <table className="w-full table-fixed border-collapse text-sm">
              <caption className="sr-only">Polisens underskrifter av åtgärderna som genomförs med polisen</caption>
              <Columns widths={SIGNATURE_WIDTHS} />
              <thead>
                <tr>
                  {SIGNATURE_COLUMNS.map((c) => (
                    <th key={c} scope="col" className={head}>
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {doc.signatures.map((s) => (
                  <tr key={s.measureId}>
                    <td className={cell}>{s.areaName}</td>
                    <th scope="row" className={`${cell} font-normal`}>
                      <span className="prose-cell">{s.measure}</span>
                    </th>
                    <td className={`${cell}${s.state === "SIGNED" ? "" : " font-bold"}`}>{SIGNATURE_STATE_LABELS[s.state]}</td>
                    <td className={cell}>{s.signedBy ?? "–"}</td>
                    <td className={cell}>{s.policeAreaName ?? "–"}</td>
                    <td className={cell}>{s.signedOn ?? "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
    </article>
  );
}
