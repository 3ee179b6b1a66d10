// Sekretess: a measure that must not be public (e.g. against system-threatening crime) is
// seen only by those who hold measure.readConfidential in its district (permissions.ts: the
// district's strategist and steering group, the police serving it, the administrator). For
// everyone else it is as if it did not exist: lists, search, "liknande åtgärder", the review
// console and copying leave it out. Nothing that leaves the app (xlsx, city workbook, PDF,
// print) ever carries it, whoever asks: those documents are public.

import { authorize } from "./permissions";
import type { Actor, DistrictScope } from "./types";

type MeasureLike = { id?: string; confidential?: boolean };
type CauseLike<M extends MeasureLike> = { measures: readonly M[] };
type ProblemLike<M extends MeasureLike> = { causes: readonly CauseLike<M>[] };
type AreaLike<M extends MeasureLike> = { problems: readonly ProblemLike<M>[] };

/**
 * The areas without their confidential measures (problems and causes stay: they are not secret).
 * `alsoIds`: measures confidential now, for a stored version written before they were marked.
 */
export function omitConfidential<A extends AreaLike<MeasureLike>>(areas: readonly A[], alsoIds: ReadonlySet<string> = new Set()): A[] {
  const hidden = (m: MeasureLike) => m.confidential === true || (m.id !== undefined && alsoIds.has(m.id));
  return areas.map((a) => ({
    ...a,
    problems: a.problems.map((p) => ({
      ...p,
      causes: p.causes.map((c) => ({ ...c, measures: c.measures.filter((m) => !hidden(m)) })),
    })),
  }));
}

/** How many measures in the areas are confidential. */
export function countConfidential(areas: readonly AreaLike<MeasureLike>[]): number {
  let n = 0;
  for (const a of areas) for (const p of a.problems) for (const c of p.causes) for (const m of c.measures) if (m.confidential) n += 1;
  return n;
}

/** The areas as this reader may see them: all of it with measure.readConfidential, else without the confidential measures. */
export function visibleAreas<A extends AreaLike<MeasureLike>>(areas: readonly A[], mayReadConfidential: boolean, alsoIds?: ReadonlySet<string>): A[] {
  return mayReadConfidential ? [...areas] : omitConfidential(areas, alsoIds);
}

/** The line a public document prints where confidential measures were left out; null when none were. */
export function confidentialNote(count: number): string | null {
  if (count === 0) return null;
  return count === 1
    ? "1 åtgärd med sekretess ingår inte i det här dokumentet."
    : `${count} åtgärder med sekretess ingår inte i det här dokumentet.`;
}

/**
 * Of these districts, the ones the actor may see at all (plan.view) and, among those, the ones
 * whose confidential measures they may read: the reach of a search or a cross-district list.
 */
export function readerReach(actor: Actor, districts: readonly DistrictScope[]): { viewable: string[]; confidential: string[] } {
  const viewable = districts.filter((scope) => authorize(actor, "plan.view", { scope }).ok);
  return {
    viewable: viewable.map((d) => d.districtId),
    confidential: viewable.filter((scope) => authorize(actor, "measure.readConfidential", { scope }).ok).map((d) => d.districtId),
  };
}
