import { describe, expect, it } from "vitest";
import { confidentialNote, countConfidential, omitConfidential, readerReach, visibleAreas } from "@/lib/domain/confidential";
import type { AreaNode, DistrictScope, Membership } from "@/lib/domain/types";
import { buildActor, buildArea, buildCause, buildMeasure, buildProblem, buildScope } from "@/tests/support/builders";

/**
 * Two areas. The first: a problem with two causes (one open and one secret measure; one secret
 * measure alone) and a problem whose cause has no measures. The second: a measure marked
 * explicitly not confidential and one without the flag at all.
 */
function plan(): AreaNode[] {
  return [
    buildArea({
      id: "area-1",
      name: "Otrygga platser",
      problems: [
        buildProblem({
          id: "problem-1",
          description: "Upplevd otrygghet vid Farsta centrum.",
          causes: [
            buildCause({
              id: "cause-1",
              measures: [
                buildMeasure({ id: "open-1", description: "Trygghetsvandringar med boende." }),
                buildMeasure({ id: "secret-1", description: "Kartläggning av extremistmiljö.", confidential: true }),
                buildMeasure({ id: "open-2", description: "Bättre belysning i gångtunneln.", confidential: false }),
              ],
            }),
            buildCause({ id: "cause-2", measures: [buildMeasure({ id: "secret-2", confidential: true })] }),
          ],
        }),
        buildProblem({ id: "problem-2", causes: [buildCause({ id: "cause-3", measures: [] })] }),
      ],
    }),
    buildArea({
      id: "area-2",
      name: "Våld i nära relationer",
      problems: [
        buildProblem({
          id: "problem-3",
          causes: [buildCause({ id: "cause-4", measures: [buildMeasure({ id: "flag-false", confidential: false }), buildMeasure({ id: "flag-absent" })] })],
        }),
      ],
    }),
  ];
}

/** The measure ids per cause, as "cause: ids" — what a reader would see listed. */
function measuresByCause(areas: readonly AreaNode[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const a of areas) for (const p of a.problems) for (const c of p.causes) out[c.id] = c.measures.map((m) => m.id);
  return out;
}

function skeleton(areas: readonly AreaNode[]): unknown {
  return areas.map((a) => ({ id: a.id, problems: a.problems.map((p) => ({ id: p.id, causes: p.causes.map((c) => c.id) })) }));
}

const ALL = { "cause-1": ["open-1", "secret-1", "open-2"], "cause-2": ["secret-2"], "cause-3": [], "cause-4": ["flag-false", "flag-absent"] };
const WITHOUT_SECRET = { "cause-1": ["open-1", "open-2"], "cause-2": [], "cause-3": [], "cause-4": ["flag-false", "flag-absent"] };

describe("omitConfidential", () => {
  it("drops the confidential measures under every cause and keeps the others in order", () => {
    expect(measuresByCause(omitConfidential(plan()))).toEqual(WITHOUT_SECRET);
  });

  it("keeps every area, problem and cause, even one left without measures", () => {
    const areas = plan();
    expect(skeleton(omitConfidential(areas))).toEqual(skeleton(areas));
  });

  it("keeps the other fields of areas, problems, causes and the remaining measures", () => {
    const areas = plan();
    const [open1, , open2] = areas.flatMap((a) => a.problems.flatMap((p) => p.causes.flatMap((c) => c.measures)));
    expect(omitConfidential(areas)).toMatchObject([
      {
        id: "area-1",
        name: "Otrygga platser",
        centralArea: "UNSAFE_PLACES",
        problems: [
          {
            description: "Upplevd otrygghet vid Farsta centrum.",
            causes: [{ description: "Låg kollektiv förmåga i lokalsamhället.", measures: [open1, open2] }, { measures: [] }],
          },
          { causes: [{ measures: [] }] },
        ],
      },
      { id: "area-2", name: "Våld i nära relationer" },
    ]);
  });

  it("does not change the areas it was given", () => {
    const areas = plan();
    const before = structuredClone(areas);
    omitConfidential(areas, new Set(["open-1"]));
    expect(areas).toEqual(before);
    expect(measuresByCause(areas)).toEqual(ALL);
  });

  it.each([
    ["flag false", "flag-false", { ...WITHOUT_SECRET, "cause-4": ["flag-absent"] }],
    ["no flag", "flag-absent", { ...WITHOUT_SECRET, "cause-4": ["flag-false"] }],
    ["an open measure of the first area", "open-1", { ...WITHOUT_SECRET, "cause-1": ["open-2"] }],
    ["an id that is no measure", "problem-1", WITHOUT_SECRET],
  ])("also hides by id (%s)", (_name, id, expected) => {
    expect(measuresByCause(omitConfidential(plan(), new Set([id])))).toEqual(expected);
  });

  it("hides several ids at once, still dropping the flagged ones", () => {
    expect(measuresByCause(omitConfidential(plan(), new Set(["open-2", "flag-absent"])))).toEqual({
      ...WITHOUT_SECRET,
      "cause-1": ["open-1"],
      "cause-4": ["flag-false"],
    });
  });

  it("gives nothing for no areas", () => {
    expect(omitConfidential([])).toEqual([]);
  });
});

