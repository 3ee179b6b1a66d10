import { describe, expect, it } from "vitest";
import { CHILD_KIND, checkParent, LEVEL_LABELS, movePosition, PARENT_KIND, type ChainLevel } from "../../lib/domain/hierarchy";

const LEVELS: [ChainLevel, string][] = [
  ["problem", "Området finns inte i den här planen."],
  ["cause", "Problemet finns inte i den här planen."],
  ["measure", "Orsaken finns inte i den här planen."],
  ["goal", "Åtgärden finns inte i den här planen."],
];

describe("checkParent", () => {
  it.each(LEVELS)("a %s under a parent in the same plan is allowed", (kind) => {
    expect(checkParent(kind, { planId: "plan-1" }, { planId: "plan-1" })).toEqual({ ok: true });
  });

  it.each(LEVELS)("a %s under a missing parent is NOT_FOUND", (kind, message) => {
    expect(checkParent(kind, { planId: "plan-1" }, null)).toEqual({ ok: false, code: "NOT_FOUND", message });
  });

  it.each(LEVELS)("a %s under a parent in another plan is NOT_FOUND", (kind, message) => {
    expect(checkParent(kind, { planId: "plan-1" }, { planId: "plan-2" })).toEqual({ ok: false, code: "NOT_FOUND", message });
  });
});

describe("the chain", () => {
  it("goes area → problem → cause → measure → goal", () => {
    expect(CHILD_KIND).toEqual({ area: "problem", problem: "cause", cause: "measure", measure: "goal", goal: null });
    expect(PARENT_KIND).toEqual({ problem: "area", cause: "problem", measure: "cause", goal: "measure" });
  });

  it("each level's parent has it as child", () => {
    for (const [child, parent] of Object.entries(PARENT_KIND)) expect(CHILD_KIND[parent]).toBe(child);
  });

  it("labels the levels in Swedish", () => {
    expect(LEVEL_LABELS).toEqual({ problem: "Problem", cause: "Orsak", measure: "Åtgärd", goal: "Operativt mål" });
  });
});

describe("movePosition", () => {
  it.each<[string[], string, "up" | "down", string[] | null]>([
    [["a", "b", "c"], "b", "up", ["b", "a", "c"]],
    [["a", "b", "c"], "b", "down", ["a", "c", "b"]],
    [["a", "b", "c"], "c", "up", ["a", "c", "b"]],
    [["a", "b", "c"], "a", "down", ["b", "a", "c"]],
    [["a", "b"], "b", "up", ["b", "a"]],
    // edges: cannot move
    [["a", "b", "c"], "a", "up", null],
    [["a", "b", "c"], "c", "down", null],
    [["a"], "a", "up", null],
    [["a"], "a", "down", null],
    [[], "a", "up", null],
    [["a", "b"], "x", "down", null],
  ])("%j: %s %s → %j", (ids, id, direction, expected) => {
    expect(movePosition(ids, id, direction)).toEqual(expected);
  });

  it("does not change its input", () => {
    const ids = ["a", "b", "c"];
    movePosition(ids, "b", "up");
    expect(ids).toEqual(["a", "b", "c"]);
  });
});
