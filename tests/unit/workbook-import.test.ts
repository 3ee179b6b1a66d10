// The pure halves of the Excel template: lib/domain/workbook.ts (the export's rows, goal
// numbering, row ids, sheet names) and lib/domain/import.ts (finding the headings, reading the
// rows, which area a sheet is, the whole workbook). Sheets are built by hand as SheetGrids, as
// lib/xlsx/read gives them (merged cells already filled in); the last block reads the real
// Farsta plan laid out as the city's template has it.
import { describe, expect, it } from "vitest";
import { CENTRAL_AREA_NAMES } from "../../lib/domain/areas";
import { splitGoals } from "../../lib/domain/goals";
import { areaOfSheet, findHeader, IMPORT_LIMITS, readSheet, readWorkbook, type HeaderMap, type SheetGrid } from "../../lib/domain/import";
import { groupSeedRows, summarizeDraft, type SeedRow } from "../../lib/domain/seed-rows";
import type { AreaNode } from "../../lib/domain/types";
import { areaRows, COLUMNS, formatGoals, formatRowIds, ID_COLUMN, parseRowIds, sheetName, SHEETS } from "../../lib/domain/workbook";
import { buildArea, buildCause, buildGoal, buildMeasure, buildProblem, loadSeedPlan } from "../support/builders";

// ---------------------------------------------------------------------------------------------
// Helpers

const P = "11111111-1111-4111-8111-111111111111";
const C = "22222222-2222-4222-8222-222222222222";
const M = "33333333-3333-4333-8333-333333333333";
const G1 = "44444444-4444-4444-8444-444444444444";
const G2 = "55555555-5555-4555-8555-555555555555";

/** The app's own export layout: headings in row `at`, the help-text row under them. */
const APP_HEADER: string[] = [...COLUMNS.map((c) => c.heading), ID_COLUMN.heading];
const APP_HELP: string[] = [...COLUMNS.map((c) => c.help), ""];

/** The real template: the problem column is headed by the area's name, "Samlingsnamn" sits in the help row. */
const realHeader = (area: string): (string | null)[] => [null, area, "Orsak", "Åtgärd", "Operativa mål", "När", "Vem", "Uppföljning"];
const REAL_HELP: string[] = [
  "Samlingsnamn",
  "Ange identifierat problemområde eller utmaning  här",
  "Beskriv orsaken till problemet, kan vara flera, gör då flera separata åtgärder.",
  "Koppla åtgärd mot respektive orsak.\nBeskriv tydligt vad som ska göras och hur det ska utföras.",
  "Koppla operativa mål till varje åtgärd.",
  "Ange tid för när åtgärden ska vara genomförd (alt linjearbete).",
  "Ange vem som ansvarar för åtgärden.",
  "Beskriv vad som har genomförts. Hur har parterna uppfyllt sina åtaganden.\nDenna kolumn fylls i i samband med uppföljning.",
];

/** A row in the template's column order (Samlingsnamn … Uppföljning), optionally with the id cell. */
function dataRow(r: Partial<SeedRow> & { ids?: string | null } = {}): (string | null)[] {
  const full = {
    collectiveName: null,
    problem: "Upplevd otrygghet bland invånarna i Farsta strand.",
    cause: "Låg kollektiv förmåga.",
    measure: "Återuppstarta platssamverkan.",
    goals: "Fyra möten under året.",
    when: "251231",
    responsible: "Avdchef Stadsutveckling",
    followUp: null,
    ids: null,
    ...r,
  };
  return [full.collectiveName, full.problem, full.cause, full.measure, full.goals, full.when, full.responsible, full.followUp, full.ids];
}

/** The app's layout with the header in row 2 (A1 is the title), help text in row 3, data from row 4. */
function appSheet(name: string, rows: (string | null)[][], title: string | null = name): SheetGrid {
  return { name, rows: [[title], APP_HEADER, APP_HELP, ...rows] };
}

/** The real template's layout: header row 1, help row 2, data from row 3. */
function realSheet(name: string, area: string, rows: (string | null)[][]): SheetGrid {
  return { name, rows: [realHeader(area), REAL_HELP, ...rows] };
}

function headerOf(grid: SheetGrid): HeaderMap {
  const header = findHeader(grid);
  if (!header) throw new Error(`no header in ${grid.name}`);
  return header;
}

const read = (grid: SheetGrid) => readSheet(grid, headerOf(grid));

// ---------------------------------------------------------------------------------------------
// workbook.ts

describe("formatGoals", () => {
  it("writes one goal as it is, without a number", () => {
    expect(formatGoals([{ description: "Ungdomsutsättningar genomförs 12 gånger under året." }])).toBe("Ungdomsutsättningar genomförs 12 gånger under året.");
  });

  it("numbers several goals 1) 2) 3), one per line", () => {
    expect(formatGoals([{ description: "Första." }, { description: "Andra." }, { description: "Tredje." }])).toBe("1) Första.\n2) Andra.\n3) Tredje.");
  });

  it("writes no goal as an empty cell", () => {
    expect(formatGoals([])).toBe("");
  });

  it("is read back into the same goals by the import's goal rule (splitGoals)", () => {
    const goals = ["Socialsekreterare befinner sig hos polisen minst en dag per vecka.", "Två utbildningstillfällen.", "LOSAM bjuds in 4 ggr till SSPF."];
    expect(splitGoals(formatGoals(goals.map((description) => ({ description }))))).toEqual(goals);
    expect(splitGoals(formatGoals([{ description: goals[0]! }]))).toEqual([goals[0]]);
  });

  // DISAGREEMENT: formatGoals numbers the tenth goal "10)", but the goal marker of the import
  // (splitGoals, /(?:^|\s)[1-9]\)\s/) only knows 1)–9), so "…\n10) Tionde." is not a marker and
  // the tenth goal is glued onto the ninth on re-import: 10 goals exported, 9 read back.
  it("a measure with ten goals is read back with ten goals", () => {
    const goals = Array.from({ length: 10 }, (_, i) => `Mål nummer ${i + 1}.`);
    expect(splitGoals(formatGoals(goals.map((description) => ({ description }))))).toEqual(goals);
  });
});

