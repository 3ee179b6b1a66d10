import { describe, expect, it } from "vitest";
import {
  canonicalMeasureContent,
  fnv1a64,
  measureContentHash,
  needsPoliceSignature,
  signatureState,
  unsignedPoliceMeasures,
} from "../../lib/domain/cosign";
import type { CoSignature, MeasureNode, ResponsibleParty } from "../../lib/domain/types";
import {
  buildArea,
  buildCause,
  buildGoal,
  buildMeasure,
  buildPlanTree,
  buildPoliceMeasure,
  buildProblem,
  buildSignature,
} from "../support/builders";

describe("needsPoliceSignature", () => {
  const party = (organisation: string, role: string | null = null): ResponsibleParty => ({ organisation, role });
  it.each<[string, boolean, ResponsibleParty[], boolean]>([
    ["with the police, no police party", true, [party("Trafikkontoret")], true],
    ["police responsible, not marked", false, [party("Polisen")], true],
    ["kommunpolis as role", false, [party("lokalpolisområdet", "Kommunpolis")], true],
    ["LPO among others", false, [party("Skafast"), party("LPO Farsta")], true],
    ["the district alone", false, [party("Stadsdelsförvaltningen", "Avdchef IoF")], false],
    ["no party at all", false, [], false],
  ])("%s → %s", (_name, withPolice, responsibleParties, expected) => {
    expect(needsPoliceSignature(buildMeasure({ withPolice, responsibleParties }))).toBe(expected);
  });
});

describe("fnv1a64", () => {
  it.each([
    ["", "cbf29ce484222325"],
    ["a", "af63dc4c8601ec8c"],
    ["foobar", "85944171f73967e8"],
  ])("%j → %s (published test vectors)", (text, hash) => {
    expect(fnv1a64(text)).toBe(hash);
  });

  it("hashes UTF-8, so å and a differ", () => {
    expect(fnv1a64("å")).not.toBe(fnv1a64("a"));
    expect(fnv1a64("å")).toMatch(/^[0-9a-f]{16}$/u);
  });
});

describe("measureContentHash", () => {
  const base = buildMeasure({
    id: "m1",
    position: 0,
    description: "Trygghetsvandringar i Farsta strand.",
    withPolice: true,
    responsibleParties: [{ organisation: "lokalpolisområdet", role: "Kommunpolis" }],
    goals: [
      buildGoal({ id: "g1", description: "4 vandringar under året.", targetValue: 4 }),
      buildGoal({ id: "g2", description: "Minst 30 deltagare.", targetValue: 30 }),
    ],
  });
  const hash = measureContentHash(base);

  it("is 16 hex digits and the same for the same content", () => {
    expect(hash).toMatch(/^[0-9a-f]{16}$/u);
    expect(measureContentHash(structuredClone(base))).toBe(hash);
  });

  it.each<[string, (m: MeasureNode) => MeasureNode]>([
    ["another id", (m) => ({ ...m, id: "m2" })],
    ["another position", (m) => ({ ...m, position: 7 })],
    ["other goal ids", (m) => ({ ...m, goals: m.goals.map((g, i) => ({ ...g, id: `x${i}` })) })],
    ["goal positions renumbered, same order", (m) => ({ ...m, goals: m.goals.map((g, i) => ({ ...g, position: i * 10 })) })],
    ["goals listed in another array order, same positions", (m) => ({ ...m, goals: [...m.goals].reverse() })],
    ["white space only", (m) => ({ ...m, description: "  Trygghetsvandringar i\r\nFarsta   strand. " })],
  ])("does not change with %s", (_name, change) => {
    expect(measureContentHash(change(base))).toBe(hash);
  });

  it.each<[string, (m: MeasureNode) => MeasureNode]>([
    ["a word in the description", (m) => ({ ...m, description: "Trygghetsvandringar i Farsta centrum." })],
    ["the kind", (m) => ({ ...m, kind: "ONGOING_WORK" })],
    ["no kind", (m) => ({ ...m, kind: null })],
    ["without the police", (m) => ({ ...m, withPolice: false })],
    ["another date", (m) => ({ ...m, deadline: { kind: "DATE", date: "2025-06-30" } })],
    ["line work", (m) => ({ ...m, deadline: { kind: "ONGOING" } })],
    ["the deadline's note", (m) => ({ ...m, deadline: { kind: "NONE", note: "Juni och december" } })],
    ["another party", (m) => ({ ...m, responsibleParties: [...m.responsibleParties, { organisation: "Skafast", role: null }] })],
    ["the party's role", (m) => ({ ...m, responsibleParties: [{ organisation: "lokalpolisområdet", role: null }] })],
    ["the youth strategy tag", (m) => ({ ...m, youthStrategy: true })],
    ["the VBE tag", (m) => ({ ...m, violentExtremism: true })],
    ["a goal's text", (m) => ({ ...m, goals: m.goals.map((g, i) => (i === 0 ? { ...g, description: "6 vandringar under året." } : g)) })],
    ["a goal's target", (m) => ({ ...m, goals: m.goals.map((g, i) => (i === 1 ? { ...g, targetValue: 40 } : g)) })],
    ["a goal's target removed", (m) => ({ ...m, goals: m.goals.map((g, i) => (i === 1 ? { ...g, targetValue: null } : g)) })],
    ["a new goal", (m) => ({ ...m, goals: [...m.goals, buildGoal({ description: "Ny", position: 2 })] })],
    ["the goals' order", (m) => ({ ...m, goals: m.goals.map((g) => ({ ...g, position: 1 - g.position })) })],
  ])("changes with %s", (_name, change) => {
    expect(measureContentHash(change(base))).not.toBe(hash);
  });

  it("hashes a canonical JSON without ids or positions", () => {
    const json = canonicalMeasureContent(base);
    expect(JSON.parse(json)).toEqual({
      description: "Trygghetsvandringar i Farsta strand.",
      kind: "ONE_OFF",
      withPolice: true,
      deadline: { kind: "DATE", date: "2025-12-31" },
      responsibleParties: [{ organisation: "lokalpolisområdet", role: "Kommunpolis" }],
      tags: { youthStrategy: false, violentExtremism: false },
      goals: [
        { description: "4 vandringar under året.", targetValue: 4 },
        { description: "Minst 30 deltagare.", targetValue: 30 },
      ],
    });
    expect(measureContentHash(base)).toBe(fnv1a64(json));
  });
});

