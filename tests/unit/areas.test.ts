import { describe, expect, it } from "vitest";
import { canRemoveArea, CENTRAL_AREA_NAMES, centralAreaForName } from "../../lib/domain/areas";
import { CENTRAL_AREAS } from "../../lib/domain/types";

describe("CENTRAL_AREA_NAMES", () => {
  it("names the five central areas in the agreement's order", () => {
    expect(CENTRAL_AREAS.map((area) => CENTRAL_AREA_NAMES[area])).toEqual([
      "Unga i riskzon för destruktivt beteende",
      "Otrygga och brottsutsatta platser",
      "Systemhotande brottslighet",
      "Särskilt utsatta och sårbara brottsoffer",
      "Kriminella miljöer och livsstilar",
    ]);
  });
});

describe("centralAreaForName", () => {
  it.each([
    ["Unga i riskzon för destruktivt beteende", "YOUTH_AT_RISK"],
    ["Otrygga och brottsutsatta platser", "UNSAFE_PLACES"],
    ["Systemhotande brottslighet", "SYSTEM_THREATENING_CRIME"],
    ["Systemhotade brottslighet", "SYSTEM_THREATENING_CRIME"],
    ["Särskilt utsatta och sårbara brottsoffer", "VULNERABLE_VICTIMS"],
    ["Kriminella miljöer och livsstilar", "CRIMINAL_ENVIRONMENTS"],
    ["  KRIMINELLA  miljöer\noch livsstilar ", "CRIMINAL_ENVIRONMENTS"],
    ["särskilt utsatta och SÅRBARA brottsoffer", "VULNERABLE_VICTIMS"],
    ["[Eget prioriterat område]", null],
    ["Trafiksäkerhet vid skolor", null],
    ["Otrygga platser", null],
    ["", null],
  ])("%j → %s", (name, expected) => {
    expect(centralAreaForName(name)).toBe(expected);
  });
});

describe("canRemoveArea", () => {
  it.each(CENTRAL_AREAS)("never removes the central area %s, even when empty", (centralArea) => {
    const result = canRemoveArea({ centralArea, problemCount: 0 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/centrala samverkansområdena/);
  });

  it("removes an own area without problems", () => {
    expect(canRemoveArea({ centralArea: null, problemCount: 0 })).toEqual({ ok: true });
  });

  it.each([1, 7])("keeps an own area with %i problem(s)", (problemCount) => {
    const result = canRemoveArea({ centralArea: null, problemCount });
    expect(result).toEqual({ ok: false, message: expect.stringContaining("kan inte tas bort") });
  });
});