describe("formatRowIds / parseRowIds", () => {
  it("writes problem/cause/measure/goals and reads them back", () => {
    const ids = { problemId: P, causeId: C, measureId: M, goalIds: [G1, G2] };
    expect(formatRowIds(ids)).toBe(`${P}/${C}/${M}/${G1},${G2}`);
    expect(parseRowIds(formatRowIds(ids))).toEqual(ids);
  });

  it("a measure without goals", () => {
    const ids = { problemId: P, causeId: C, measureId: M, goalIds: [] };
    expect(formatRowIds(ids)).toBe(`${P}/${C}/${M}/`);
    expect(parseRowIds(formatRowIds(ids))).toEqual(ids);
  });

  it("a problem without causes: p///", () => {
    const ids = { problemId: P, causeId: null, measureId: null, goalIds: [] };
    expect(formatRowIds(ids)).toBe(`${P}///`);
    expect(parseRowIds(`${P}///`)).toEqual(ids);
  });

  it("a cause without measures: p/c//", () => {
    const ids = { problemId: P, causeId: C, measureId: null, goalIds: [] };
    expect(formatRowIds(ids)).toBe(`${P}/${C}//`);
    expect(parseRowIds(`${P}/${C}//`)).toEqual(ids);
  });

  it("reads upper-case ids as lower case", () => {
    expect(parseRowIds(`${P}/${C}/${M}/${G1},${G2}`.toUpperCase())).toEqual({ problemId: P, causeId: C, measureId: M, goalIds: [G1, G2] });
  });

  it("ignores white space around the cell", () => {
    expect(parseRowIds(`  ${P}/${C}/${M}/${G1}\n`)).toEqual({ problemId: P, causeId: C, measureId: M, goalIds: [G1] });
  });

  it.each([
    ["null", null],
    ["empty", ""],
    ["text", "ändra inte"],
    ["a problem id only (no slashes)", P],
    ["too few parts", `${P}/${C}`],
    ["not uuids", "p/c/m/g"],
    ["a broken uuid", `${P.slice(0, 35)}/${C}/${M}/`],
    ["no problem id", `/${C}/${M}/`],
    ["a space inside", `${P} / ${C} / ${M} /`],
    ["a trailing comma in the goals", `${P}/${C}/${M}/${G1},`],
    ["an extra part", `${P}/${C}/${M}/${G1}/x`],
  ])("garbage (%s) → null", (_label, text) => {
    expect(parseRowIds(text)).toBeNull();
  });
});

describe("sheetName", () => {
  const none = new Set<string>();

  it("keeps a short name as it is", () => {
    expect(sheetName("Otrygga och brottsutsatta platser".slice(0, 20), none)).toBe("Otrygga och brottsut");
    expect(sheetName("Systemhotande brottslighet", none)).toBe("Systemhotande brottslighet");
  });

  it("cuts a long name at 31 characters and drops the trailing space", () => {
    const name = sheetName("Unga i riskzon för destruktivt beteende", none);
    expect(name).toBe("Unga i riskzon för destruktivt");
    expect(name.length).toBeLessThanOrEqual(31);
    expect(sheetName("Särskilt utsatta och sårbara brottsoffer", none)).toBe("Särskilt utsatta och sårbara br");
    expect(sheetName("Särskilt utsatta och sårbara brottsoffer", none)).toHaveLength(31);
  });

  it("replaces the characters Excel forbids ( : \\ / ? * [ ] ) and collapses white space", () => {
    const name = sheetName("Trafik: skolvägar/cykel? *[2025]*", none);
    expect(name).not.toMatch(/[:\\/?*[\]]/);
    expect(name).toBe("Trafik skolvägar cykel 2025");
    expect(sheetName("A\\B", none)).toBe("A B");
    expect(sheetName("  Eget   område\n ", none)).toBe("Eget område");
  });

  it("never ends with a space", () => {
    for (const n of ["Område ", "Trygghetsskapande åtgärder i X centrum", "[Eget prioriterat område]", "abc ?"]) {
      expect(sheetName(n, none)).not.toMatch(/\s$/);
      expect(sheetName(n, none)).not.toMatch(/^\s/);
    }
  });

  it("names an empty (or all-forbidden) name Område", () => {
    expect(sheetName("", none)).toBe("Område");
    expect(sheetName(" [*?] ", none)).toBe("Område");
  });

  it("makes a taken name unique with (2), (3)…", () => {
    const taken = new Set(["Trafik", "Trafik (2)"]);
    expect(sheetName("Trafik", new Set(["Trafik"]))).toBe("Trafik (2)");
    expect(sheetName("Trafik", taken)).toBe("Trafik (3)");
  });

  it("keeps a suffixed long name within 31 characters", () => {
    const first = sheetName("Unga i riskzon för destruktivt beteende", none);
    const taken = new Set([first]);
    const second = sheetName("Unga i riskzon för destruktivt beteende, del 2", taken);
    expect(second).toBe("Unga i riskzon för destrukt (2)");
    expect(second.length).toBeLessThanOrEqual(31);
    taken.add(second);
    const third = sheetName("Unga i riskzon för destruktivt beteende", taken);
    expect(third).toBe("Unga i riskzon för destrukt (3)");
    expect(third.length).toBeLessThanOrEqual(31);
    // Ten and more: still 31.
    const many = new Set([first, ...Array.from({ length: 9 }, (_, i) => `${first.slice(0, 31 - ` (${i + 2})`.length)} (${i + 2})`)]);
    const eleventh = sheetName(first, many);
    expect(eleventh).toMatch(/ \(11\)$/);
    expect(eleventh.length).toBeLessThanOrEqual(31);
  });

  it("does not give an area the instruction or summary sheet's name", () => {
    const taken = new Set<string>([SHEETS.instruction, SHEETS.summary]);
    expect(sheetName("Instruktion", taken)).toBe("Instruktion (2)");
    expect(sheetName("Sammanställning", taken)).toBe("Sammanställning (2)");
  });

  // DISAGREEMENT: Excel (and exceljs, which throws "Worksheet name already exists") compares
  // sheet names case-insensitively, but sheetName's `taken.has` is case-sensitive: an own area
  // "SAMMANSTÄLLNING" (or two areas differing only in case) gets a name the export cannot write.
  it("treats names that differ only in case as taken (Excel's uniqueness is case-insensitive)", () => {
    const taken = new Set<string>([SHEETS.instruction, SHEETS.summary, "Trygg skolväg"]);
    expect(sheetName("sammanställning", taken).toLocaleLowerCase("sv-SE")).not.toBe("sammanställning");
    expect(sheetName("TRYGG SKOLVÄG", taken).toLocaleLowerCase("sv-SE")).not.toBe("trygg skolväg");
  });

  // DISAGREEMENT: Excel forbids a sheet name that starts or ends with an apostrophe (exceljs
  // throws "The first or last character of worksheet name cannot be a single quotation mark"),
  // so an own area named "'Trygg i Farsta'" makes the export throw.
  it("never starts or ends a name with an apostrophe", () => {
    const name = sheetName("'Trygg i Farsta'", none);
    expect(name).not.toMatch(/^'|'$/);
  });

  // DISAGREEMENT (cosmetic): when the cut for the " (2)" suffix ends at a space, the name gets a
  // double space: "Trygghetsskapande åtgärder  (2)".
  it("does not put a double space before the (2) suffix", () => {
    const first = sheetName("Trygghetsskapande åtgärder i X centrum", none);
    expect(sheetName("Trygghetsskapande åtgärder i X centrum", new Set([first]))).toBe("Trygghetsskapande åtgärder (2)");
  });
});