describe("countConfidential", () => {
  it("counts the flagged measures across areas, problems and causes", () => {
    expect(countConfidential(plan())).toBe(2);
  });

  it("is 0 once they are left out, and for a plan without any", () => {
    expect(countConfidential(omitConfidential(plan()))).toBe(0);
    expect(countConfidential([buildArea()])).toBe(0);
    expect(countConfidential([])).toBe(0);
  });
});

describe("visibleAreas", () => {
  it("shows everything, confidential measures included, to a reader with the permission", () => {
    const areas = plan();
    const seen = visibleAreas(areas, true);
    expect(measuresByCause(seen)).toEqual(ALL);
    expect(seen).toEqual(areas);
  });

  it("leaves the confidential measures out for a reader without it", () => {
    expect(measuresByCause(visibleAreas(plan(), false))).toEqual(WITHOUT_SECRET);
  });

  it("hides the extra ids from a reader without the permission", () => {
    expect(measuresByCause(visibleAreas(plan(), false, new Set(["open-1"])))).toEqual({ ...WITHOUT_SECRET, "cause-1": ["open-2"] });
  });

  it("does not hide the extra ids from a reader with the permission", () => {
    expect(measuresByCause(visibleAreas(plan(), true, new Set(["open-1", "flag-absent"])))).toEqual(ALL);
  });

  it("does not change the areas it was given", () => {
    const areas = plan();
    const before = structuredClone(areas);
    visibleAreas(areas, false, new Set(["open-1"]));
    visibleAreas(areas, true).pop();
    expect(areas).toEqual(before);
  });
});

describe("confidentialNote", () => {
  it.each([
    [0, null],
    [1, "1 åtgärd med sekretess ingår inte i det här dokumentet."],
    [2, "2 åtgärder med sekretess ingår inte i det här dokumentet."],
    [12, "12 åtgärder med sekretess ingår inte i det här dokumentet."],
  ])("%i → %s", (count, note) => {
    expect(confidentialNote(count)).toBe(note);
  });

  it("matches what countConfidential found in a plan", () => {
    expect(confidentialNote(countConfidential(plan()))).toBe("2 åtgärder med sekretess ingår inte i det här dokumentet.");
  });
});

