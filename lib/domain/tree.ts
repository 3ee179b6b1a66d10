// Small helpers for walking a PlanTree in plan order.

/** A copy sorted by `position` (stable: equal positions keep their order). */
export function byPosition<T extends { position: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.position - b.position);
}