describe("areaRows", () => {
  it("writes one row per measure with problem, collective name, cause, numbered goals, date, parties, follow-up and ids", () => {
    const g1 = buildGoal({ id: G1, description: "Första målet." });
    const g2 = buildGoal({ id: G2, description: "Andra målet." });
    const measure = buildMeasure({
      id: M,
      description: "Genomföra trygghetsvandringar.",
      deadline: { kind: "DATE", date: "2025-12-31" },
      responsibleParties: [
        { organisation: "lokalpolisområdet", role: "Kommunpolis" },
        { organisation: "Trafikkontoret", role: null },
      ],
      goals: [g1, g2],
    });
    const area = buildArea({
      problems: [buildProblem({ id: P, collectiveName: "Platssamverkan", description: "Otrygghet i Farsta strand.", causes: [buildCause({ id: C, description: "Låg tillit.", measures: [measure] })] })],
    });
    const rows = areaRows(area, (id) => (id === M ? "Genomfört enligt plan." : null));
    expect(rows).toEqual([
      {
        collectiveName: "Platssamverkan",
        problem: "Otrygghet i Farsta strand.",
        cause: "Låg tillit.",
        measure: "Genomföra trygghetsvandringar.",
        goals: "1) Första målet.\n2) Andra målet.",
        when: { date: "2025-12-31" },
        who: "Kommunpolis (lokalpolisområdet)\nTrafikkontoret",
        followUp: "Genomfört enligt plan.",
        ids: `${P}/${C}/${M}/${G1},${G2}`,
      },
    ]);
    expect(parseRowIds(rows[0]!.ids)).toEqual({ problemId: P, causeId: C, measureId: M, goalIds: [G1, G2] });
  });

  it("repeats the problem and cause on every measure's row, in order", () => {
    const m1 = buildMeasure({ description: "Åtgärd 1" });
    const m2 = buildMeasure({ description: "Åtgärd 2" });
    const m3 = buildMeasure({ description: "Åtgärd 3" });
    const area = buildArea({
      problems: [
        buildProblem({ description: "Problem A", causes: [buildCause({ description: "Orsak A1", measures: [m1, m2] }), buildCause({ description: "Orsak A2", measures: [m3] })] }),
        buildProblem({ description: "Problem B", causes: [buildCause({ description: "Orsak B1" })] }),
      ],
    });
    const rows = areaRows(area);
    expect(rows.map((r) => [r.problem, r.cause, r.measure])).toEqual([
      ["Problem A", "Orsak A1", "Åtgärd 1"],
      ["Problem A", "Orsak A1", "Åtgärd 2"],
      ["Problem A", "Orsak A2", "Åtgärd 3"],
      ["Problem B", "Orsak B1", "Genomföra trygghetsvandringar tillsammans med boende och fastighetsägare."],
    ]);
    expect(rows.every((r) => r.collectiveName === "")).toBe(true);
    expect(rows.every((r) => r.followUp === "")).toBe(true);
  });

  it("gives a problem without causes and a cause without measures a row of their own, with the later cells empty", () => {
    const area = buildArea({
      problems: [
        buildProblem({ id: P, collectiveName: "Tomt", description: "Problem utan orsaker", causes: [] }),
        buildProblem({ id: G1, description: "Problem med tom orsak", causes: [buildCause({ id: C, description: "Orsak utan åtgärder", measures: [] })] }),
      ],
    });
    expect(areaRows(area, () => "aldrig")).toEqual([
      { collectiveName: "Tomt", problem: "Problem utan orsaker", cause: "", measure: "", goals: "", when: { text: "" }, who: "", followUp: "", ids: `${P}///` },
      { collectiveName: "", problem: "Problem med tom orsak", cause: "Orsak utan åtgärder", measure: "", goals: "", when: { text: "" }, who: "", followUp: "", ids: `${G1}/${C}//` },
    ]);
  });

  it("writes an area without problems as no rows", () => {
    expect(areaRows(buildArea({ problems: [] }))).toEqual([]);
  });

  it.each([
    [{ kind: "DATE", date: "2025-05-01" } as const, { date: "2025-05-01" }],
    [{ kind: "ONGOING" } as const, { text: "Linjearbete" }],
    [{ kind: "NONE", note: "Vecka 32 och 45" } as const, { text: "Vecka 32 och 45" }],
    [{ kind: "NONE" } as const, { text: "" }],
  ])("När: %j → %j", (deadline, when) => {
    const area = buildArea({ problems: [buildProblem({ causes: [buildCause({ measures: [buildMeasure({ deadline })] })] })] });
    expect(areaRows(area)[0]!.when).toEqual(when);
  });

  it("writes one goal unnumbered, no goals as empty, no parties as empty", () => {
    const one = buildMeasure({ goals: [buildGoal({ description: "Ett mål." })], responsibleParties: [] });
    const none = buildMeasure({ goals: [] });
    const area = buildArea({ problems: [buildProblem({ causes: [buildCause({ measures: [one, none] })] })] });
    const rows = areaRows(area);
    expect(rows[0]!.goals).toBe("Ett mål.");
    expect(rows[0]!.who).toBe("");
    expect(rows[1]!.goals).toBe("");
  });

  it("asks followUpOf for each measure's id", () => {
    const a = buildMeasure({ id: "m-a" });
    const b = buildMeasure({ id: "m-b" });
    const area: AreaNode = buildArea({ problems: [buildProblem({ causes: [buildCause({ measures: [a, b] })] })] });
    const asked: string[] = [];
    const rows = areaRows(area, (id) => {
      asked.push(id);
      return id === "m-b" ? "Klart." : null;
    });
    expect(asked).toEqual(["m-a", "m-b"]);
    expect(rows.map((r) => r.followUp)).toEqual(["", "Klart."]);
  });
});

