import { describe, expect, it } from "vitest";
import { describeReviewFilter, isMeasureFiltered, listLevel, parseReviewFilter, REVIEW_LIST_KINDS, reviewListHref } from "@/lib/domain/review-filter";

const DISTRICTS = [
  { id: "11111111-1111-4111-8111-111111111111", slug: "farsta" },
  { id: "22222222-2222-4222-8222-222222222222", slug: "skarholmen" },
];
const AREA = "3f2b9c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e";

describe("parseReviewFilter", () => {
  it.each([
    ["nothing", {}, {}, ""],
    ["a central area", { area: "UNSAFE_PLACES" }, { area: "UNSAFE_PLACES" }, "area=UNSAFE_PLACES"],
    ["an unknown area", { area: "DROP TABLE" }, {}, ""],
    ["a district the reader may review", { district: "skarholmen" }, { districtId: DISTRICTS[1]!.id }, "district=skarholmen"],
    ["a district the reader may not review", { district: "rinkeby" }, {}, ""],
    ["one area id, any case", { areaId: AREA.toUpperCase() }, { areaId: AREA }, `areaId=${AREA}`],
    ["a malformed area id", { areaId: "1 OR 1=1" }, {}, ""],
    ["with the police", { police: "med" }, { withPolice: true }, "police=med"],
    ["without the police", { police: "utan" }, { withPolice: false }, "police=utan"],
    ["police in any other word", { police: "ja" }, {}, ""],
    ["a plan status", { status: "COUNCIL_DECIDED" }, { status: "COUNCIL_DECIDED" }, "status=COUNCIL_DECIDED"],
    ["an organisation, trimmed", { organisation: "  Fältassistenter " }, { organisation: "Fältassistenter" }, "organisation=F%C3%A4ltassistenter"],
    ["a blank organisation", { organisation: "   " }, {}, ""],
    ["the youth tag", { tag: "ungdom" }, { tag: "youthStrategy" }, "tag=ungdom"],
    ["the VBE tag", { tag: "vbe" }, { tag: "violentExtremism" }, "tag=vbe"],
    ["a follow-up status", { followUp: "NOT_MET" }, { followUp: "NOT_MET" }, "followUp=NOT_MET"],
    ["no follow-up status yet", { followUp: "NONE" }, { followUp: "NONE" }, "followUp=NONE"],
    ["the first of repeated values", { police: ["utan", "med"] }, { withPolice: false }, "police=utan"],
  ])("%s", (_, sp, filter, query) => {
    const parsed = parseReviewFilter(sp, DISTRICTS);
    expect(parsed.filter).toEqual(filter);
    expect(parsed.query.toString()).toBe(query);
  });

  it("cuts the organisation at 100 characters", () => {
    expect(parseReviewFilter({ organisation: "x".repeat(500) }, DISTRICTS).filter.organisation).toHaveLength(100);
  });
});

describe("isMeasureFiltered", () => {
  it.each([
    [{}, false],
    [{ area: "UNSAFE_PLACES" as const, districtId: "d", status: "DRAFT" as const, areaId: AREA }, false],
    [{ withPolice: false }, true],
    [{ organisation: "polis" }, true],
    [{ organisation: "  " }, false],
    [{ tag: "violentExtremism" as const }, true],
    [{ followUp: "NONE" as const }, true],
  ])("%j → %s", (filter, expected) => {
    expect(isMeasureFiltered(filter)).toBe(expected);
  });
});

describe("the lists behind the cells", () => {
  it("each column lists its own level of the chain", () => {
    expect(REVIEW_LIST_KINDS.map((k) => [k, listLevel(k)])).toEqual([
      ["problems", "problem"],
      ["causes", "cause"],
      ["measures", "measure"],
      ["goals", "goal"],
      ["police", "measure"],
      ["smart", "goal"],
      ["overdue", "measure"],
    ]);
  });

  it("a cell's link keeps the console's filters and sets its area and column; the total row's has no area", () => {
    const { query } = parseReviewFilter({ police: "med", district: "farsta", areaId: AREA }, DISTRICTS);
    expect(reviewListHref(2025, query, "overdue", "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa")).toBe(
      "/review/2025/list?district=farsta&police=med&areaId=aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa&kind=overdue",
    );
    expect(reviewListHref(2025, query, "goals")).toBe("/review/2025/list?district=farsta&police=med&kind=goals");
    // The console's own query is left as it was.
    expect(query.get("areaId")).toBe(AREA);
  });

  it("says the filter in the users' words", () => {
    expect(describeReviewFilter({}, {})).toEqual([]);
    expect(
      describeReviewFilter(
        { area: "UNSAFE_PLACES", withPolice: true, organisation: "fält", tag: "youthStrategy", status: "COUNCIL_DECIDED", followUp: "NONE" },
        { district: "Farsta" },
      ),
    ).toEqual([
      "Farsta",
      "Otrygga och brottsutsatta platser",
      "med polisen",
      "ansvarig organisation som innehåller ”fält”",
      "strategin för barn och unga",
      "planens status: beslutad av stadsdelsnämnden",
      "mål som är: ingen status ännu",
    ]);
    // A cell names its own area instead of the central area.
    expect(describeReviewFilter({ area: "UNSAFE_PLACES", withPolice: false }, { district: "Skärholmen", area: "Trygghet i centrum" })).toEqual(["Skärholmen", "Trygghet i centrum", "utan polisen"]);
  });
});