describe("signatureState", () => {
  const measure = buildPoliceMeasure();
  const current = measureContentHash(measure);
  const at = (day: number) => `2025-02-${String(day).padStart(2, "0")}T09:00:00.000Z`;
  const signed = (day: number, contentHash = current) => buildSignature({ status: "SIGNED", contentHash, createdAt: at(day) });
  const declined = (day: number) => buildSignature({ status: "DECLINED", contentHash: current, createdAt: at(day), comment: "Polisen kan inte avsätta resurser." });
  const withdrawn = (day: number) => buildSignature({ status: "WITHDRAWN", contentHash: current, createdAt: at(day) });

  it.each<[string, CoSignature[], string, number | null]>([
    ["none", [], "MISSING", null],
    ["signed the current wording", [signed(1)], "SIGNED", 0],
    ["signed an earlier wording", [signed(1, "ffffffffffffffff")], "OUTDATED", 0],
    ["declined", [declined(1)], "DECLINED", 0],
    ["withdrawn", [signed(1), withdrawn(2)], "MISSING", 1],
    ["signed, then declined", [signed(1), declined(2)], "DECLINED", 1],
    ["declined, then signed", [declined(1), signed(2)], "SIGNED", 1],
    ["outdated, then signed again", [signed(1, "ffffffffffffffff"), signed(3)], "SIGNED", 1],
    ["the latest by time, not by list order", [signed(5), declined(2)], "SIGNED", 0],
    ["the same time: the later in the list", [declined(4), signed(4)], "SIGNED", 1],
  ])("%s → %s", (_name, signatures, state, latestIndex) => {
    const result = signatureState(measure, signatures);
    expect(result.state).toBe(state);
    expect(result.latest).toBe(latestIndex === null ? undefined : signatures[latestIndex]);
    expect(result.message).not.toBe("");
  });

  it("an outdated signature says so in Swedish", () => {
    expect(signatureState(measure, [signed(1, "0123456789abcdef")]).message).toBe(
      "Underskriften gällde en tidigare lydelse och har dragits tillbaka.",
    );
  });

  it("a measure without the police needs none, whatever was signed", () => {
    const alone = buildMeasure({ withPolice: false, responsibleParties: [{ organisation: "Skafast", role: null }] });
    expect(signatureState(alone, [])).toMatchObject({ state: "NOT_NEEDED" });
    expect(signatureState(alone, [declined(1)])).toMatchObject({ state: "NOT_NEEDED" });
  });

  it("editing a signed measure makes the signature outdated", () => {
    const edited = { ...measure, description: `${measure.description} Även i Hökarängen.` };
    expect(signatureState(edited, [signed(1)]).state).toBe("OUTDATED");
  });

  it("keeps the caller's extra fields on latest", () => {
    const row = { ...signed(1), policeAreaName: "LPO Farsta" };
    expect(signatureState(measure, [row]).latest?.policeAreaName).toBe("LPO Farsta");
  });
});