// ---------------------------------------------------------------------------------------------
// import.ts: findHeader

describe("findHeader", () => {
  it("finds a header that is neither in row 1 nor in column A (row 6, from column C)", () => {
    const rows: (string | null)[][] = [
      ["Åtgärdsplan 2025"],
      [null, "Farsta stadsdelsförvaltning"],
      [],
      [null, null, "Orsak till att vi gör detta: se lägesbilden"], // "Orsak" but no "Åtgärd": not the header
      [],
      [null, null, "Samlingsnamn", "Problem", "Orsak", "Åtgärd", "Operativa mål", "När", "Vem", "Uppföljning"],
    ];
    expect(findHeader({ name: "Blad1", rows })).toEqual({
      row: 5,
      columns: { collectiveName: 2, problem: 3, cause: 4, measure: 5, goals: 6, when: 7, responsible: 8, followUp: 9 },
    });
  });

  it("reads the app's own layout, including the id column", () => {
    const header = findHeader(appSheet("Trygg skolväg", []));
    expect(header).toEqual({
      row: 1,
      columns: { collectiveName: 0, problem: 1, cause: 2, measure: 3, goals: 4, when: 5, responsible: 6, followUp: 7, ids: 8 },
    });
  });

  it("reads the real template: the problem column headed by the area's name, Samlingsnamn in the row below", () => {
    const header = findHeader(realSheet("Unga i riskzon för destruktivt", CENTRAL_AREA_NAMES.YOUTH_AT_RISK, []));
    expect(header).toEqual({
      row: 0,
      columns: { collectiveName: 0, problem: 1, cause: 2, measure: 3, goals: 4, when: 5, responsible: 6, followUp: 7 },
    });
  });

  it("reads the real template when the area's name also stands over the Samlingsnamn column", () => {
    const area = CENTRAL_AREA_NAMES.UNSAFE_PLACES;
    const grid: SheetGrid = { name: "Otrygga", rows: [[area, area, "Orsak", "Åtgärd", "Operativa mål", "När", "Vem", "Uppföljning"], REAL_HELP] };
    expect(findHeader(grid)?.columns).toMatchObject({ collectiveName: 0, problem: 1, cause: 2, measure: 3 });
  });

  it("reads a template without a Samlingsnamn column (Skärholmen): the area's name over the problem column in A", () => {
    const grid: SheetGrid = {
      name: "Otrygga",
      rows: [
        ["Otrygga och brottsutsatta platser", "Orsak", "Åtgärd", "Operativa mål", "När", "Vem", "Uppföljning"],
        ["Ange identifierat problemområde eller utmaning här", "Beskriv orsaken till problemet", "Koppla åtgärd mot respektive orsak", "Koppla operativa mål till varje åtgärd.", "Ange tid för när", "Ange vem som ansvarar", "Beskriv vad som har genomförts"],
      ],
    };
    const header = findHeader(grid);
    expect(header?.columns).toEqual({ problem: 0, cause: 1, measure: 2, goals: 3, when: 4, responsible: 5, followUp: 6 });
    expect(header?.columns.collectiveName).toBeUndefined();
  });

  it("ignores case and spaces in the headings (ORSAK , Operativt mål, Åtgärder)", () => {
    const grid: SheetGrid = { name: "x", rows: [["  SAMLINGSNAMN", "problem ", "ORSAK ", " Åtgärder", "Operativt mål", "NÄR", " vem", "UPPFÖLJNING", "id  (ändra   inte)"]] };
    expect(findHeader(grid)).toEqual({
      row: 0,
      columns: { collectiveName: 0, problem: 1, cause: 2, measure: 3, goals: 4, when: 5, responsible: 6, followUp: 7, ids: 8 },
    });
  });

  it("finds a header without the optional columns (only Problem, Orsak, Åtgärd)", () => {
    expect(findHeader({ name: "x", rows: [["Problem", "Orsak", "Åtgärd"]] })).toEqual({ row: 0, columns: { problem: 0, cause: 1, measure: 2 } });
  });

  it("returns null without both Orsak and Åtgärd, or with Orsak in column A and no problem column", () => {
    expect(findHeader({ name: "x", rows: [] })).toBeNull();
    expect(findHeader({ name: "x", rows: [["Problem", "Orsak", "Operativa mål"]] })).toBeNull();
    expect(findHeader({ name: "x", rows: [["Problem", "Åtgärd"]] })).toBeNull();
    expect(findHeader({ name: "x", rows: [["Orsak", "Åtgärd"]] })).toBeNull();
  });

  it("looks only in the first 40 rows", () => {
    const filler = (n: number): (string | null)[][] => Array.from({ length: n }, () => [null]);
    expect(IMPORT_LIMITS.headerSearchRows).toBe(40);
    expect(findHeader({ name: "x", rows: [...filler(39), APP_HEADER] })?.row).toBe(39);
    expect(findHeader({ name: "x", rows: [...filler(40), APP_HEADER] })).toBeNull();
    expect(findHeader({ name: "x", rows: [...filler(40), APP_HEADER, dataRow()] })).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// import.ts: readSheet

describe("readSheet", () => {
  it("skips the help-text row and blank rows, numbering rows as the sheet does (1-based)", () => {
    const grid = appSheet("Trygg skolväg", [
      dataRow({ measure: "Första" }),
      [],
      [null, null, null],
      ["  ", "", "\n"],
      dataRow({ measure: "Andra" }),
    ]);
    const { rows, issues } = read(grid);
    expect(issues).toEqual([]);
    expect(rows.map((r) => [r.rowNumber, r.measure])).toEqual([
      [4, "Första"],
      [8, "Andra"],
    ]);
    expect(rows[0]).toMatchObject({
      sheet: "Trygg skolväg",
      collectiveName: null,
      problem: "Upplevd otrygghet bland invånarna i Farsta strand.",
      cause: "Låg kollektiv förmåga.",
      goals: "Fyra möten under året.",
      when: "251231",
      responsible: "Avdchef Stadsutveckling",
      followUp: null,
      ids: null,
    });
  });

  it("skips the real template's help row (with Samlingsnamn in it)", () => {
    const grid = realSheet("Unga", CENTRAL_AREA_NAMES.YOUTH_AT_RISK, [dataRow({ collectiveName: "SIG unga" })]);
    const { rows, issues } = read(grid);
    expect(issues).toEqual([]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ rowNumber: 3, collectiveName: "SIG unga" });
  });

  it("numbers rows from the header's position when the header is deep in the sheet, in column C", () => {
    const pad = (r: (string | null)[]) => [null, null, ...r];
    const grid: SheetGrid = {
      name: "Blad1",
      rows: [["Åtgärdsplan 2025"], [], [], [], [], pad(APP_HEADER), pad(APP_HELP), pad(dataRow({ measure: "Rad åtta" }))],
    };
    const { rows } = read(grid);
    expect(rows.map((r) => [r.rowNumber, r.measure, r.problem])).toEqual([[8, "Rad åtta", "Upplevd otrygghet bland invånarna i Farsta strand."]]);
  });

  it.each(["#REF!", "#VALUE!", "#N/A", "#DIV/0!", "#NAME?"])("a row with the error value %s is an issue with its row number", (error) => {
    const grid = appSheet("Trygg skolväg", [dataRow(), dataRow({ when: error }), dataRow()]);
    const { rows, issues } = read(grid);
    expect(rows.map((r) => r.rowNumber)).toEqual([4, 6]);
    expect(issues).toEqual([{ sheet: "Trygg skolväg", row: 5, reason: expect.stringContaining(error) as string }]);
  });

  it("a cell longer than 10 000 characters is an issue; 10 000 is fine", () => {
    const grid = appSheet("Trygg skolväg", [dataRow({ followUp: "x".repeat(10_000) }), dataRow({ measure: "y".repeat(10_001) })]);
    const { rows, issues } = read(grid);
    expect(rows.map((r) => r.rowNumber)).toEqual([4]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ sheet: "Trygg skolväg", row: 5 });
    expect(issues[0]!.reason).toMatch(/^En cell har mer än 10\s000 tecken\.$/);
  });

  it("a measure without a problem and without a collective name is an issue", () => {
    const grid = appSheet("Trygg skolväg", [dataRow({ problem: null, collectiveName: "  " })]);
    const { rows, issues } = read(grid);
    expect(rows).toEqual([]);
    expect(issues).toEqual([{ sheet: "Trygg skolväg", row: 4, reason: expect.stringMatching(/^Raden saknar problem/) as string }]);
  });

  it("a cause or goals without a problem is an issue too", () => {
    const grid = appSheet("x", [dataRow({ problem: null, measure: null, goals: null }), dataRow({ problem: null, cause: null, measure: null })]);
    const { issues } = read(grid);
    expect(issues.map((i) => [i.row, i.reason.slice(0, 20)])).toEqual([
      [4, "Raden saknar problem"],
      [5, "Raden saknar problem"],
    ]);
  });

  it("a stray note in another column (no problem, cause, measure or goals) is skipped silently", () => {
    const grid = appSheet("x", [[null, null, null, null, null, "251231", "Polisen", "En anteckning"]]);
    expect(read(grid)).toEqual({ rows: [], issues: [] });
  });

  it("a measure without a cause is an issue", () => {
    const grid = appSheet("x", [dataRow({ cause: " " })]);
    const { rows, issues } = read(grid);
    expect(rows).toEqual([]);
    expect(issues).toEqual([{ sheet: "x", row: 4, reason: "Raden har en åtgärd men ingen orsak: fyll i orsaken som åtgärden ska påverka." }]);
  });

  it("goals without a measure are an issue", () => {
    const grid = appSheet("x", [dataRow({ measure: null })]);
    const { rows, issues } = read(grid);
    expect(rows).toEqual([]);
    expect(issues).toEqual([{ sheet: "x", row: 4, reason: "Raden har operativa mål men ingen åtgärd." }]);
  });

  // DISAGREEMENT: a row with a problem and goals but neither cause nor measure gets the reason
  // "Raden har en åtgärd men ingen orsak…" — it has no measure, so the message points the user
  // at the wrong cell. The cause check runs on `measure || goals` before the goals-without-measure check.
  it("goals with neither cause nor measure: the reason does not claim the row has a measure", () => {
    const grid = appSheet("x", [dataRow({ cause: null, measure: null })]);
    const { issues } = read(grid);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.reason).not.toMatch(/har en åtgärd/);
  });

  it("a collective name without a problem text: the collective name is the problem", () => {
    const grid = appSheet("x", [dataRow({ collectiveName: "Helgsamverkan", problem: null })]);
    const { rows, issues } = read(grid);
    expect(issues).toEqual([]);
    expect(rows[0]).toMatchObject({ collectiveName: "Helgsamverkan", problem: "Helgsamverkan" });
  });

  it("keeps a problem-only row and a cause-only row (the export's p/// and p/c// rows)", () => {
    const grid = appSheet("x", [
      dataRow({ cause: null, measure: null, goals: null, when: null, responsible: null, ids: `${P}///` }),
      dataRow({ measure: null, goals: null, when: null, responsible: null, ids: `${P}/${C}//` }),
    ]);
    const { rows, issues } = read(grid);
    expect(issues).toEqual([]);
    expect(rows.map((r) => [r.cause, r.measure, r.ids])).toEqual([
      [null, null, { problemId: P, causeId: null, measureId: null, goalIds: [] }],
      ["Låg kollektiv förmåga.", null, { problemId: P, causeId: C, measureId: null, goalIds: [] }],
    ]);
  });

  it("reads the ids from the id column; a missing or edited id is null", () => {
    const grid = appSheet("x", [
      dataRow({ ids: `${P}/${C}/${M}/${G1},${G2}` }),
      dataRow({ ids: ` ${P.toUpperCase()}/${C}/${M}/ ` }),
      dataRow({ ids: "ändrad" }),
      dataRow({ ids: null }),
    ]);
    expect(read(grid).rows.map((r) => r.ids)).toEqual([
      { problemId: P, causeId: C, measureId: M, goalIds: [G1, G2] },
      { problemId: P, causeId: C, measureId: M, goalIds: [] },
      null,
      null,
    ]);
  });

  it("a header without an id column gives ids null", () => {
    const grid = realSheet("x", "x", [[...dataRow().slice(0, 8), `${P}///`]]);
    expect(read(grid).rows[0]!.ids).toBeNull();
  });

  it("a help-like text far below the header is content, not the help row", () => {
    const rows = Array.from({ length: 5 }, (_, i) => dataRow({ measure: `Åtgärd ${i}` }));
    const grid = appSheet("x", [...rows, dataRow({ problem: "Ange identifierat problemområde eller utmaning här" })]);
    expect(read(grid).rows).toHaveLength(6);
  });
});

// ---------------------------------------------------------------------------------------------
// import.ts: areaOfSheet and readWorkbook

describe("areaOfSheet", () => {
  const areaOf = (grid: SheetGrid) => areaOfSheet(grid, headerOf(grid));

  it.each([
    ["Unga i riskzon för destruktivt beteende", "YOUTH_AT_RISK"],
    ["Otrygga och brottsutsatta platser", "UNSAFE_PLACES"],
    ["Systemhotande brottslighet", "SYSTEM_THREATENING_CRIME"],
    ["Systemhotade brottslighet", "SYSTEM_THREATENING_CRIME"],
    ["Särskilt utsatta och sårbara brottsoffer", "VULNERABLE_VICTIMS"],
    ["kriminella  miljöer och LIVSSTILAR", "CRIMINAL_ENVIRONMENTS"],
    // Cut at Excel's 31 characters.
    ["Unga i riskzon för destruktivt", "YOUTH_AT_RISK"],
    ["Särskilt utsatta och sårbara br", "VULNERABLE_VICTIMS"],
    ["Kriminella miljöer och livsstil", "CRIMINAL_ENVIRONMENTS"],
    ["Otrygga och brottsutsatta plats", "UNSAFE_PLACES"],
  ] as const)("sheet %j → %s, by the agreement's name", (name, central) => {
    expect(areaOf(appSheet(name, [dataRow()], null))).toEqual({ centralArea: central, name: CENTRAL_AREA_NAMES[central] });
  });

  it("by the area's name in the header row's problem column, whatever the sheet is called", () => {
    expect(areaOf(realSheet("Blad1", CENTRAL_AREA_NAMES.YOUTH_AT_RISK, [dataRow()]))).toEqual({ centralArea: "YOUTH_AT_RISK", name: CENTRAL_AREA_NAMES.YOUTH_AT_RISK });
    expect(areaOf(realSheet("Blad2", "Systemhotade brottslighet", [dataRow()]))).toEqual({ centralArea: "SYSTEM_THREATENING_CRIME", name: "Systemhotande brottslighet" });
  });

  it("by the area's name in a title row above the header (the app's export puts it in A1)", () => {
    expect(areaOf(appSheet("Blad3", [dataRow()], "Kriminella miljöer och livsstilar"))).toEqual({ centralArea: "CRIMINAL_ENVIRONMENTS", name: CENTRAL_AREA_NAMES.CRIMINAL_ENVIRONMENTS });
  });

  it("the sheet's name wins over the header's", () => {
    expect(areaOf(realSheet(CENTRAL_AREA_NAMES.UNSAFE_PLACES, CENTRAL_AREA_NAMES.YOUTH_AT_RISK, [dataRow()])).centralArea).toBe("UNSAFE_PLACES");
  });

  it("an unknown sheet name is the district's own area by that name (white space collapsed)", () => {
    expect(areaOf(appSheet("Trygg  skolväg ", [dataRow()]))).toEqual({ centralArea: null, name: "Trygg skolväg" });
    expect(areaOf(realSheet("[Eget prioriterat område]", "[Eget prioriterat område]", [dataRow()]))).toEqual({ centralArea: null, name: "[Eget prioriterat område]" });
  });

  it("a short beginning of a central area's name (under 20 characters) is not taken for it", () => {
    expect(areaOf(appSheet("Otrygga", [dataRow()], null))).toEqual({ centralArea: null, name: "Otrygga" });
  });
});

describe("readWorkbook", () => {
  const instruction: SheetGrid = { name: SHEETS.instruction, rows: [["Åtgärdsplan 2025"], ["Enligt lag (2023:196) om kommuners ansvar…"], ["Orsak", "Åtgärd"]] };
  const summary: SheetGrid = { name: SHEETS.summary, rows: [["Prioriterat område", "Antal problem"], ["Unga i riskzon för destruktivt beteende", "7"]] };

  it("skips the instruction and summary sheets (any case)", () => {
    const { sheets, issues } = readWorkbook([
      instruction,
      { ...summary, name: "SAMMANSTÄLLNING" },
      { name: "Analys", rows: [["Antal"]] },
      appSheet("Trygg skolväg", [dataRow()]),
    ]);
    expect(issues).toEqual([]);
    expect(sheets.map((s) => s.sheet)).toEqual(["Trygg skolväg"]);
  });

  it("maps central areas by exact name, misspelling, 31-character cut and header; own areas by sheet name", () => {
    const { sheets, issues } = readWorkbook([
      instruction,
      appSheet("Otrygga och brottsutsatta platser", [dataRow()]),
      appSheet("Systemhotade brottslighet", [dataRow()]),
      appSheet("Unga i riskzon för destruktivt", [dataRow()], null),
      realSheet("Blad1", CENTRAL_AREA_NAMES.VULNERABLE_VICTIMS, [dataRow()]),
      appSheet("Trygg skolväg", [dataRow()]),
      summary,
    ]);
    expect(issues).toEqual([]);
    expect(sheets.map((s) => [s.sheet, s.area])).toEqual([
      ["Otrygga och brottsutsatta platser", { centralArea: "UNSAFE_PLACES", name: "Otrygga och brottsutsatta platser" }],
      ["Systemhotade brottslighet", { centralArea: "SYSTEM_THREATENING_CRIME", name: "Systemhotande brottslighet" }],
      ["Unga i riskzon för destruktivt", { centralArea: "YOUTH_AT_RISK", name: "Unga i riskzon för destruktivt beteende" }],
      ["Blad1", { centralArea: "VULNERABLE_VICTIMS", name: "Särskilt utsatta och sårbara brottsoffer" }],
      ["Trygg skolväg", { centralArea: null, name: "Trygg skolväg" }],
    ]);
    expect(sheets.every((s) => s.rows.length === 1)).toBe(true);
  });

  it("merges two sheets for the same central area, each row keeping its own sheet and row number", () => {
    const { sheets } = readWorkbook([
      appSheet("Unga i riskzon för destruktivt", [dataRow({ measure: "A" }), dataRow({ measure: "B" })]),
      realSheet("Blad2", CENTRAL_AREA_NAMES.YOUTH_AT_RISK, [dataRow({ measure: "C" })]),
    ]);
    expect(sheets).toHaveLength(1);
    expect(sheets[0]!.sheet).toBe("Unga i riskzon för destruktivt");
    expect(sheets[0]!.area).toEqual({ centralArea: "YOUTH_AT_RISK", name: CENTRAL_AREA_NAMES.YOUTH_AT_RISK });
    expect(sheets[0]!.rows.map((r) => [r.sheet, r.rowNumber, r.measure])).toEqual([
      ["Unga i riskzon för destruktivt", 4, "A"],
      ["Unga i riskzon för destruktivt", 5, "B"],
      ["Blad2", 3, "C"],
    ]);
  });

  it("keeps two different own areas apart, and merges own-area sheets with the same name", () => {
    const { sheets } = readWorkbook([appSheet("Trygg skolväg", [dataRow()]), appSheet("Trafik", [dataRow()]), appSheet("trygg  skolväg", [dataRow()])]);
    expect(sheets.map((s) => [s.area.name, s.rows.length])).toEqual([
      ["Trygg skolväg", 2],
      ["Trafik", 1],
    ]);
  });

  it("a sheet with content but without the headings is one issue for the sheet (row null)", () => {
    const { sheets, issues } = readWorkbook([
      { name: "Anteckningar", rows: [["Möte 3 mars"], ["Problem", "Åtgärder saknas"], ["mer text"]] },
      appSheet("Trygg skolväg", [dataRow()]),
    ]);
    expect(sheets.map((s) => s.sheet)).toEqual(["Trygg skolväg"]);
    expect(issues).toEqual([{ sheet: "Anteckningar", row: null, reason: "Fliken har ingen rad med kolumnrubrikerna Orsak och Åtgärd, så den läses inte in." }]);
  });

  it("an empty sheet gives nothing: no area, no issue", () => {
    expect(readWorkbook([{ name: "Blad4", rows: [] }, { name: "Blad5", rows: [[], [null, "  "], [null]] }])).toEqual({ sheets: [], issues: [] });
  });

  it("passes the rows' issues on, with the sheet's name", () => {
    const { sheets, issues } = readWorkbook([appSheet("Trygg skolväg", [dataRow(), dataRow({ cause: null }), dataRow({ goals: "#REF!" })])]);
    expect(sheets[0]!.rows.map((r) => r.rowNumber)).toEqual([4]);
    expect(issues.map((i) => [i.sheet, i.row])).toEqual([
      ["Trygg skolväg", 5],
      ["Trygg skolväg", 6],
    ]);
  });

  it("a sheet with more than 2000 rows is an issue and is not read; 2000 is fine", () => {
    const rows = (n: number) => [APP_HEADER, ...Array.from({ length: n - 1 }, (_, i) => dataRow({ measure: `Åtgärd ${i}` }))];
    const ok = readWorkbook([{ name: "Trygg skolväg", rows: rows(2000) }]);
    expect(ok.issues).toEqual([]);
    expect(ok.sheets[0]!.rows).toHaveLength(1999);
    const big = readWorkbook([{ name: "Stor", rows: rows(2001) }, appSheet("Trafik", [dataRow()])]);
    expect(big.sheets.map((s) => s.sheet)).toEqual(["Trafik"]);
    expect(big.issues).toHaveLength(1);
    expect(big.issues[0]).toMatchObject({ sheet: "Stor", row: null });
    expect(big.issues[0]!.reason).toMatch(/^Fliken har 2\s001 rader; högst 2\s000 går att läsa in\.$/);
  });

  it("more than 40 sheets is a single issue and nothing is read; 40 are read", () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => appSheet(`Område ${i + 1}`, [dataRow()]));
    expect(readWorkbook(many(40)).sheets).toHaveLength(40);
    expect(readWorkbook(many(41))).toEqual({ sheets: [], issues: [{ sheet: "", row: null, reason: "Filen har 41 flikar; högst 40 går att läsa in." }] });
  });

  // DISAGREEMENT: the city's template ships an own-area tab ("[Eget prioriterat område]",
  // "en mall på en sådan flik finns under punkt 6") that most districts leave empty. readWorkbook
  // returns every sheet with headings, so an untouched template tab becomes an own area with
  // no rows, named after the placeholder. A central area's empty sheet is harmless (the area
  // exists anyway), but an empty own-area sheet should not add an area.
  it("an own-area sheet with the headings but no rows (the unused template tab) adds no area", () => {
    const { sheets } = readWorkbook([
      realSheet(CENTRAL_AREA_NAMES.UNSAFE_PLACES, CENTRAL_AREA_NAMES.UNSAFE_PLACES, [dataRow()]),
      realSheet("[Eget prioriterat område]", "[Eget prioriterat område]", []),
    ]);
    expect(sheets.map((s) => s.area.name)).toEqual([CENTRAL_AREA_NAMES.UNSAFE_PLACES]);
  });
});

