// What changed between two versions of a plan (two snapshots): per area, the problems,
// causes, measures and goals that were added, removed or changed, with a word-level diff of
// changed texts. White-space-only edits are not changes (the same rule as the co-signature hash).

import { formatDeadline } from "./deadline";
import { LEVEL_LABELS } from "./hierarchy";
import { formatParty } from "./responsible";
import type { PlanSnapshot } from "./snapshot";
import { normalizeText, shorten } from "./text";
import { byPosition } from "./tree";
import type { AreaNode, CauseNode, GoalNode, MeasureKind, MeasureNode, ProblemNode } from "./types";

// ---------------------------------------------------------------------------------------------
// Word diff

export type WordOp = { op: "same" | "added" | "removed"; text: string };

/** A word with the white space in front of it ("" for the first word of a text without leading space). */
type Token = { word: string; text: string };

function tokenize(s: string): Token[] {
  const tokens: Token[] = [];
  for (const m of s.matchAll(/(\s*)(\S+)/gu)) {
    tokens.push({ word: m[2] ?? "", text: m[0] });
  }
  return tokens;
}

/** Above this many LCS cells (after trimming the common start and end), a changed middle is shown as removed + added whole. */
export const MAX_LCS_CELLS = 4_000_000;

type Step = { op: WordOp["op"]; before?: Token; after?: Token };

function alignMiddle(a: Token[], b: Token[]): Step[] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || (n + 1) * (m + 1) > MAX_LCS_CELLS) {
    return [...a.map((t): Step => ({ op: "removed", before: t })), ...b.map((t): Step => ({ op: "added", after: t }))];
  }
  // lcs[i][j] = LCS length of a[i..] and b[j..], in one flat array.
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      lcs[i * width + j] =
        a[i]?.word === b[j]?.word
          ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
    }
  }
  const steps: Step[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    const x = a[i];
    const y = b[j];
    if (x && y && x.word === y.word) {
      steps.push({ op: "same", before: x, after: y });
      i += 1;
      j += 1;
    } else if (x && (!y || (lcs[(i + 1) * width + j] ?? 0) >= (lcs[i * width + j + 1] ?? 0))) {
      // removals before additions within one changed stretch
      steps.push({ op: "removed", before: x });
      i += 1;
    } else if (y) {
      steps.push({ op: "added", after: y });
      j += 1;
    }
  }
  return steps;
}

function align(a: Token[], b: Token[]): Step[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start]?.word === b[start]?.word) start += 1;
  let end = 0;
  while (
    end < a.length - start &&
    end < b.length - start &&
    a[a.length - 1 - end]?.word === b[b.length - 1 - end]?.word
  ) {
    end += 1;
  }
  const same = (from: number, to: number, offsetB: number): Step[] =>
    a.slice(from, to).map((t, k) => ({ op: "same", before: t, after: b[from + k + offsetB] }));
  return [
    ...same(0, start, 0),
    ...alignMiddle(a.slice(start, a.length - end), b.slice(start, b.length - end)),
    ...same(a.length - end, a.length, b.length - a.length),
  ];
}

/**
 * Word-level diff: LCS over white-space-separated words (white space itself is never a
 * change). Each piece keeps the white space in front of its words, so the "same" + "added"
 * pieces spell `after` exactly and the "same" + "removed" pieces spell `before` up to white
 * space. Within a changed stretch the removed words come before the added ones; neighbouring
 * pieces with the same op are merged.
 */
