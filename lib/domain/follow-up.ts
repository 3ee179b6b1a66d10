// Follow-up of a decided plan: rounds (T1, T2, year end), a status per operational goal and a
// text per measure, the summary of goals by status, which measures are overdue, and what the
// demo data may infer from a follow-up text. Pure: the caller loads the rows and passes "today".

import { needsPoliceSignature } from "./cosign";
import type { AreaNode, MeasureNode, PlanStatus } from "./types";

export const ROUND_KINDS = ["T1", "T2", "YEAR_END"] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];

export const GOAL_STATUSES = ["MET", "PARTLY_MET", "NOT_MET", "MOVED_TO_NEXT_YEAR"] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** The words of the template's Uppföljning column. */
export const GOAL_STATUS_LABELS: Record<GoalStatus, string> = {
  MET: "Uppfyllt",
  PARTLY_MET: "Delvis uppfyllt",
  NOT_MET: "Ej uppfyllt",
  MOVED_TO_NEXT_YEAR: "Flyttas till nästa år",
};
export const NO_STATUS_LABEL = "Ingen status ännu";

export const ROUND_LABELS: Record<RoundKind, string> = {
  T1: "Tertial 1 (april)",
  T2: "Tertial 2 (augusti)",
  YEAR_END: "Årsuppföljning (verksamhetsberättelse)",
};
/** The year-end round is required; the tertial rounds are optional. */
export const REQUIRED_ROUNDS: readonly RoundKind[] = ["YEAR_END"];

/** The round in a URL: /follow-up/t1, /follow-up/t2, /follow-up/year-end. */
export const ROUND_SLUGS: Record<RoundKind, string> = { T1: "t1", T2: "t2", YEAR_END: "year-end" };
export function roundOfSlug(slug: string): RoundKind | null {
  return ROUND_KINDS.find((k) => ROUND_SLUGS[k] === slug) ?? null;
}

export const MEASURE_FOLLOW_UP_HELP = "Beskriv vad som har genomförts. Hur har parterna uppfyllt sina åtaganden.";

export const FOLLOW_UP_MESSAGES = {
  notDecided: "Uppföljning görs på en beslutad plan. Den här planen är inte beslutad än.",
  completed: "Uppföljningen är markerad som klar och kan inte ändras. Öppna den igen för att ändra.",
  notCompleted: "Uppföljningen är inte markerad som klar.",
  policeOnlyTheirs: "Polisen skriver uppföljning bara för åtgärder som genomförs med polisen.",
} as const;

/** Follow-up is recorded on a decided plan, never on a draft or a plan waiting for its decision. */
const FOLLOW_UP_STATUSES: ReadonlySet<PlanStatus> = new Set<PlanStatus>(["DECIDED", "ACCEPTED", "COUNCIL_DECIDED"]);
export function isFollowUpStatus(status: PlanStatus): boolean {
  return FOLLOW_UP_STATUSES.has(status);
}

/**
 * Which measures a writer may follow up: the strategist and the admin every measure (their
 * permission says so), the police only the measures carried out with the police or with a
 * police party among the responsible (the same rule as co-signing).
 */
export function mayWriteMeasureFollowUp(
  writer: { assessesGoals: boolean; isPolice: boolean },
  measure: Pick<MeasureNode, "withPolice" | "responsibleParties">,
): boolean {
  if (writer.assessesGoals) return true;
  return writer.isPolice && needsPoliceSignature(measure);
}

// ---------------------------------------------------------------------------------------------
// Summary of goals by status.

export type StatusCounts = Record<GoalStatus | "NONE", number>;
export type AreaFollowUpSummary = { areaId: string; areaName: string; counts: StatusCounts; total: number };
export type FollowUpGoal = { id: string; status: GoalStatus | null };

const emptyCounts = (): StatusCounts => ({ MET: 0, PARTLY_MET: 0, NOT_MET: 0, MOVED_TO_NEXT_YEAR: 0, NONE: 0 });

/** Counts per status, per area (in the given order) and for the whole plan. */
export function summarizeGoalStatuses(areas: readonly { areaId: string; areaName: string; goals: readonly FollowUpGoal[] }[]): {
  areas: AreaFollowUpSummary[];
  total: { counts: StatusCounts; total: number };
} {
  const total = emptyCounts();
  const rows = areas.map((a) => {
    const counts = emptyCounts();
    for (const g of a.goals) {
      counts[g.status ?? "NONE"] += 1;
      total[g.status ?? "NONE"] += 1;
    }
    return { areaId: a.areaId, areaName: a.areaName, counts, total: a.goals.length };
  });
  return { areas: rows, total: { counts: total, total: rows.reduce((n, r) => n + r.total, 0) } };
}

/** Whole percent of `part` in `whole`, 0 for an empty whole ("45 %"). */
export function shareOf(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((100 * part) / whole);
}

/** Goals that are not met: ej uppfyllt first, then delvis uppfyllt. */
export function goalsNotMet<G extends FollowUpGoal>(goals: readonly G[]): G[] {
  return [...goals.filter((g) => g.status === "NOT_MET"), ...goals.filter((g) => g.status === "PARTLY_MET")];
}

/** What must be done before a round can be marked as done: every goal needs a status. */
export function roundGaps<G extends FollowUpGoal>(goals: readonly G[]): G[] {
  return goals.filter((g) => g.status === null);
}

