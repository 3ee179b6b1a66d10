// The review console's filters (/review/{year}) and the lists behind its cells
// (/review/{year}/list): what a filter means, how it is written in the address, and which
// list a cell leads to. Pure: the pages parse with it, lib/db/review.ts counts and lists with it.

import { CENTRAL_AREA_NAMES } from "./areas";
import { GOAL_STATUSES, GOAL_STATUS_LABELS, NO_STATUS_LABEL, type GoalStatus } from "./follow-up";
import { STATUS_LABELS } from "./workflow";
import { CENTRAL_AREAS, PLAN_STATUSES, type CentralArea, type PlanStatus } from "./types";

export type ReviewFilter = {
  area?: CentralArea;
  districtId?: string;
  /** One priority area of one plan (a cell of the matrix). */
  areaId?: string;
  /** true: only measures carried out with the police; false: only those without. */
  withPolice?: boolean;
  /** Only measures with a responsible party whose organisation contains this text (case-insensitive). */
  organisation?: string;
  /** Only measures tagged for the youth strategy, or for violent extremism (VBE). */
  tag?: "youthStrategy" | "violentExtremism";
  status?: PlanStatus;
  /** Only measures with a goal whose latest follow-up status is this ("NONE": no status yet). */
  followUp?: GoalStatus | "NONE";
};

/** Does the filter pick measures (then only the problems and causes above a matching measure count)? */
export function isMeasureFiltered(filter: ReviewFilter): boolean {
  return filter.withPolice !== undefined || (filter.organisation ?? "").trim() !== "" || filter.tag !== undefined || filter.followUp !== undefined;
}

/** The lists behind the console's cells: one per counted column. */
export const REVIEW_LIST_KINDS = ["problems", "causes", "measures", "goals", "police", "smart", "overdue"] as const;
export type ReviewListKind = (typeof REVIEW_LIST_KINDS)[number];

/** The list's heading, the column's name in the console. */
export const REVIEW_LIST_TITLES: Record<ReviewListKind, string> = {
  problems: "Problem",
  causes: "Orsaker",
  measures: "Åtgärder",
  goals: "Operativa mål",
  police: "Åtgärder med polisen",
  smart: "Mål som klarar SMART-kontrollen",
  overdue: "Försenade åtgärder",
};

/** Which level of the chain a list shows. */
export function listLevel(kind: ReviewListKind): "problem" | "cause" | "measure" | "goal" {
  switch (kind) {
    case "problems":
      return "problem";
    case "causes":
      return "cause";
    case "measures":
    case "police":
    case "overdue":
      return "measure";
    case "goals":
    case "smart":
      return "goal";
  }
}

export const MAX_ORGANISATION_FILTER = 100;

type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).trim();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The filter in the address (?area=…&district=slug&police=med|utan&status=…&organisation=…
 * &tag=ungdom|vbe&followUp=…&areaId=…), read against the districts the reader may review. What
 * is not understood is left out (a district not in `districts` is no filter, not someone
 * else's plan). `query` is the filter written back in its canonical form, for links.
 */
export function parseReviewFilter(sp: SearchParams, districts: readonly { id: string; slug: string }[]): { filter: ReviewFilter; query: URLSearchParams } {
  const filter: ReviewFilter = {};
  const query = new URLSearchParams();
  const area = one(sp.area);
  if ((CENTRAL_AREAS as readonly string[]).includes(area)) {
    filter.area = area as CentralArea;
    query.set("area", area);
  }
  const district = districts.find((d) => d.slug === one(sp.district));
  if (district) {
    filter.districtId = district.id;
    query.set("district", district.slug);
  }
  const areaId = one(sp.areaId);
  if (UUID.test(areaId)) {
    filter.areaId = areaId.toLowerCase();
    query.set("areaId", filter.areaId);
  }
  const police = one(sp.police);
  if (police === "med" || police === "utan") {
    filter.withPolice = police === "med";
    query.set("police", police);
  }
  const status = one(sp.status);
  if ((PLAN_STATUSES as readonly string[]).includes(status)) {
    filter.status = status as PlanStatus;
    query.set("status", status);
  }
  const organisation = one(sp.organisation).slice(0, MAX_ORGANISATION_FILTER).trim();
  if (organisation) {
    filter.organisation = organisation;
    query.set("organisation", organisation);
  }
  const tag = one(sp.tag);
  if (tag === "ungdom" || tag === "vbe") {
    filter.tag = tag === "ungdom" ? "youthStrategy" : "violentExtremism";
    query.set("tag", tag);
  }
  const followUp = one(sp.followUp);
  if (followUp === "NONE" || (GOAL_STATUSES as readonly string[]).includes(followUp)) {
    filter.followUp = followUp as GoalStatus | "NONE";
    query.set("followUp", followUp);
  }
  return { filter, query };
}

/** The list behind a cell: the console's filters, the cell's area (none for the city-wide total row) and column. */
export function reviewListHref(year: number, query: URLSearchParams, kind: ReviewListKind, areaId?: string): string {
  const q = new URLSearchParams(query);
  q.delete("areaId");
  if (areaId) q.set("areaId", areaId);
  q.set("kind", kind);
  return `/review/${year}/list?${q.toString()}`;
}

/** The filter in words, one phrase per part, for the list's heading ("Otrygga platser", "med polisen"…). */
export function describeReviewFilter(filter: ReviewFilter, names: { district?: string; area?: string }): string[] {
  const out: string[] = [];
  if (names.district) out.push(names.district);
  if (names.area) out.push(names.area);
  else if (filter.area) out.push(CENTRAL_AREA_NAMES[filter.area]);
  if (filter.withPolice !== undefined) out.push(filter.withPolice ? "med polisen" : "utan polisen");
  if (filter.organisation) out.push(`ansvarig organisation som innehåller ”${filter.organisation}”`);
  if (filter.tag) out.push(filter.tag === "youthStrategy" ? "strategin för barn och unga" : "våldsbejakande extremism (VBE)");
  if (filter.status) out.push(`planens status: ${STATUS_LABELS[filter.status].toLowerCase()}`);
  if (filter.followUp) out.push(`mål som är: ${(filter.followUp === "NONE" ? NO_STATUS_LABEL : GOAL_STATUS_LABELS[filter.followUp]).toLowerCase()}`);
  return out;
}