export function diffWords(before: string, after: string): WordOp[] {
  const steps = align(tokenize(before), tokenize(after));
  const ops: WordOp[] = [];
  const push = (op: WordOp["op"], text: string) => {
    if (text === "") return;
    const last = ops.at(-1);
    if (last && last.op === op) last.text += text;
    else ops.push({ op, text });
  };
  steps.forEach((step, k) => {
    if (step.op === "same") {
      push("same", step.after?.text ?? "");
      return;
    }
    if (step.op === "added") {
      push("added", step.after?.text ?? "");
      return;
    }
    // A removed stretch at the very start of `after`: the next kept word lost its leading
    // space in `after`, so keep `before`'s space with the removed words ("a b" → "b").
    let text = step.before?.text ?? "";
    const next = steps[k + 1];
    if (next?.op === "same" && next.before && next.after) {
      const spaceBefore = next.before.text.slice(0, next.before.text.length - next.before.word.length);
      const spaceAfter = next.after.text.slice(0, next.after.text.length - next.after.word.length);
      if (spaceAfter === "" && spaceBefore !== "") text += spaceBefore;
    }
    push("removed", text);
  });
  // White space at the end of `after` belongs to no word.
  push("same", /\s*$/u.exec(after)?.[0] ?? "");
  return ops;
}

// ---------------------------------------------------------------------------------------------
// Plan diff

export type DiffLevel = "problem" | "cause" | "measure" | "goal";
type NodeOf = { problem: ProblemNode; cause: CauseNode; measure: MeasureNode; goal: GoalNode };

/** One changed field: Swedish label, display values, and for texts the word diff. */
export type FieldChange = {
  field: string;
  label: string;
  before: string;
  after: string;
  words?: WordOp[];
};

export type AddedItem<L extends DiffLevel> = { level: L; id: string; label: string; parentId: string; node: NodeOf[L] };
export type RemovedItem<L extends DiffLevel> = { level: L; id: string; label: string; parentId: string; node: NodeOf[L] };
export type ChangedItem<L extends DiffLevel> = {
  level: L;
  id: string;
  label: string;
  fields: FieldChange[];
  before: NodeOf[L];
  after: NodeOf[L];
};
export type LevelDiff<L extends DiffLevel> = { added: AddedItem<L>[]; removed: RemovedItem<L>[]; changed: ChangedItem<L>[] };

export type AreaDiff = {
  /** The area's id in `b` (in `a` when removed). */
  areaId: string;
  /** The area's name in `b` (in `a` when removed). */
  areaName: string;
  /** added/removed: the whole area, its content is in `node` and not listed again. */
  change: "added" | "removed" | "changed";
  node?: AreaNode;
  /** The area's own fields (its name). */
  fields: FieldChange[];
  problems: LevelDiff<"problem">;
  causes: LevelDiff<"cause">;
  measures: LevelDiff<"measure">;
  goals: LevelDiff<"goal">;
};

export type PlanDiff = { areas: AreaDiff[]; hasChanges: boolean };

export const FIELD_LABELS = {
  name: "Namn",
  collectiveName: "Samlingsnamn",
  description: "Beskrivning",
  kind: "Typ av åtgärd",
  withPolice: "Genomförs med polisen",
  deadline: "När",
  responsibleParties: "Vem",
  youthStrategy: "Strategin mot att barn och unga dras in i kriminalitet",
  violentExtremism: "Arbetet mot våldsbejakande extremism (VBE)",
  targetValue: "Målvärde",
} as const;

const KIND_LABELS: Record<MeasureKind, string> = { ONE_OFF: "Punktinsats", ONGOING_WORK: "Ordinarie arbete (linjearbete)" };
const NOT_GIVEN = "Ej angiven";
const yesNo = (b: boolean) => (b ? "Ja" : "Nej");
const LABEL_LENGTH = 60;

function labelOf(text: string, fallback?: string | null): string {
  const source = normalizeText(text) !== "" ? text : (fallback ?? "");
  return normalizeText(source) === "" ? "(utan beskrivning)" : shorten(source, LABEL_LENGTH);
}

function textChange(field: keyof typeof FIELD_LABELS, before: string | null, after: string | null): FieldChange[] {
  const [x, y] = [before ?? "", after ?? ""];
  if (normalizeText(x) === normalizeText(y)) return [];
  return [{ field, label: FIELD_LABELS[field], before: x, after: y, words: diffWords(x, y) }];
}

