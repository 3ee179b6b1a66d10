import { describe, expect, it } from "vitest";
import { CENTRAL_AREAS } from "../../lib/domain/types";
import {
  draftAreasFromSeedPlan,
  groupSeedRows,
  summarizeDraft,
  type DraftProblem,
  type SeedRow,
} from "../../lib/domain/seed-rows";
import { loadSeedPlan, type SeedFile } from "../support/builders";

function row(overrides: Partial<SeedRow> = {}): SeedRow {
  return {
    collectiveName: null,
    problem: "Problem A",
    cause: "Orsak 1",
    measure: "Åtgärd",
    goals: "Ett mål",
    when: "251231",
    responsible: "Trafikkontoret",
    followUp: null,
    ...overrides,
  };
}

function counts(problems: DraftProblem[]): string {
  const { total } = summarizeDraft([{ name: "x", problems }]);
  return `${total.problems}/${total.causes}/${total.measures}/${total.goals}`;
}

/** The seeds README: problems / causes / measures / goals per area, in the plans' area order. */
const EXPECTED: Record<SeedFile, [string, string][]> = {
  "farsta-2025": [
    ["Unga i riskzon för destruktivt beteende", "7/7/7/12"],
    ["Otrygga och brottsutsatta platser", "9/10/10/16"],
    ["Systemhotade brottslighet", "2/3/3/3"],
    ["Särskilt utsatta och sårbara brottsoffer", "7/7/7/9"],
    ["Kriminella miljöer och livsstilar", "5/5/5/7"],
  ],
  "skarholmen-2025": [
    ["Unga i riskzon för destruktivt beteende", "1/4/5/5"],
    ["Otrygga och brottsutsatta platser", "7/8/8/8"],
    ["Systemhotade brottslighet", "2/3/3/3"],
    ["Särskilt utsatta och sårbara brottsoffer", "3/8/10/10"],
    ["Kriminella miljöer och livsstilar", "1/2/5/5"],
  ],
};

describe("groupSeedRows on the real plans", () => {
  describe.each(Object.keys(EXPECTED) as SeedFile[])("%s", (file) => {
    const plan = loadSeedPlan(file);

    it.each(EXPECTED[file])("%s: %s", (areaName, expected) => {
      const area = plan.areas.find((a) => a.name === areaName);
      expect(area).toBeDefined();
      expect(counts(groupSeedRows(area?.rows ?? [], plan.year))).toBe(expected);
    });

    it("maps every area onto a central area, in the agreement's order", () => {
      expect(draftAreasFromSeedPlan(plan).map((a) => a.centralArea)).toEqual([...CENTRAL_AREAS]);
    });

    it("summarizes the same counts", () => {
      const { rows } = summarizeDraft(draftAreasFromSeedPlan(plan));
      expect(rows.map((r) => `${r.problems}/${r.causes}/${r.measures}/${r.goals}`)).toEqual(
        EXPECTED[file].map(([, c]) => c),
      );
    });
  });

  it("Farsta's Platssamverkan Farsta strand is one problem with two causes", () => {
    const plan = loadSeedPlan("farsta-2025");
    const rows = plan.areas.find((a) => a.name === "Otrygga och brottsutsatta platser")?.rows ?? [];
    const problems = groupSeedRows(rows, 2025);
    const strand = problems.find((p) => p.collectiveName === "Platssamverkan Farsta strand");
    expect(strand?.causes).toHaveLength(2);
    expect(strand?.causes.map((c) => c.position)).toEqual([0, 1]);
  });

  it("totals Farsta's plan", () => {
    expect(summarizeDraft(draftAreasFromSeedPlan(loadSeedPlan("farsta-2025"))).total).toEqual({
      problems: 30,
      causes: 32,
      measures: 32,
      goals: 47,
    });
  });
});