describe("unsignedPoliceMeasures", () => {
  const signedM = buildPoliceMeasure({ id: "signed", description: "Signerad åtgärd" });
  const missingM = buildPoliceMeasure({ id: "missing", description: "Saknar underskrift" });
  const outdatedM = buildPoliceMeasure({ id: "outdated", description: "Ändrad efter underskrift" });
  const declinedM = buildPoliceMeasure({ id: "declined", description: "Avböjd" });
  const aloneM = buildMeasure({ id: "alone", description: "Utan polisen" });
  const tree = buildPlanTree({
    areas: [
      buildArea({ id: "a1", name: "Område 1", problems: [buildProblem({ causes: [buildCause({ measures: [aloneM, signedM, outdatedM] })] })] }),
      buildArea({
        id: "a2",
        name: "Område 2",
        problems: [buildProblem({ causes: [buildCause({ measures: [missingM] }), buildCause({ measures: [declinedM] })] })],
      }),
    ],
  });
  const signatures: Record<string, CoSignature[]> = {
    signed: [buildSignature({ contentHash: measureContentHash(signedM) })],
    outdated: [buildSignature({ contentHash: "1111111111111111" })],
    declined: [buildSignature({ status: "DECLINED", contentHash: measureContentHash(declinedM) })],
    alone: [buildSignature({ status: "DECLINED" })],
  };

  const EXPECTED = [
    {
      measureId: "outdated",
      areaId: "a1",
      areaName: "Område 1",
      anchor: "measure-outdated",
      state: "OUTDATED",
      label: "Ändrad efter underskrift",
      message: 'Åtgärden "Ändrad efter underskrift" har ändrats efter polisens underskrift och behöver skrivas under igen.',
    },
    {
      measureId: "missing",
      areaId: "a2",
      areaName: "Område 2",
      anchor: "measure-missing",
      state: "MISSING",
      label: "Saknar underskrift",
      message: 'Åtgärden "Saknar underskrift" saknar polisens underskrift.',
    },
    {
      measureId: "declined",
      areaId: "a2",
      areaName: "Område 2",
      anchor: "measure-declined",
      state: "DECLINED",
      label: "Avböjd",
      message: 'Polisen har avböjt att skriva under åtgärden "Avböjd".',
    },
  ];

  it.each([
    ["a record", signatures],
    ["a map", new Map(Object.entries(signatures))],
  ] as const)("lists every police measure without a valid signature, in plan order (signatures in %s)", (_name, bySignature) => {
    expect(unsignedPoliceMeasures(tree, bySignature)).toEqual(EXPECTED);
  });

  it("follows positions, not array order", () => {
    const reversed = { ...tree, areas: [...tree.areas].reverse() };
    expect(unsignedPoliceMeasures(reversed, signatures).map((u) => u.measureId)).toEqual(["outdated", "missing", "declined"]);
  });

  it("is empty when every police measure is signed", () => {
    const all = Object.fromEntries(
      [signedM, missingM, outdatedM, declinedM].map((m) => [m.id, [buildSignature({ contentHash: measureContentHash(m) })]]),
    );
    expect(unsignedPoliceMeasures(tree, all)).toEqual([]);
  });

  it("shortens long texts in the label", () => {
    const long = buildPoliceMeasure({ id: "long", description: "Ord ".repeat(40) });
    const t = buildPlanTree({ areas: [buildArea({ problems: [buildProblem({ causes: [buildCause({ measures: [long] })] })] })] });
    const [item] = unsignedPoliceMeasures(t, {});
    expect(item?.label.length).toBeLessThanOrEqual(60);
    expect(item?.label.endsWith("…")).toBe(true);
  });
});
