import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { countChanges, importChanges, isNewOwnArea, notInFile, planImport, type ImportChange } from "@/lib/domain/import-plan";
import { diffWords } from "@/lib/domain/diff";
import type { ImportContent } from "@/lib/actions/import";
import { requirePlan } from "@/lib/auth/plan-access";
import { db } from "@/lib/db/client";
import { getPlanTree } from "@/lib/db/plans";
import { ApplyImportForm } from "@/components/import/import-forms";
import { Tag } from "@/components/ui/tag";

export const metadata: Metadata = { title: "Förhandsgranska inläsning" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LEVEL = { area: "område", problem: "problem", cause: "orsak", measure: "åtgärd", goal: "operativt mål" } as const;

function Words({ before, after }: { before: string; after: string }) {
  return (
    <>
      {diffWords(before, after).map((p, i) =>
        p.op === "same" ? <span key={i}>{p.text}</span> : p.op === "added" ? <ins key={i} className="bg-green-100">{p.text}</ins> : <del key={i} className="bg-red-100">{p.text}</del>,
      )}
    </>
  );
}

const where = (c: ImportChange) => `flik ”${c.sheet}”${c.row ? `, rad ${c.row}` : ""}`;

/** Import step 2: what the file will add and change, what cannot be read, and one button that says what happens. */
export default async function ImportPreviewPage({ params }: { params: Promise<{ district: string; year: string; sessionId: string }> }) {
  const { district: slug, year, sessionId } = await params;
  const { actor, district, plan, canEdit } = await requirePlan(slug, year);
  if (!UUID.test(sessionId)) notFound();
  const session = await db.importSession.findFirst({ where: { id: sessionId, planId: plan.id, userId: actor.userId } });
  if (!session) notFound();
  const base = `/plans/${district.slug}/${plan.year}`;
  const content = session.content as unknown as ImportContent;
  const current = await getPlanTree(plan.id);
  const newOwn = content.sheets.map((s, i) => ({ s, i })).filter(({ s }) => isNewOwnArea(s, current));
  const planned = planImport(content.sheets, current, plan.year);
  const changes = importChanges(planned, current);
  const staying = notInFile(planned, current);
  const n = countChanges(changes);
  const stale = plan.version !== session.planVersion;

  return (
    <>
      <h2 className="mb-2 text-2xl font-bold">Förhandsgranska inläsning</h2>
      <p className="mb-4">
        Fil: <strong>{session.fileName}</strong>. Inget är sparat i planen än.
      </p>
      {session.appliedAt ? (
        <p className="mb-4 border-l-4 border-ok bg-green-50 p-3" data-testid="import-applied">
          Filen är redan inläst i planen. <Link href={base}>Till översikten</Link>
        </p>
      ) : null}
      {stale && !session.appliedAt ? (
        <p className="mb-4 border-l-4 border-danger bg-red-50 p-3" data-testid="import-stale">
          Planen har ändrats sedan filen lästes in. <Link href={`${base}/import`}>Ladda upp filen igen</Link> för att se vad inläsningen ändrar nu.
        </p>
      ) : null}

      <section aria-labelledby="import-summary" className="mb-6">
        <h3 id="import-summary" className="mb-2 text-xl font-bold">Det här händer</h3>
        <ul className="list-disc pl-6" data-testid="import-counts">
          <li>
            Nya: {n.create.area} områden, {n.create.problem} problem, {n.create.cause} orsaker, {n.create.measure} åtgärder, {n.create.goal} operativa mål
          </li>
          <li>
            Ändrade: {n.update.problem} problem, {n.update.cause} orsaker, {n.update.measure} åtgärder, {n.update.goal} operativa mål
          </li>
          <li>Rader som inte går att läsa: {content.issues.length}</li>
          <li>Finns i planen men inte i filen (ligger kvar): {staying.length}</li>
        </ul>
        <p className="mt-2 text-sm">Uppföljningskolumnen läses inte in: uppföljning skrivs på den beslutade planen.</p>
      </section>

      {content.issues.length > 0 ? (
        <section aria-labelledby="import-issues" className="mb-6">
          <h3 id="import-issues" className="mb-2 text-xl font-bold">Rader som inte går att läsa ({content.issues.length})</h3>
          <table className="w-full border-collapse text-left text-sm" data-testid="import-issues">
            <caption className="sr-only">Rader som inte läses in, med flik, rad och skäl</caption>
            <thead>
              <tr className="border-b-2 border-gray-700">
                <th scope="col" className="py-1 pr-2">Flik</th>
                <th scope="col" className="py-1 pr-2">Rad</th>
                <th scope="col" className="py-1">Skäl</th>
              </tr>
            </thead>
            <tbody>
              {content.issues.map((i, k) => (
                <tr key={k} className="border-b border-gray-300">
                  <td className="py-1 pr-2">{i.sheet}</td>
                  <td className="py-1 pr-2">{i.row ?? "–"}</td>
                  <td className="py-1">{i.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      <section aria-labelledby="import-changes" className="mb-6">
        <h3 id="import-changes" className="mb-2 text-xl font-bold">Nytt och ändrat ({changes.length})</h3>
        {changes.length === 0 ? <p>Filen innehåller inget som inte redan finns i planen.</p> : null}
        <ol className="space-y-2" data-testid="import-change-list">
          {changes.map((c, k) => (
            <li key={k} className="border-l-4 border-gray-300 pl-3">
              <Tag tone={c.op === "create" ? "ok" : "info"}>{c.op === "create" ? `Ny ${LEVEL[c.level]}` : `Ändrad ${LEVEL[c.level]}`}</Tag> {c.areaName} ({where(c)}): {c.text.length > 160 ? `${c.text.slice(0, 159)}…` : c.text}
              {c.fields.length ? (
                <ul className="mt-1 text-sm">
                  {c.fields.map((f) => (
                    <li key={f.field}>
                      {f.field}: <Words before={f.before} after={f.after} />
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      </section>

      {staying.length > 0 ? (
        <details className="mb-6">
          <summary className="cursor-pointer font-semibold">Finns i planen men inte i filen ({staying.length}): ligger kvar</summary>
          <ul className="mt-2 list-disc pl-6 text-sm">
            {staying.map((s, k) => (
              <li key={k}>
                {s.areaName}, {LEVEL[s.level]}: {s.text.length > 120 ? `${s.text.slice(0, 119)}…` : s.text}
              </li>
            ))}
          </ul>
        </details>
      ) : null}

      {canEdit && !session.appliedAt && !stale ? (
        <ApplyImportForm planRef={{ districtSlug: district.slug, year: plan.year }} sessionId={session.id} label={`Läs in ${changes.length} nya och ändrade rader i planen`}>
          {newOwn.length > 0 ? (
            <fieldset className="mb-4">
              <legend className="font-semibold">Flikar som inte är något av planens områden</legend>
              <p className="text-sm text-muted">Kryssa i de flikar som ska bli egna prioriterade områden i planen.</p>
              {newOwn.map(({ s, i }) => (
                <label key={i} className="mt-1 flex items-center gap-2">
                  <input type="checkbox" name={`include.s${i}`} defaultChecked className="h-5 w-5" />
                  Skapa området ”{s.area.name}” ({s.rows.length} rader)
                </label>
              ))}
            </fieldset>
          ) : null}
        </ApplyImportForm>
      ) : null}
      <p className="mt-4">
        <Link href={`${base}/import`}>Välj en annan fil</Link>
      </p>
    </>
  );
}