describe("groupSeedRows", () => {
  it("groups by problem text with white space collapsed, then by cause", () => {
    const problems = groupSeedRows(
      [
        row({ problem: "Problem A", cause: "Orsak 1", measure: "m1" }),
        row({ problem: " Problem\n A ", cause: "Orsak  1", measure: "m2" }),
        row({ problem: "Problem B", cause: "Orsak 1", measure: "m3" }),
        row({ problem: "Problem A", cause: "Orsak 2", measure: "m4" }),
      ],
      2025,
    );
    expect(problems.map((p) => [p.description, p.position])).toEqual([
      ["Problem A", 0],
      ["Problem B", 1],
    ]);
    const [a, b] = problems;
    expect(a?.causes.map((c) => [c.description, c.position, c.measures.map((m) => [m.description, m.position])])).toEqual([
      ["Orsak 1", 0, [["m1", 0], ["m2", 1]]],
      ["Orsak 2", 1, [["m4", 0]]],
    ]);
    expect(b?.causes.map((c) => c.measures.map((m) => m.description))).toEqual([["m3"]]);
  });

  it("problem text is case-sensitive (only white space is ignored)", () => {
    expect(groupSeedRows([row({ problem: "Problem a" }), row({ problem: "Problem A" })], 2025)).toHaveLength(2);
  });

  it("takes the first non-null collective name among the problem's rows", () => {
    const [problem] = groupSeedRows(
      [
        row({ collectiveName: null }),
        row({ collectiveName: "  " }),
        row({ collectiveName: "SSPF" }),
        row({ collectiveName: "Islandsmodellen" }),
      ],
      2025,
    );
    expect(problem?.collectiveName).toBe("SSPF");
  });

  it("makes every row one measure, even with the same text", () => {
    const [problem] = groupSeedRows([row({ measure: "Samma" }), row({ measure: "Samma" })], 2025);
    expect(problem?.causes[0]?.measures).toHaveLength(2);
  });

  it("fills a measure from its row: goals, deadline, parties, police, kind, follow-up", () => {
    const [problem] = groupSeedRows(
      [
        row({
          goals: "1) 12 gånger under året 2) Utvärdera forumet",
          when: "251231",
          responsible: "Stadsdelsförvaltningen och Polisen",
          followUp: "Genomfört.",
        }),
        row({ goals: null, when: "Löpande under 2025\nMånadsavstämning", responsible: "Trafikkontoret", followUp: "  " }),
        row({ goals: "", when: "Trygghetsdagarna", responsible: null }),
      ],
      2025,
    );
    const [first, second, third] = problem?.causes[0]?.measures ?? [];
    expect(first).toMatchObject({
      kind: null,
      withPolice: true,
      deadline: { kind: "DATE", date: "2025-12-31" },
      whenText: "251231",
      responsibleParties: [
        { organisation: "Stadsdelsförvaltningen", role: null },
        { organisation: "Polisen", role: null },
      ],
      youthStrategy: false,
      violentExtremism: false,
      followUp: "Genomfört.",
      goals: [
        { description: "12 gånger under året", targetValue: 12, position: 0 },
        { description: "Utvärdera forumet", targetValue: null, position: 1 },
      ],
    });
    expect(second).toMatchObject({
      kind: "ONGOING_WORK",
      withPolice: false,
      deadline: { kind: "ONGOING" },
      whenText: "Löpande under 2025\nMånadsavstämning",
      followUp: null,
      goals: [],
    });
    expect(third).toMatchObject({
      kind: null,
      withPolice: false,
      deadline: { kind: "NONE", note: "Trygghetsdagarna" },
      responsibleParties: [],
      goals: [],
    });
  });

  it("uses the plan year for a month without a year", () => {
    const [problem] = groupSeedRows([row({ when: "September" })], 2026);
    expect(problem?.causes[0]?.measures[0]?.deadline).toEqual({ kind: "DATE", date: "2026-09-30" });
  });

  it("gives nothing for no rows", () => {
    expect(groupSeedRows([], 2025)).toEqual([]);
  });
});

describe("draftAreasFromSeedPlan", () => {
  it("keeps an own area as an own area", () => {
    const [central, own] = draftAreasFromSeedPlan({
      district: "Farsta",
      year: 2025,
      areas: [
        { name: "Systemhotade brottslighet", rows: [row()] },
        { name: "Trafiksäkerhet", rows: [] },
      ],
    });
    expect(central).toMatchObject({ name: "Systemhotade brottslighet", centralArea: "SYSTEM_THREATENING_CRIME", position: 0 });
    expect(own).toMatchObject({ name: "Trafiksäkerhet", centralArea: null, position: 1, problems: [] });
  });
});
