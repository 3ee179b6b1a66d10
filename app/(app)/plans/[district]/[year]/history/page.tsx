import type { Metadata } from "next";
import { requirePlan } from "@/lib/auth/plan-access";
import { db } from "@/lib/db/client";
import { confidentialEntityIds, listPlanAudit } from "@/lib/db/versions";

export const metadata: Metadata = { title: "Ändringshistorik" };

const OBJECT_LABELS: Record<string, string> = {
  plan: "Plan", area: "Område", problem: "Problem", cause: "Orsak", measure: "Åtgärd", goal: "Mål",
  measureFollowUp: "Uppföljning av åtgärd", goalFollowUp: "Målets status i uppföljningen", followUpRound: "Uppföljningsomgång",
};
const UUID = /^[0-9a-f-]{36}$/i;
const VERB_LABELS: Record<string, string> = {
  create: "lades till", update: "ändrades", delete: "togs bort", move: "flyttades", rename: "bytte namn", import: "lästes in",
  cosign: "signerades av polisen", decline: "avböjdes av polisen", submit: "skickades till styrgruppen", decide: "beslutades",
  return_from_steering: "skickades tillbaka av styrgruppen", review_accept: "godkändes av beredningsgruppen",
  review_return: "skickades tillbaka av beredningsgruppen", council_decide: "beslutades av nämnden", reopen: "öppnades för ändringar",
  measureFollowUp: "skrevs", goalFollowUp: "sattes", complete: "markerades som klar", copy: "kopierades från ett annat stadsdelsområde",
};
const actionLabel = (entityType: string, action: string) =>
  `${OBJECT_LABELS[entityType] ?? "Uppgift"} ${VERB_LABELS[action.split(".")[1] ?? ""] ?? "ändrades"}`;

function describe(value: unknown): string {
  if (value === null || value === undefined) return "–";
  const text = JSON.stringify(value, (k, v) => (["id", "createdAt", "updatedAt", "version", "position", "areaId", "problemId", "causeId", "measureId", "planId"].includes(k) ? undefined : v));
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

/** The plan's audit log: who changed what, when, before → after. Read-only: nothing here can be edited or deleted. */
export default async function HistoryPage({ params, searchParams }: { params: Promise<{ district: string; year: string }>; searchParams: Promise<{ person?: string; object?: string }> }) {
  const { district: slug, year } = await params;
  const { person, object } = await searchParams;
  const { plan, district, canReadConfidential } = await requirePlan(slug, year);
  const filter = {
    actorId: person && UUID.test(person) ? person : undefined,
    entityType: object && object in OBJECT_LABELS ? object : undefined,
    hiddenEntityIds: canReadConfidential ? [] : await confidentialEntityIds(plan.id),
  };
  const [entries, people] = await Promise.all([
    listPlanAudit(plan.id, filter),
    db.user.findMany({ where: { auditEntries: { some: { planId: plan.id } } }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return (
    <>
      <h2 className="mb-2 text-2xl font-bold">Ändringshistorik</h2>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="person" className="block font-semibold">Person</label>
          <select id="person" name="person" defaultValue={filter.actorId ?? ""} className="border-2 border-gray-700 px-2 py-1">
            <option value="">Alla</option>
            {people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="object" className="block font-semibold">Typ av uppgift</label>
          <select id="object" name="object" defaultValue={filter.entityType ?? ""} className="border-2 border-gray-700 px-2 py-1">
            <option value="">Alla</option>
            {Object.entries(OBJECT_LABELS).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
          </select>
        </div>
        <button type="submit" className="border-2 border-brand bg-white px-3 py-1.5 font-semibold text-brand">Filtrera</button>
      </form>
      <table className="w-full border-collapse text-left text-sm" data-testid="audit-table">
        <caption className="sr-only">Ändringar i åtgärdsplan {plan.year} för {district.name}, senaste först</caption>
        <thead>
          <tr className="border-b-2 border-gray-700">
            <th scope="col" className="py-2 pr-2">När</th>
            <th scope="col" className="py-2 pr-2">Vem</th>
            <th scope="col" className="py-2 pr-2">Vad</th>
            <th scope="col" className="py-2 pr-2">Före</th>
            <th scope="col" className="py-2">Efter</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id.toString()} className="border-b border-gray-300 align-top">
              <td className="py-2 pr-2 whitespace-nowrap">{e.at.toLocaleString("sv-SE", { timeZone: "Europe/Stockholm", dateStyle: "short", timeStyle: "short" })}</td>
              <td className="py-2 pr-2">{e.actor?.name ?? "Systemet"}</td>
              <td className="py-2 pr-2">{actionLabel(e.entityType, e.action)}</td>
              <td className="py-2 pr-2 break-all">{describe(e.before)}</td>
              <td className="py-2 break-all">{describe(e.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {entries.length === 0 ? <p className="mt-2">Inga ändringar matchar filtret.</p> : null}
    </>
  );
}
