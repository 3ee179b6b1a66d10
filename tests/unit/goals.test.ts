import { describe, expect, it } from "vitest";
import { parseNumericTarget, splitGoals } from "../../lib/domain/goals";

describe("splitGoals", () => {
  it.each<[string, string | null, string[]]>([
    ["null", null, []],
    ["empty", "", []],
    ["white space only", " \n ", []],
    [
      "no markers: one goal",
      "Ungdomsutsättningar genomförs 12 gånger under året.",
      ["Ungdomsutsättningar genomförs 12 gånger under året."],
    ],
    [
      "two markers",
      "1) Genomföra allvarssamtal utifrån identifierat behov. 2) Stadsdelens mottagningsgrupp tydliggör intern process.",
      ["Genomföra allvarssamtal utifrån identifierat behov.", "Stadsdelens mottagningsgrupp tydliggör intern process."],
    ],
    [
      "four markers, lower case",
      "1) genomföra förarbete inför workshop 2) genomföra workshop 3) omhänderta utvärdering 4) arbeta in kunskaper till lägesbilden",
      ["genomföra förarbete inför workshop", "genomföra workshop", "omhänderta utvärdering", "arbeta in kunskaper till lägesbilden"],
    ],
    [
      "text before the first marker belongs to the first goal",
      "Informera och säkerställa att rutinen är känd. 1) alla chefer inom IoF är informerade 2) rutinen är kommunicerad till alla medarbetare. 3) Utveckla samverkan.",
      [
        "Informera och säkerställa att rutinen är känd. alla chefer inom IoF är informerade",
        "rutinen är kommunicerad till alla medarbetare.",
        "Utveckla samverkan.",
      ],
    ],
    [
      "a single marker is not a list",
      "1) Utreda behov av lokalt nätverk för att förankra rutiner.",
      ["1) Utreda behov av lokalt nätverk för att förankra rutiner."],
    ],
    [
      "'1.' numbering is not a marker; one '3)' alone does not split",
      "1. Minst två trygghetsvandringar genomförs per år. 2. Minst 80 % av åtgärderna har genomförts. 3) Minst fem boende deltar",
      ["1. Minst två trygghetsvandringar genomförs per år. 2. Minst 80 % av åtgärderna har genomförts. 3) Minst fem boende deltar"],
    ],
    [
      "a marker must follow white space and be followed by white space",
      "se bilaga 1)a och 2)b samt (x2) y",
      ["se bilaga 1)a och 2)b samt (x2) y"],
    ],
    [
      "markers after a comma and a newline",
      "1) Kartläggning av möjlig samverkan,\n2) omvärldsbevaka med andra stadsdelar.",
      ["Kartläggning av möjlig samverkan,", "omvärldsbevaka med andra stadsdelar."],
    ],
    ["adjacent markers share the white space between them", "1) 2) Båda", ["Båda"]],
  ])("%s", (_label, cell, expected) => {
    expect(splitGoals(cell)).toEqual(expected);
  });
});

describe("parseNumericTarget", () => {
  it.each<[string, { value: number; unit: string | null } | null]>([
    ["12 gånger under året", { value: 12, unit: "gånger under året" }],
    ["minst 80 %", { value: 80, unit: "%" }],
    ["Minst 80%", { value: 80, unit: "%" }],
    ["35 träffar/år", { value: 35, unit: "träffar/år" }],
    ["ca 2,5 timmar per vecka", { value: 2.5, unit: "timmar per vecka" }],
    ["1 000 besök", { value: 1000, unit: "besök" }],
    ["4 ggr.", { value: 4, unit: "ggr" }],
    ["20", { value: 20, unit: null }],
    // sentences, several numbers, no number: unsure → null
    ["Ungdomsutsättningar genomförs 12 gånger under året.", null],
    ["35 träffar/häng arrangeras per år. Det finns svårigheter att redovisa hur många ungdomar som slussas vidare.", null],
    ["80 procent av ungdomarna som erbjuds insatsen tackar ja till kontakten.", null],
    ["Minst 80 % av åtgärderna har genomförts efter 9 månader.", null],
    ["4 ggr under 2025", null],
    ["Genomföra upp till tre trygghetsträffar", null],
    ["Torgträffar ska arrangeras ett par gånger per år", null],
    ["", null],
  ])("%j → %j", (text, expected) => {
    expect(parseNumericTarget(text)).toEqual(expected);
  });
});

describe("splitGoals: lists longer than nine goals", () => {
  it("reads 10) and 11) after 9) as markers", () => {
    const cell = Array.from({ length: 11 }, (_, i) => `${i + 1}) Mål ${i + 1}`).join(" ");
    expect(splitGoals(cell)).toEqual(Array.from({ length: 11 }, (_, i) => `Mål ${i + 1}`));
  });

  it("never reads a two-digit number in the text as a marker", () => {
    expect(splitGoals("1) Ungdomsutsättningar (11 av 12) genomförs. 2) Uppföljning 12) gånger")).toEqual(["Ungdomsutsättningar (11 av 12) genomförs.", "Uppföljning 12) gånger"]);
  });
});