function valueChange(field: keyof typeof FIELD_LABELS, before: string, after: string): FieldChange[] {
  return before === after ? [] : [{ field, label: FIELD_LABELS[field], before, after }];
}

function formatTarget(v: number | null): string {
  return v === null ? "Inget" : String(v).replace(".", ",");
}

function formatParties(m: MeasureNode): string {
  return m.responsibleParties.length === 0 ? NOT_GIVEN : m.responsibleParties.map((p) => normalizeText(formatParty(p))).join("; ");
}

const FIELDS: { [L in DiffLevel]: (a: NodeOf[L], b: NodeOf[L]) => FieldChange[] } = {
  problem: (a, b) => [...textChange("collectiveName", a.collectiveName, b.collectiveName), ...textChange("description", a.description, b.description)],
  cause: (a, b) => textChange("description", a.description, b.description),
  measure: (a, b) => [
    ...textChange("description", a.description, b.description),
    ...valueChange("kind", a.kind ? KIND_LABELS[a.kind] : NOT_GIVEN, b.kind ? KIND_LABELS[b.kind] : NOT_GIVEN),
    ...valueChange("withPolice", yesNo(a.withPolice), yesNo(b.withPolice)),
    ...valueChange("deadline", formatDeadline(a.deadline), formatDeadline(b.deadline)),
    ...valueChange("responsibleParties", formatParties(a), formatParties(b)),
    ...valueChange("youthStrategy", yesNo(a.youthStrategy), yesNo(b.youthStrategy)),
    ...valueChange("violentExtremism", yesNo(a.violentExtremism), yesNo(b.violentExtremism)),
  ],
  goal: (a, b) => [
    ...textChange("description", a.description, b.description),
    ...valueChange("targetValue", formatTarget(a.targetValue), formatTarget(b.targetValue)),
  ],
};

const PARENT_LEVEL: Record<DiffLevel, "area" | "problem" | "cause" | "measure"> = {
  problem: "area",
  cause: "problem",
  measure: "cause",
  goal: "measure",
};

type Entry<L extends DiffLevel> = { node: NodeOf[L]; parentId: string; label: string };
type Flat = { [L in DiffLevel]: Map<string, Entry<L>> } & { area: Map<string, { label: string }> };

/** Every item of an area by id, in plan order, with its parent's id. */
function flatten(area: AreaNode): Flat {
  const flat: Flat = { area: new Map([[area.id, { label: area.name }]]), problem: new Map(), cause: new Map(), measure: new Map(), goal: new Map() };
  for (const p of byPosition(area.problems)) {
    flat.problem.set(p.id, { node: p, parentId: area.id, label: labelOf(p.description, p.collectiveName) });
    for (const c of byPosition(p.causes)) {
      flat.cause.set(c.id, { node: c, parentId: p.id, label: labelOf(c.description) });
      for (const m of byPosition(c.measures)) {
        flat.measure.set(m.id, { node: m, parentId: c.id, label: labelOf(m.description) });
        for (const g of byPosition(m.goals)) flat.goal.set(g.id, { node: g, parentId: m.id, label: labelOf(g.description) });
      }
    }
  }
  return flat;
}