describe("readerReach", () => {
  // Stockholm: LPO Farsta serves both Farsta and Enskede-Årsta-Vantör, LPO Skärholmen serves Skärholmen.
  // Göteborg: Angered, with a district id and a police area id that also exist in Stockholm.
  const FARSTA = buildScope({ districtId: "farsta", municipalityId: "stockholm", policeAreaIds: ["lpo-farsta"] });
  const ENSKEDE = buildScope({ districtId: "enskede", municipalityId: "stockholm", policeAreaIds: ["lpo-farsta"] });
  const SKARHOLMEN = buildScope({ districtId: "skarholmen", municipalityId: "stockholm", policeAreaIds: ["lpo-skarholmen"] });
  const ANGERED = buildScope({ districtId: "angered", municipalityId: "goteborg", policeAreaIds: ["lpo-angered"] });
  const DISTRICTS: DistrictScope[] = [FARSTA, ENSKEDE, SKARHOLMEN, ANGERED];
  const STOCKHOLM = ["farsta", "enskede", "skarholmen"];

  const CASES: [string, Membership[], { viewable: string[]; confidential: string[] }][] = [
    [
      "a strategist of Farsta sees every district of Stockholm, confidential only in Farsta",
      [{ role: "STRATEGIST", municipalityId: "stockholm", districtId: "farsta" }],
      { viewable: STOCKHOLM, confidential: ["farsta"] },
    ],
    [
      "the steering group of Skärholmen sees every district of Stockholm, confidential only in Skärholmen",
      [{ role: "STEERING_GROUP", municipalityId: "stockholm", districtId: "skarholmen" }],
      { viewable: STOCKHOLM, confidential: ["skarholmen"] },
    ],
    [
      "police of LPO Farsta see only the districts it serves, confidential there too",
      [{ role: "POLICE", municipalityId: "stockholm", policeAreaId: "lpo-farsta" }],
      { viewable: ["farsta", "enskede"], confidential: ["farsta", "enskede"] },
    ],
    [
      "police of LPO Skärholmen see only Skärholmen",
      [{ role: "POLICE", municipalityId: "stockholm", policeAreaId: "lpo-skarholmen" }],
      { viewable: ["skarholmen"], confidential: ["skarholmen"] },
    ],
    [
      "the review group sees every district of Stockholm, confidential in none",
      [{ role: "REVIEW_GROUP", municipalityId: "stockholm" }],
      { viewable: STOCKHOLM, confidential: [] },
    ],
    [
      "an administrator of Stockholm sees every district of Stockholm, confidential in all",
      [{ role: "ADMIN", municipalityId: "stockholm" }],
      { viewable: STOCKHOLM, confidential: STOCKHOLM },
    ],
    [
      "a strategist of Angered sees nothing of Stockholm",
      [{ role: "STRATEGIST", municipalityId: "goteborg", districtId: "angered" }],
      { viewable: ["angered"], confidential: ["angered"] },
    ],
    [
      "a strategist of a Göteborg district with Farsta's id reads no Farsta secrets",
      [{ role: "STRATEGIST", municipalityId: "goteborg", districtId: "farsta" }],
      { viewable: ["angered"], confidential: [] },
    ],
    [
      "police of a Göteborg area with LPO Farsta's id see nothing of Stockholm",
      [{ role: "POLICE", municipalityId: "goteborg", policeAreaId: "lpo-farsta" }],
      { viewable: [], confidential: [] },
    ],
    [
      "an administrator of Göteborg sees only Göteborg",
      [{ role: "ADMIN", municipalityId: "goteborg" }],
      { viewable: ["angered"], confidential: ["angered"] },
    ],
    ["someone without a role sees nothing", [], { viewable: [], confidential: [] }],
    [
      "a strategist of Farsta who is also in the review group reads secrets only in Farsta",
      [
        { role: "REVIEW_GROUP", municipalityId: "stockholm" },
        { role: "STRATEGIST", municipalityId: "stockholm", districtId: "farsta" },
      ],
      { viewable: STOCKHOLM, confidential: ["farsta"] },
    ],
    [
      "a strategist of Farsta who is also police in Skärholmen reads secrets in both",
      [
        { role: "STRATEGIST", municipalityId: "stockholm", districtId: "farsta" },
        { role: "POLICE", municipalityId: "stockholm", policeAreaId: "lpo-skarholmen" },
      ],
      { viewable: STOCKHOLM, confidential: ["farsta", "skarholmen"] },
    ],
  ];

  it.each(CASES)("%s", (_name, memberships, reach) => {
    expect(readerReach(buildActor(memberships), DISTRICTS)).toEqual(reach);
  });

  it("keeps the order the districts were given in", () => {
    const actor = buildActor([{ role: "ADMIN", municipalityId: "stockholm" }]);
    expect(readerReach(actor, [SKARHOLMEN, ANGERED, FARSTA, ENSKEDE])).toEqual({
      viewable: ["skarholmen", "farsta", "enskede"],
      confidential: ["skarholmen", "farsta", "enskede"],
    });
  });

  it("reaches nothing among no districts", () => {
    expect(readerReach(buildActor([{ role: "ADMIN", municipalityId: "stockholm" }]), [])).toEqual({ viewable: [], confidential: [] });
  });
});
