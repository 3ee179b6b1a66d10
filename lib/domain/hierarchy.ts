// The chain area → problem → cause → measure → goal: which parent each level hangs under,
// the rule that a parent must exist in the same plan, and moving within a level.

export type ChainLevel = "problem" | "cause" | "measure" | "goal";
export type ParentLevel = "area" | "problem" | "cause" | "measure";

/** The level each level's parent is on. */
export const PARENT_KIND: Record<ChainLevel, ParentLevel> = {
  problem: "area",
  cause: "problem",
  measure: "cause",
  goal: "measure",
};

/** The level each level's children are on (goals have none). */
export const CHILD_KIND: Record<ParentLevel | "goal", ChainLevel | null> = {
  area: "problem",
  problem: "cause",
  cause: "measure",
  measure: "goal",
  goal: null,
};

/** What a user calls each level. */
export const LEVEL_LABELS: Record<ChainLevel, string> = {
  problem: "Problem",
  cause: "Orsak",
  measure: "Åtgärd",
  goal: "Operativt mål",
};

/** "X finns inte i den här planen." for the missing parent of each level. */
const PARENT_MISSING: Record<ChainLevel, string> = {
  problem: "Området finns inte i den här planen.",
  cause: "Problemet finns inte i den här planen.",
  measure: "Orsaken finns inte i den här planen.",
  goal: "Åtgärden finns inte i den här planen.",
};

export type ParentCheck = { ok: true } | { ok: false; code: "NOT_FOUND"; message: string };

/**
 * A child of `kind` may hang under `parent` only if the parent was found and belongs to the
 * same plan as the child. Anything else is NOT_FOUND (an outsider learns nothing more).
 */
export function checkParent(kind: ChainLevel, child: { planId: string }, parent: { planId: string } | null): ParentCheck {
  if (parent === null || parent.planId !== child.planId) {
    return { ok: false, code: "NOT_FOUND", message: PARENT_MISSING[kind] };
  }
  return { ok: true };
}

/**
 * The order after moving `id` one step up or down among its siblings, or null when it
 * cannot move (not among them, already first/last).
 */
export function movePosition(ids: string[], id: string, direction: "up" | "down"): string[] | null {
  const from = ids.indexOf(id);
  if (from === -1) return null;
  const to = direction === "up" ? from - 1 : from + 1;
  if (to < 0 || to >= ids.length) return null;
  const next = [...ids];
  const other = next[to];
  if (other === undefined) return null;
  next[to] = id;
  next[from] = other;
  return next;
}