function diffLevel<L extends DiffLevel>(level: L, a: Flat, b: Flat, aAreaId: string, bAreaId: string): LevelDiff<L> {
  const before = a[level] as Map<string, Entry<L>>;
  const after = b[level] as Map<string, Entry<L>>;
  const parentLevel = PARENT_LEVEL[level];
  // The area counts as the same parent on both sides, whatever its id.
  const sameParentId = (id: string) => (parentLevel === "area" ? (id === aAreaId ? bAreaId : id) : id);
  const result: LevelDiff<L> = { added: [], removed: [], changed: [] };

  for (const [id, x] of after) {
    const y = before.get(id);
    if (y === undefined) {
      // Only when the parent was there before: else the item comes with its added parent.
      const parentExisted = parentLevel === "area" || a[parentLevel].has(x.parentId);
      if (parentExisted) result.added.push({ level, id, label: x.label, parentId: x.parentId, node: x.node });
      continue;
    }
    const fields = FIELDS[level](y.node, x.node);
    if (sameParentId(y.parentId) !== x.parentId) {
      const label = LEVEL_LABELS[parentLevel as Exclude<typeof parentLevel, "area">];
      const from = a[parentLevel].get(y.parentId)?.label ?? "";
      const to = b[parentLevel].get(x.parentId)?.label ?? "";
      fields.push({ field: "parent", label, before: from, after: to });
    }
    if (fields.length > 0) result.changed.push({ level, id, label: x.label, fields, before: y.node, after: x.node });
  }
  for (const [id, y] of before) {
    if (after.has(id)) continue;
    const parentRemains = parentLevel === "area" || b[parentLevel].has(y.parentId);
    if (parentRemains) result.removed.push({ level, id, label: y.label, parentId: y.parentId, node: y.node });
  }
  return result;
}

function emptyLevel<L extends DiffLevel>(): LevelDiff<L> {
  return { added: [], removed: [], changed: [] };
}

function wholeArea(area: AreaNode, change: "added" | "removed"): AreaDiff {
  return {
    areaId: area.id,
    areaName: area.name,
    change,
    node: area,
    fields: [],
    problems: emptyLevel(),
    causes: emptyLevel(),
    measures: emptyLevel(),
    goals: emptyLevel(),
  };
}

function levelIsEmpty(d: LevelDiff<DiffLevel>): boolean {
  return d.added.length === 0 && d.removed.length === 0 && d.changed.length === 0;
}

function nameKey(name: string): string {
  return normalizeText(name).toLocaleLowerCase("sv-SE");
}

/**
 * The changes from `a` (older) to `b` (newer). Areas are matched by id, else by name (case and
 * white space ignored), and listed in `b`'s order, then removed areas in `a`'s order. Within an
 * area, items are matched by id on each level; an item under an added or removed parent is not
 * listed on its own (it is in the parent's node); an item that moved to another parent is
 * changed, with a "parent" field. Positions are not compared (re-ordering is not listed).
 * Unchanged areas and items are left out.
 */
export function diffPlans(a: PlanSnapshot, b: PlanSnapshot): PlanDiff {
  const areasA = byPosition(a.areas);
  const areasB = byPosition(b.areas);
  const matched = new Map<string, AreaNode>(); // b's area id → a's area
  const used = new Set<string>();
  for (const area of areasB) {
    const same = areasA.find((x) => x.id === area.id);
    if (same) {
      matched.set(area.id, same);
      used.add(same.id);
    }
  }
  for (const area of areasB) {
    if (matched.has(area.id)) continue;
    const same = areasA.find((x) => !used.has(x.id) && !areasB.some((y) => y.id === x.id) && nameKey(x.name) === nameKey(area.name));
    if (same) {
      matched.set(area.id, same);
      used.add(same.id);
    }
  }

  const areas: AreaDiff[] = [];
  for (const area of areasB) {
    const old = matched.get(area.id);
    if (!old) {
      areas.push(wholeArea(area, "added"));
      continue;
    }
    const [fa, fb] = [flatten(old), flatten(area)];
    const diff: AreaDiff = {
      areaId: area.id,
      areaName: area.name,
      change: "changed",
      fields: textChange("name", old.name, area.name),
      problems: diffLevel("problem", fa, fb, old.id, area.id),
      causes: diffLevel("cause", fa, fb, old.id, area.id),
      measures: diffLevel("measure", fa, fb, old.id, area.id),
      goals: diffLevel("goal", fa, fb, old.id, area.id),
    };
    const unchanged = diff.fields.length === 0 && [diff.problems, diff.causes, diff.measures, diff.goals].every(levelIsEmpty);
    if (!unchanged) areas.push(diff);
  }
  for (const area of areasA) {
    if (!used.has(area.id)) areas.push(wholeArea(area, "removed"));
  }
  return { areas, hasChanges: areas.length > 0 };
}
