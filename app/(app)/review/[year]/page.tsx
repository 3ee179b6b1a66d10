import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { CENTRAL_AREA_NAMES } from "@/lib/domain/areas";
import { GOAL_STATUSES, GOAL_STATUS_LABELS, NO_STATUS_LABEL, shareOf } from "@/lib/domain/follow-up";
import { STATUS_LABELS } from "@/lib/domain/workflow";
import { CENTRAL_AREAS, PLAN_STATUSES } from "@/lib/domain/types";
import { formatDate, todayInSweden } from "@/lib/dates";
import { requireReviewAccess } from "@/lib/auth/review-access";
import { reviewMatrix, type ReviewRow } from "@/lib/db/review";
import { MAX_ORGANISATION_FILTER, parseReviewFilter, reviewListHref, type ReviewListKind } from "@/lib/domain/review-filter";
import { AreaComparison, type AreaComparisonRow } from "@/components/review/area-comparison";

type Params = { params: Promise<{ year: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { year } = await params;
  return { title: `Beredning – åtgärdsplaner ${year}` };
}

const SORT_KEYS = ["district", "area", "problems", "causes", "measures", "goals", "police", "smart", "overdue", "status", "updated"] as const;
type SortKey = (typeof SORT_KEYS)[number];
type Dir = "asc" | "desc";

const COLUMNS: { key: SortKey; label: string; numeric: boolean }[] = [
  { key: "district", label: "Stadsdelsområde", numeric: false },
  { key: "area", label: "Prioriterat område", numeric: false },
  { key: "problems", label: "Problem", numeric: true },
  { key: "causes", label: "Orsaker", numeric: true },
  { key: "measures", label: "Åtgärder", numeric: true },
  { key: "goals", label: "Operativa mål", numeric: true },
  { key: "police", label: "Åtgärder med polisen", numeric: true },
  { key: "smart", label: "Mål som klarar SMART-kontrollen", numeric: true },
  { key: "overdue", label: "Försenade åtgärder", numeric: true },
  { key: "status", label: "Planens status", numeric: false },
  { key: "updated", label: "Senast ändrad", numeric: false },
];

/** What a count link lists, for its accessible name ("7 åtgärder, Farsta, Otrygga platser"). */
const LIST_LINK_NAMES: Record<ReviewListKind, string> = {
  problems: "problem",
  causes: "orsaker",
  measures: "åtgärder",
  goals: "operativa mål",
  police: "åtgärder med polisen",
  smart: "mål som klarar SMART-kontrollen",
  overdue: "försenade åtgärder",
};

const one = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).trim();

function sortValue(r: ReviewRow, key: SortKey): string | number {
  switch (key) {
    case "district":
      return r.districtName;
    case "area":
      return r.areaName;
    case "problems":
      return r.problems;
    case "causes":
      return r.causes;
    case "measures":
      return r.measures;
    case "goals":
      return r.goals;
    case "police":
      return r.measures === 0 ? -1 : r.policeMeasures / r.measures;
    case "smart":
      return r.goals === 0 ? -1 : r.smartGoals / r.goals;
    case "overdue":
      return r.overdueMeasures;
    case "status":
      return STATUS_LABELS[r.planStatus];
    case "updated":
      return r.planUpdatedAt.getTime();
  }
}

function sortRows(rows: ReviewRow[], key: SortKey, dir: Dir): ReviewRow[] {
  const sign = dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    const c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "sv-SE");
    if (c !== 0) return sign * c;
    return a.districtName.localeCompare(b.districtName, "sv-SE") || a.areaPosition - b.areaPosition;
  });
}

/**
 * The review group's console: every district's plan of the year, district × priority area, with
 * counts from the database (lib/db/review.ts). For the review group and administrators only.
 */
