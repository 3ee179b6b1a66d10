import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDeadline } from "@/lib/domain/deadline";
import { GOAL_STATUS_LABELS, NO_STATUS_LABEL, goalStatusSummary, type GoalStatus } from "@/lib/domain/follow-up";
import { describeReviewFilter, listLevel, parseReviewFilter, REVIEW_LIST_KINDS, REVIEW_LIST_TITLES, type ReviewListKind } from "@/lib/domain/review-filter";
import { todayInSweden } from "@/lib/dates";
import { requireReviewAccess } from "@/lib/auth/review-access";
import { reviewAreaPlace, reviewList, type ReviewItem } from "@/lib/db/review";

type Params = { params: Promise<{ year: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const LIMIT = 500;

const kindOf = (v: string | string[] | undefined): ReviewListKind => {
  const k = Array.isArray(v) ? v[0] : v;
  return (REVIEW_LIST_KINDS as readonly string[]).includes(k ?? "") ? (k as ReviewListKind) : "measures";
};

export async function generateMetadata({ params, searchParams }: Params): Promise<Metadata> {
  const [{ year }, sp] = await Promise.all([params, searchParams]);
  return { title: `${REVIEW_LIST_TITLES[kindOf(sp.kind)]} – beredning ${year}` };
}

/** Where an item is in its plan: the area page, at the item. */
function itemHref(year: number, i: ReviewItem, level: ReturnType<typeof listLevel>): string {
  const anchor = level === "problem" ? `problem-${i.problemId}` : level === "cause" ? `cause-${i.causeId}` : level === "measure" ? `measure-${i.id}` : `goal-${i.id}`;
  return `/plans/${i.districtSlug}/${year}/areas/${i.areaId}#${anchor}`;
}

/**
 * The list behind a number of the review console: the problems, causes, measures or goals it
 * counts, with the console's filters, for one area of one plan (a cell) or the whole city (the
 * total row). Counted and listed by the same SQL (lib/db/review.ts), so the list is as long as
 * the number. For the review group and administrators only; measures with sekretess never appear.
 */
export default async function ReviewListPage({ params, searchParams }: Params) {
  const { districts, municipalityIds } = await requireReviewAccess();
  const { year: yearParam } = await params;
  if (!/^\d{4}$/.test(yearParam)) notFound();
  const year = Number(yearParam);
  const sp = await searchParams;
  const kind = kindOf(sp.kind);
  const level = listLevel(kind);
  const { filter, query } = parseReviewFilter(sp, districts);

  const [{ items, total }, cell] = await Promise.all([
    reviewList(municipalityIds, year, filter, kind, todayInSweden(), LIMIT),
    // The cell's area and district by name, also when its list is empty (an area outside the reader's plans: none).
    filter.areaId ? reviewAreaPlace(municipalityIds, year, filter.areaId) : null,
  ]);
  const districtName = cell?.districtName ?? districts.find((d) => d.id === filter.districtId)?.name;
  const filterWords = describeReviewFilter(filter, { district: districtName, area: cell?.areaName });
  const consoleQuery = new URLSearchParams(query);
  consoleQuery.delete("areaId");
  const back = `/review/${year}${consoleQuery.size > 0 ? `?${consoleQuery.toString()}` : ""}`;

  const th = "py-2 pr-3 align-bottom";
  const td = "py-2 pr-3 align-top";
  const statusText = (s: GoalStatus | null) => (s ? GOAL_STATUS_LABELS[s] : NO_STATUS_LABEL);

  return (
    <>
      <p className="mb-2">
        <Link href={back}>Tillbaka till beredningen {year}</Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">
        {REVIEW_LIST_TITLES[kind]} {year}
      </h1>
      <p className="mb-1" data-testid="list-scope">
        {filterWords.length > 0 ? filterWords.join(", ") : "Hela staden, alla planer"}
      </p>
      <p className="mb-6" data-testid="list-count" role="status">
        {total === 0 ? "Inga träffar." : total > items.length ? `Visar de första ${items.length} av ${total}.` : `${total} st.`} Åtgärder med sekretess visas inte.
      </p>

      {items.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm" data-testid="review-list">
            <caption className="sr-only">
              {REVIEW_LIST_TITLES[kind]} {year}
              {filterWords.length > 0 ? `: ${filterWords.join(", ")}` : ""}
            </caption>
            <thead>
              <tr className="border-b-2 border-gray-700">
                <th scope="col" className={th}>Stadsdelsområde</th>
                <th scope="col" className={th}>Område</th>
                <th scope="col" className={th}>Problem</th>
                {level !== "problem" ? <th scope="col" className={th}>Orsak</th> : null}
                {level === "measure" || level === "goal" ? <th scope="col" className={th}>Åtgärd</th> : null}
                {level === "measure" ? (
                  <>
                    <th scope="col" className={th}>Ansvariga</th>
                    <th scope="col" className={th}>Klart</th>
                    <th scope="col" className={th}>Med polisen</th>
                    <th scope="col" className={th}>Målens uppföljning</th>
                  </>
                ) : null}
                {level === "goal" ? (
                  <>
                    <th scope="col" className={th}>Operativt mål</th>
                    <th scope="col" className={th}>Uppföljning</th>
                    <th scope="col" className={th}>SMART-kontrollen</th>
                  </>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.id} className="border-b border-gray-300" data-testid="review-item" data-district={i.districtSlug}>
                  <th scope="row" className={`${td} font-semibold`}>
                    {i.districtName}
                  </th>
                  <td className={td}>{i.areaName}</td>
                  <td className={td}>{level === "problem" ? <a href={itemHref(year, i, level)}>{i.problem}</a> : i.problem}</td>
                  {level !== "problem" ? <td className={td}>{level === "cause" ? <a href={itemHref(year, i, level)}>{i.cause}</a> : i.cause}</td> : null}
                  {i.measure && (level === "measure" || level === "goal") ? (
                    <td className={td}>{level === "measure" ? <a href={itemHref(year, i, level)}>{i.measure.description}</a> : i.measure.description}</td>
                  ) : null}
                  {i.measure && level === "measure" ? (
                    <>
                      <td className={td}>{i.measure.responsible.length > 0 ? i.measure.responsible.join("; ") : "–"}</td>
                      <td className={`${td} whitespace-nowrap`}>
                        {formatDeadline(i.measure.deadline)}
                        {i.measure.overdue ? <strong className="block text-danger">Försenad</strong> : null}
                      </td>
                      <td className={td}>{i.measure.police ? "Ja" : "Nej"}</td>
                      <td className={td}>{goalStatusSummary(i.measure.goalStatuses)}</td>
                    </>
                  ) : null}
                  {i.goal && level === "goal" ? (
                    <>
                      <td className={td}>
                        <a href={itemHref(year, i, level)}>{i.goal.description}</a>
                        {i.goal.targetValue !== null ? <span className="block text-muted">Målvärde: {i.goal.targetValue}</span> : null}
                      </td>
                      <td className={td}>{statusText(i.goal.status)}</td>
                      <td className={td}>
                        {i.goal.smartFlags.length === 0 ? (
                          i.goal.qualitative ? "Kvalitativt mål" : "Klarar"
                        ) : (
                          <ul className="list-disc pl-4">
                            {i.goal.smartFlags.map((f) => (
                              <li key={f.code}>{f.message}</li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