// ---------------------------------------------------------------------------------------------
// The real Farsta plan in the real template's layout

describe("the Farsta plan 2025 in the city's template", () => {
  const plan = loadSeedPlan("farsta-2025");

  /** Each area as the template's sheet: tab name cut at 31, header with the area's name, help row, merged problem cells filled in. */
  function farstaWorkbook(): SheetGrid[] {
    const areaSheets = plan.areas.map((area): SheetGrid => {
      const rows = area.rows.map((r) => [r.collectiveName, r.problem, r.cause, r.measure, r.goals, r.when, r.responsible, r.followUp]);
      // As merged cells are read: a row with the same problem as the row above repeats it (the reader copies the master's value).
      for (let i = 1; i < rows.length; i++) {
        if (rows[i]![1] === null) rows[i]![1] = rows[i - 1]![1] ?? null;
      }
      return { name: area.name.slice(0, 31).trim(), rows: [realHeader(area.name), REAL_HELP, ...rows, [], [null]] };
    });
    return [instructionGrid(), ...areaSheets, { name: SHEETS.summary, rows: [["Prioriterat område", "Antal problem", "Antal identifierade orsaker", "Antal åtgärder"]] }];
  }
  const instructionGrid = (): SheetGrid => ({ name: SHEETS.instruction, rows: [["Åtgärdsplan 2025"], ["Enligt lag (2023:196) …"]] });

  it("is read without issues: five central areas, one row per measure, numbered from row 3", () => {
    const { sheets, issues } = readWorkbook(farstaWorkbook());
    expect(issues).toEqual([]);
    expect(sheets.map((s) => s.area.centralArea)).toEqual(["YOUTH_AT_RISK", "UNSAFE_PLACES", "SYSTEM_THREATENING_CRIME", "VULNERABLE_VICTIMS", "CRIMINAL_ENVIRONMENTS"]);
    for (const [i, s] of sheets.entries()) {
      const seed = plan.areas[i]!;
      expect(s.rows).toHaveLength(seed.rows.length);
      expect(s.rows.map((r) => r.rowNumber)).toEqual(seed.rows.map((_, j) => j + 3));
      expect(s.rows.map((r) => r.measure)).toEqual(seed.rows.map((r) => r.measure));
      expect(s.rows.map((r) => r.collectiveName)).toEqual(seed.rows.map((r) => r.collectiveName));
      expect(s.rows.every((r) => r.ids === null)).toBe(true);
    }
  });

  it("groups into the README's counts per area (problems/causes/measures/goals)", () => {
    const { sheets } = readWorkbook(farstaWorkbook());
    const summary = summarizeDraft(sheets.map((s) => ({ name: s.area.name, problems: groupSeedRows(s.rows, plan.year) })));
    expect(summary.rows).toEqual([
      { areaName: "Unga i riskzon för destruktivt beteende", problems: 7, causes: 7, measures: 7, goals: 12 },
      { areaName: "Otrygga och brottsutsatta platser", problems: 9, causes: 10, measures: 10, goals: 16 },
      { areaName: "Systemhotande brottslighet", problems: 2, causes: 3, measures: 3, goals: 3 },
      { areaName: "Särskilt utsatta och sårbara brottsoffer", problems: 7, causes: 7, measures: 7, goals: 9 },
      { areaName: "Kriminella miljöer och livsstilar", problems: 5, causes: 5, measures: 5, goals: 7 },
    ]);
    expect(summary.total).toEqual({ problems: 30, causes: 32, measures: 32, goals: 47 });
  });

  it("gives the same counts when the sheets are named Blad1…Blad5 (areas found by the header) and the header is lower down", () => {
    const grids = farstaWorkbook().map((g, i): SheetGrid => (g.name === SHEETS.instruction || g.name === SHEETS.summary ? g : { name: `Blad${i}`, rows: [["Åtgärdsplan 2025 Farsta"], [], ...g.rows] }));
    const { sheets, issues } = readWorkbook(grids);
    expect(issues).toEqual([]);
    const summary = summarizeDraft(sheets.map((s) => ({ name: s.area.name, problems: groupSeedRows(s.rows, plan.year) })));
    expect(summary.rows.map((r) => `${r.areaName} ${r.problems}/${r.causes}/${r.measures}/${r.goals}`)).toEqual([
      "Unga i riskzon för destruktivt beteende 7/7/7/12",
      "Otrygga och brottsutsatta platser 9/10/10/16",
      "Systemhotande brottslighet 2/3/3/3",
      "Särskilt utsatta och sårbara brottsoffer 7/7/7/9",
      "Kriminella miljöer och livsstilar 5/5/5/7",
    ]);
    expect(sheets[0]!.rows[0]!.rowNumber).toBe(5);
  });

  it("a problem cell merged over two rows (Platssamverkan Farsta strand) is one problem with two causes", () => {
    const { sheets } = readWorkbook(farstaWorkbook());
    const places = sheets.find((s) => s.area.centralArea === "UNSAFE_PLACES")!;
    const problems = groupSeedRows(places.rows, plan.year);
    const strand = problems.find((p) => p.collectiveName === "Platssamverkan Farsta strand")!;
    expect(strand.description).toBe("Upplevd otrygghet bland invånarna i Farsta strand.");
    expect(strand.causes).toHaveLength(2);
  });
});