export default async function ReviewPage({ params, searchParams }: Params) {
  const { districts, municipalityIds } = await requireReviewAccess();
  const { year: yearParam } = await params;
  if (!/^\d{4}$/.test(yearParam)) notFound();
  const year = Number(yearParam);
  const sp = await searchParams;

  // The form posts the year as a field: move to that year's page, keeping the other filters.
  const yearField = one(sp.year);
  if (/^\d{4}$/.test(yearField) && yearField !== yearParam) {
    const rest = new URLSearchParams();
    for (const [k, v] of Object.entries(sp)) if (k !== "year" && one(v) !== "") rest.set(k, one(v));
    redirect(`/review/${yearField}${rest.size > 0 ? `?${rest.toString()}` : ""}`);
  }

  const { filter, query: filterQuery } = parseReviewFilter(sp, districts);
  const sortParam = one(sp.sort);
  const sort: SortKey = (SORT_KEYS as readonly string[]).includes(sortParam) ? (sortParam as SortKey) : "district";
  const dir: Dir = one(sp.dir) === "desc" ? "desc" : "asc";

  const matrix = await reviewMatrix(municipalityIds, year, filter, todayInSweden());
  const rows = sortRows(matrix.rows, sort, dir);
  const total = matrix.total;
  const years = [...new Set([year, ...districts.flatMap((d) => d.plans.map((p) => p.year))])].sort((a, b) => b - a);

  const sortHref = (key: SortKey) => {
    const q = new URLSearchParams(filterQuery);
    q.set("sort", key);
    q.set("dir", sort === key && dir === "asc" ? "desc" : "asc");
    return `/review/${year}?${q.toString()}`;
  };
  const areaHref = (r: ReviewRow) => `/plans/${r.districtSlug}/${year}/areas/${r.areaId}`;

  // One chart per area: the central areas in the agreement's order, then the districts' own areas.
  const groups = [
    ...CENTRAL_AREAS.map((ca) => ({ key: ca, name: CENTRAL_AREA_NAMES[ca], rows: matrix.rows.filter((r) => r.centralArea === ca) })),
    { key: "OWN", name: "Stadsdelsområdenas egna områden", rows: matrix.rows.filter((r) => r.centralArea === null) },
  ].filter((g) => g.rows.length > 0);
  const chartRows = (g: (typeof groups)[number]): AreaComparisonRow[] =>
    g.rows.map((r) => ({
      key: r.areaId,
      districtName: g.key === "OWN" ? `${r.districtName}: ${r.areaName}` : r.districtName,
      href: areaHref(r),
      measures: r.measures,
      policeMeasures: r.policeMeasures,
      goals: r.goals,
      smartGoals: r.smartGoals,
      overdueMeasures: r.overdueMeasures,
    }));

  const num = "py-2 px-2 text-right tabular-nums";
  const label = "mb-1 block font-semibold";
  const input = "w-full border-2 border-gray-700 bg-white px-2 py-1";
  // Every number leads to the list behind it: the same filters, the cell's area (none in the total row) and column.
  const listHref = (kind: ReviewListKind, r?: ReviewRow) => reviewListHref(year, filterQuery, kind, r?.areaId);
  const countLink = (kind: ReviewListKind, n: number, testId: string, r?: ReviewRow) => (
    <a href={listHref(kind, r)} data-testid={testId} aria-label={`${n} ${LIST_LINK_NAMES[kind]}, ${r ? `${r.districtName}, ${r.areaName}` : "hela staden"}`}>
      {n}
    </a>
  );

  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">Beredning av åtgärdsplaner {year}</h1>
      <p className="mb-4 max-w-3xl">
        Stadsdelsområdenas planer för {year} per prioriterat område: antal problem, orsaker, åtgärder och operativa mål, hur stor
        andel av åtgärderna som genomförs med polisen, hur stor andel av målen som klarar SMART-kontrollen och hur många åtgärder
        som är försenade i dag. Varje siffra leder till listan bakom den: problemen, orsakerna, åtgärderna eller målen, med samma filter. Åtgärder med sekretess räknas inte.
      </p>
      <p className="mb-6">
        <a href={`/review/${year}/export.xlsx`} download>
          Ladda ner alla planer för {year} som Excel-fil
        </a>
      </p>

      <section aria-labelledby="filter-heading" className="mb-8">
        <h2 id="filter-heading" className="mb-3 text-2xl font-bold">
          Filter
        </h2>
        <form method="get" action={`/review/${year}`} className="grid max-w-4xl gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <div>
            <label htmlFor="filter-year" className={label}>
              År
            </label>
            <select id="filter-year" name="year" defaultValue={String(year)} className={input}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="filter-area" className={label}>
              Prioriterat område
            </label>
            <select id="filter-area" name="area" defaultValue={filter.area ?? ""} className={input}>
              <option value="">Alla områden</option>
              {CENTRAL_AREAS.map((ca) => (
                <option key={ca} value={ca}>
                  {CENTRAL_AREA_NAMES[ca]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="filter-district" className={label}>
              Stadsdelsområde
            </label>
            <select id="filter-district" name="district" defaultValue={filterQuery.get("district") ?? ""} className={input}>
              <option value="">Alla stadsdelsområden</option>
              {districts.map((d) => (
                <option key={d.id} value={d.slug}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="filter-police" className={label}>
              Åtgärder med polisen
            </label>
            <select id="filter-police" name="police" defaultValue={filterQuery.get("police") ?? ""} className={input}>
              <option value="">Alla åtgärder</option>
              <option value="med">Bara åtgärder med polisen</option>
              <option value="utan">Bara åtgärder utan polisen</option>
            </select>
          </div>
          <div>
            <label htmlFor="filter-tag" className={label}>
              Märkning
            </label>
            <select id="filter-tag" name="tag" defaultValue={filterQuery.get("tag") ?? ""} className={input}>
              <option value="">Alla åtgärder</option>
              <option value="ungdom">Strategin för barn och unga</option>
              <option value="vbe">Våldsbejakande extremism (VBE)</option>
            </select>
          </div>
          <div>
            <label htmlFor="filter-status" className={label}>
              Planens status
            </label>
            <select id="filter-status" name="status" defaultValue={filter.status ?? ""} className={input}>
              <option value="">Alla statusar</option>
              {PLAN_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="filter-followup" className={label}>
              Målens uppföljningsstatus
            </label>
            <select id="filter-followup" name="followUp" defaultValue={filter.followUp ?? ""} className={input}>
              <option value="">Alla åtgärder</option>
              {GOAL_STATUSES.map((s) => (
                <option key={s} value={s}>
                  Åtgärder med mål som är: {GOAL_STATUS_LABELS[s].toLowerCase()}
                </option>
              ))}
              <option value="NONE">Åtgärder med mål som saknar status: {NO_STATUS_LABEL.toLowerCase()}</option>
            </select>
          </div>
          <div>
            <label htmlFor="filter-organisation" className={label}>
              Ansvarig organisation
            </label>
            <input id="filter-organisation" name="organisation" type="text" defaultValue={filter.organisation ?? ""} maxLength={MAX_ORGANISATION_FILTER} className={input} />
          </div>
          {sortParam ? <input type="hidden" name="sort" value={sort} /> : null}
          {sortParam ? <input type="hidden" name="dir" value={dir} /> : null}
          <div className="flex items-end gap-4 sm:col-span-2 lg:col-span-3">
            <button type="submit" className="border-2 border-brand bg-brand px-4 py-2 font-semibold text-white">
              Visa
            </button>
            <Link href={`/review/${year}`}>Rensa filter</Link>
          </div>
        </form>
      </section>

      <section aria-labelledby="matrix-heading" className="mb-10">
        <h2 id="matrix-heading" className="mb-3 text-2xl font-bold">
          Planer per stadsdelsområde och område
        </h2>
        {rows.length === 0 ? (
          <p data-testid="review-empty">Det finns inga planer för {year} som matchar filtret.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left text-sm" data-testid="review-table">
              <caption className="mb-2 text-left">
                Åtgärdsplaner {year} per stadsdelsområde och prioriterat område. Klicka på en kolumnrubrik för att sortera.
              </caption>
              <thead>
                <tr className="border-b-2 border-gray-700 align-bottom">
                  {COLUMNS.map((c) => (
                    <th
                      key={c.key}
                      scope="col"
                      className={c.numeric ? num : "py-2 pr-2"}
                      aria-sort={sort === c.key ? (dir === "asc" ? "ascending" : "descending") : undefined}
                    >
                      <a href={sortHref(c.key)}>
                        {c.label}
                        {sort === c.key ? <span aria-hidden="true">{dir === "asc" ? " ▲" : " ▼"}</span> : null}
                        <span className="sr-only">
                          {sort === c.key ? (dir === "asc" ? ", sorterat stigande, sortera fallande" : ", sorterat fallande, sortera stigande") : ", sortera"}
                        </span>
                      </a>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.areaId} className="border-b border-gray-300 align-top" data-testid="review-row" data-district={r.districtSlug} data-area={r.centralArea ?? "OWN"}>
                    <th scope="row" className="py-2 pr-2 font-semibold">
                      {r.districtName}
                    </th>
                    <td className="py-2 pr-2">
                      <a href={areaHref(r)}>{r.areaName}</a>
                    </td>
                    <td className={num}>{countLink("problems", r.problems, "count-problems", r)}</td>
                    <td className={num}>{countLink("causes", r.causes, "count-causes", r)}</td>
                    <td className={num}>{countLink("measures", r.measures, "count-measures", r)}</td>
                    <td className={num}>{countLink("goals", r.goals, "count-goals", r)}</td>
                    <td className={num}>
                      <a href={listHref("police", r)} data-testid="share-police" aria-label={`${shareOf(r.policeMeasures, r.measures)} % (${r.policeMeasures}) ${LIST_LINK_NAMES.police}, ${r.districtName}, ${r.areaName}`}>
                        {shareOf(r.policeMeasures, r.measures)} %
                      </a>{" "}
                      <span className="text-muted">({r.policeMeasures})</span>
                    </td>
                    <td className={num}>
                      <a href={listHref("smart", r)} data-testid="share-smart" aria-label={`${shareOf(r.smartGoals, r.goals)} % (${r.smartGoals}) ${LIST_LINK_NAMES.smart}, ${r.districtName}, ${r.areaName}`}>
                        {shareOf(r.smartGoals, r.goals)} %
                      </a>{" "}
                      <span className="text-muted">({r.smartGoals})</span>
                    </td>
                    <td className={num}>{countLink("overdue", r.overdueMeasures, "count-overdue", r)}</td>
                    <td className="py-2 pr-2">{STATUS_LABELS[r.planStatus]}</td>
                    <td className="whitespace-nowrap py-2 pr-2 tabular-nums">
                      <time dateTime={r.planUpdatedAt.toISOString()}>{formatDate(r.planUpdatedAt)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="border-t-2 border-gray-700 font-bold" data-testid="review-total">
                  <th scope="row" className="py-2 pr-2">
                    Hela staden
                  </th>
                  <td className="py-2 pr-2 font-normal">
                    {total.plans} {total.plans === 1 ? "plan" : "planer"}
                  </td>
                  <td className={num}>{countLink("problems", total.problems, "total-problems")}</td>
                  <td className={num}>{countLink("causes", total.causes, "total-causes")}</td>
                  <td className={num}>{countLink("measures", total.measures, "total-measures")}</td>
                  <td className={num}>{countLink("goals", total.goals, "total-goals")}</td>
                  <td className={num}>
                    <a href={listHref("police")} aria-label={`${shareOf(total.policeMeasures, total.measures)} % (${total.policeMeasures}) ${LIST_LINK_NAMES.police}, hela staden`}>
                      {shareOf(total.policeMeasures, total.measures)} %
                    </a>{" "}
                    <span className="font-normal">({total.policeMeasures})</span>
                  </td>
                  <td className={num}>
                    <a href={listHref("smart")} aria-label={`${shareOf(total.smartGoals, total.goals)} % (${total.smartGoals}) ${LIST_LINK_NAMES.smart}, hela staden`}>
                      {shareOf(total.smartGoals, total.goals)} %
                    </a>{" "}
                    <span className="font-normal">({total.smartGoals})</span>
                  </td>
                  <td className={num}>{countLink("overdue", total.overdueMeasures, "total-overdue")}</td>
                  <td className="py-2 pr-2" />
                  <td className="py-2 pr-2" />
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </section>

      {groups.length > 0 ? (
        <section aria-labelledby="charts-heading">
          <h2 id="charts-heading" className="mb-3 text-2xl font-bold">
            Jämförelse per område
          </h2>
          <p className="mb-4 max-w-3xl">
            Antal åtgärder per stadsdelsområde. Den randiga delen av stapeln är åtgärderna som genomförs med polisen; talen står
            bredvid stapeln och i tabellen.
          </p>
          {groups.map((g) => (
            <section key={g.key} aria-labelledby={`chart-${g.key}`} className="mb-8" data-testid="area-comparison">
              <h3 id={`chart-${g.key}`} className="mb-2 text-xl font-bold">
                {g.name}
              </h3>
              <AreaComparison caption={`${g.name} ${year}: stadsdelsområdena jämförda`} rows={chartRows(g)} />
            </section>
          ))}
        </section>
      ) : null}
    </>
  );
}
