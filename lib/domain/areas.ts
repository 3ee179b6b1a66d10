// The prioritised collaboration areas (prioriterade samverkansområden).

import { CENTRAL_AREAS, type CentralArea } from "./types";
import { normalizeText } from "./text";

/** The five central areas of the city–police agreement, in the agreement's order. */
export const CENTRAL_AREA_NAMES: Record<CentralArea, string> = {
  YOUTH_AT_RISK: "Unga i riskzon för destruktivt beteende",
  UNSAFE_PLACES: "Otrygga och brottsutsatta platser",
  SYSTEM_THREATENING_CRIME: "Systemhotande brottslighet",
  VULNERABLE_VICTIMS: "Särskilt utsatta och sårbara brottsoffer",
  CRIMINAL_ENVIRONMENTS: "Kriminella miljöer och livsstilar",
};

/** Spellings found in real plans that mean a central area. */
const NAME_ALIASES: Record<string, CentralArea> = {
  "systemhotade brottslighet": "SYSTEM_THREATENING_CRIME",
};

function nameKey(name: string): string {
  return normalizeText(name).toLocaleLowerCase("sv-SE");
}

const AREA_BY_KEY: ReadonlyMap<string, CentralArea> = new Map<string, CentralArea>([
  ...CENTRAL_AREAS.map((area): [string, CentralArea] => [nameKey(CENTRAL_AREA_NAMES[area]), area]),
  ...Object.entries(NAME_ALIASES),
]);

/** The central area a tab/area name stands for, ignoring case and white space; null for an own area. */
export function centralAreaForName(name: string): CentralArea | null {
  return AREA_BY_KEY.get(nameKey(name)) ?? null;
}

export type RemoveAreaResult = { ok: true } | { ok: false; message: string };

/** Central areas are fixed by the agreement; an own area may be removed only when it has no problems. */
export function canRemoveArea(area: { centralArea: CentralArea | null; problemCount: number }): RemoveAreaResult {
  if (area.centralArea !== null) {
    return {
      ok: false,
      message: "De centrala samverkansområdena ingår i alla planer och kan inte tas bort.",
    };
  }
  if (area.problemCount > 0) {
    return {
      ok: false,
      message: "Området har problem och kan inte tas bort. Ta bort områdets problem först.",
    };
  }
  return { ok: true };
}