/** The latest status a goal has: year end over T2 over T1. */
export function latestStatus(byRound: Partial<Record<RoundKind, GoalStatus | null>>): GoalStatus | null {
  for (const kind of [...ROUND_KINDS].reverse()) {
    const s = byRound[kind];
    if (s) return s;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Deadlines.

/**
 * A measure is overdue when its date has passed (the day after it) and one of its goals is not
 * yet met — not uppfyllt, and not moved to next year on purpose — or it has no goal at all.
 * Ongoing work (linjearbete) and measures without a date are never overdue.
 */
export function isOverdue(measure: Pick<MeasureNode, "deadline">, goalStatuses: readonly (GoalStatus | null)[], today: string): boolean {
  if (measure.deadline.kind !== "DATE") return false;
  if (!(measure.deadline.date < today)) return false;
  if (goalStatuses.length === 0) return true;
  return goalStatuses.some((s) => s !== "MET" && s !== "MOVED_TO_NEXT_YEAR");
}

export type OverdueMeasure = { areaId: string; areaName: string; measureId: string; description: string; date: string };

/** Every overdue measure of a plan, in plan order. `statusOf` gives a goal's latest status. */
export function overdueMeasures(areas: readonly AreaNode[], statusOf: (goalId: string) => GoalStatus | null, today: string): OverdueMeasure[] {
  const out: OverdueMeasure[] = [];
  for (const a of areas)
    for (const p of a.problems)
      for (const c of p.causes)
        for (const m of c.measures)
          if (m.deadline.kind === "DATE" && isOverdue(m, m.goals.map((g) => statusOf(g.id)), today))
            out.push({ areaId: a.id, areaName: a.name, measureId: m.id, description: m.description, date: m.deadline.date });
  return out;
}

// ---------------------------------------------------------------------------------------------
// The demo data: a status only where the follow-up text says so plainly.

const MET_ONE = /\b(?:det operativa )?målet (?:är|har) (?:för året )?(?:genomfört|uppfyllt|uppnått|uppnåtts)\b|^målet (?:är )?uppfyllt\b/iu;
const MET_ALL = /\bsamtliga (?:operativa )?mål (?:är|har) (?:genomförda|uppfyllda|uppnåtts)\b|\bmålen (?:är|bedöms som|bedöms vara) (?:genomförda|uppfyllda|uppnådda)\b/iu;
const NOT_MET = /\bmålet är (?:ej|inte) (?:genomfört|uppfyllt|uppnått)\b/iu;
/** Texts about some of the goals ("De två första operativa målen…", "Mål 1 och 2…") say nothing plain about each. */
const SOME_GOALS = /\bde (?:två|tre|fyra) första\b|\bdet (?:första|andra|tredje|fjärde) (?:operativa )?målet\b|\bmål \d+ (?:och|,)/iu;
const MOVED = /\bflyttas (?:fram |med )?till (?:\d{4}|nästa år)\b/iu;

/**
 * The status of each of a measure's goals that its follow-up text states plainly, or null:
 * "Det operativa målet är genomfört" → uppfyllt (only when the measure has one goal),
 * "Samtliga operativa mål är genomförda" → uppfyllt for all, "Målet är ej genomfört. Målet
 * flyttas fram till 2026" → flyttas till nästa år. A text that says two things ("genomfört …
 * förslag att målet flyttas") or talks about some goals only is left for the user.
 */
export function inferGoalStatus(text: string | null, goalCount: number): GoalStatus | null {
  if (!text || goalCount === 0) return null;
  const t = text.trim();
  if (SOME_GOALS.test(t)) return null;
  const moved = MOVED.test(t);
  if (NOT_MET.test(t)) return goalCount === 1 ? (moved ? "MOVED_TO_NEXT_YEAR" : "NOT_MET") : null;
  if (moved) return null;
  if (MET_ALL.test(t)) return "MET";
  if (MET_ONE.test(t)) return goalCount === 1 ? "MET" : null;
  return null;
}

// ---------------------------------------------------------------------------------------------
// The plan's goals and measures in order, with the labels the editor uses ("åtgärd 1.2.1").

export type GoalInContext = {
  id: string;
  description: string;
  areaId: string;
  areaName: string;
  measureId: string;
  measureDescription: string;
  /** "Åtgärd 1.2.1" */
  measureLabel: string;
  /** "Mål 2 i åtgärd 1.2.1" */
  label: string;
};

export function goalsInContext(areas: readonly AreaNode[]): GoalInContext[] {
  return areas.flatMap((a) =>
    a.problems.flatMap((p, pi) =>
      p.causes.flatMap((c, ci) =>
        c.measures.flatMap((m, mi) => {
          const measureLabel = `Åtgärd ${pi + 1}.${ci + 1}.${mi + 1}`;
          return m.goals.map((g, gi) => ({
            id: g.id,
            description: g.description,
            areaId: a.id,
            areaName: a.name,
            measureId: m.id,
            measureDescription: m.description,
            measureLabel,
            label: `Mål ${gi + 1} i ${measureLabel.toLowerCase()}`,
          }));
        }),
      ),
    ),
  );
}

/** How a measure's goals went, in words, statuses in their fixed order: "Uppfyllt: 2, Ej uppfyllt: 1" ("Liknande åtgärder"). */
export function goalStatusSummary(statuses: readonly (GoalStatus | null)[]): string {
  if (statuses.length === 0) return "Inga operativa mål";
  const parts: string[] = [];
  for (const status of [...GOAL_STATUSES, null] as const) {
    const n = statuses.filter((s) => s === status).length;
    if (n > 0) parts.push(`${status ? GOAL_STATUS_LABELS[status] : NO_STATUS_LABEL}: ${n}`);
  }
  return parts.join(", ");
}
