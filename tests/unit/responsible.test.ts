import { describe, expect, it } from "vitest";
import { formatParty, isPoliceParty, parseResponsible } from "../../lib/domain/responsible";
import type { ResponsibleParty } from "../../lib/domain/types";
import { distinctSeedValues } from "../support/builders";

const org = (organisation: string): ResponsibleParty => ({ organisation, role: null });
const role = (r: string, organisation: string): ResponsibleParty => ({ organisation, role: r });

/** Every distinct "Vem" value of the Farsta and Skärholmen 2025 plans, and its parties. */
const SEED_RESPONSIBLE: Record<string, ResponsibleParty[]> = {
  "Avdchef Ekonomi och HR": [org("Avdchef Ekonomi och HR")],
  "Avdchef IoF": [org("Avdchef IoF")],
  "Avdchef Stadsutveckling, Farsta stadsdelsförvaltning": [role("Avdchef Stadsutveckling", "Farsta stadsdelsförvaltning")],
  "Avdchef Äldreomsorg": [org("Avdchef Äldreomsorg")],
  "Förvaltningschef, Farsta stadsdelsförvaltning": [role("Förvaltningschef", "Farsta stadsdelsförvaltning")],
  "Kommunpolis och Avdchef äldreomsorg.": [org("Kommunpolis"), org("Avdchef äldreomsorg")],
  Kommunpolisen: [org("Kommunpolisen")],
  "Polis och socialtjänst": [org("Polis"), org("socialtjänst")],
  Polisen: [org("Polisen")],
  "Polisens avhopparsamordnare.": [org("Polisens avhopparsamordnare")],
  "Sök:en deltagare med hjälp av Länsstyrelsen": [org("Sök:en deltagare med hjälp av Länsstyrelsen")],
  Trafikkontoret: [org("Trafikkontoret")],
  grundskolechef: [org("grundskolechef")],
  polisen: [org("polisen")],
  "Enhetschef Brottsförebyggande enheten (stadsdelsförvaltningen)": [
    role("Enhetschef Brottsförebyggande enheten", "stadsdelsförvaltningen"),
  ],
  "Enhetschef Fritidsgårdar och parklek (stadsdelsförvaltningen) och Ungdomsamordnare (lokalpolisområdet)": [
    role("Enhetschef Fritidsgårdar och parklek", "stadsdelsförvaltningen"),
    role("Ungdomsamordnare", "lokalpolisområdet"),
  ],
  "Enhetschef RVC (Avd. Individ och familj inkl. fritid, stadsdelsförvaltningen)": [
    role("Enhetschef RVC", "Avd. Individ och familj inkl. fritid, stadsdelsförvaltningen"),
  ],
  "Initial arbetsgrupp: avdelningschefer Avd. Ekonomi, lokal och upphandling, Avd. Individ och familj inkl. fritid samt Avd. Stöd och service (stadsdelsförvaltningen)":
    [
      role(
        "Initial arbetsgrupp: avdelningschefer Avd. Ekonomi, lokal och upphandling, Avd. Individ och familj inkl. fritid samt Avd. Stöd och service",
        "stadsdelsförvaltningen",
      ),
    ],
  "Lokalpolisområdet och Individ och familjeomsorg (stadsdelsförvaltningen)": [
    org("Lokalpolisområdet"),
    role("Individ och familjeomsorg", "stadsdelsförvaltningen"),
  ],
  "Polisen, Skafast, stadsdelsförvaltningen och Trafikkontoret": [
    org("Polisen"),
    org("Skafast"),
    org("stadsdelsförvaltningen"),
    org("Trafikkontoret"),
  ],
  "Sammankallande: Kommunpolis (lokalpolisområdet)\nKommunal kontaktperson: Trygghetsstrateg (stadsdelsförvaltningen)": [
    role("Sammankallande: Kommunpolis", "lokalpolisområdet"),
    role("Kommunal kontaktperson: Trygghetsstrateg", "stadsdelsförvaltningen"),
  ],
  "Skafast, Polisen och stadsdelsförvaltningen": [org("Skafast"), org("Polisen"), org("stadsdelsförvaltningen")],
  "Skafast, lokalpolisområdet, Individ och familjeomsorg (stadsdelsförvaltningen)": [
    org("Skafast"),
    org("lokalpolisområdet"),
    role("Individ och familjeomsorg", "stadsdelsförvaltningen"),
  ],
  "Skafast, stadsdelsförvaltningen, Polisen och Trafikkontoret": [
    org("Skafast"),
    org("stadsdelsförvaltningen"),
    org("Polisen"),
    org("Trafikkontoret"),
  ],
  "Stadsdelsförvaltningen och Polisen": [org("Stadsdelsförvaltningen"), org("Polisen")],
  "Stadsdelsförvaltningen, Polisen och Skafast": [org("Stadsdelsförvaltningen"), org("Polisen"), org("Skafast")],
  "Stadsdelsförvaltningen, Trafikkontoret, Polisen och Skafast": [
    org("Stadsdelsförvaltningen"),
    org("Trafikkontoret"),
    org("Polisen"),
    org("Skafast"),
  ],
  "Säkerhetssamordnare (Avd. HR, administation och nämnd, stadsdelsförvaltningen)": [
    role("Säkerhetssamordnare", "Avd. HR, administation och nämnd, stadsdelsförvaltningen"),
  ],
  "Trafikkontoret och stadsdelsförvaltningen": [org("Trafikkontoret"), org("stadsdelsförvaltningen")],
  "Ungdomsamordnare (lokalpolisområdet)": [role("Ungdomsamordnare", "lokalpolisområdet")],
  "Verksamhetsutvecklare (Avd. Stöd och service, stadsdelsförvaltningen)": [
    role("Verksamhetsutvecklare", "Avd. Stöd och service, stadsdelsförvaltningen"),
  ],
  "Våldsförebyggande metoder: Enhetschef Fritidsgårdar och parklek (stadsdelsförvaltningen) i samverkan med grundskolesamordnare (Utbildningsförvaltningen).\nKartläggning: Preventionsstrateg (stadsdelsförvaltningen)":
    [
      role("Våldsförebyggande metoder: Enhetschef Fritidsgårdar och parklek", "stadsdelsförvaltningen"),
      role("grundskolesamordnare", "Utbildningsförvaltningen"),
      role("Kartläggning: Preventionsstrateg", "stadsdelsförvaltningen"),
    ],
};

describe("parseResponsible on the seed plans", () => {
  it("covers every distinct Vem value of both seed files", () => {
    expect(Object.keys(SEED_RESPONSIBLE).sort()).toEqual(distinctSeedValues("responsible"));
  });

  it.each(Object.entries(SEED_RESPONSIBLE))("%j", (cell, expected) => {
    expect(parseResponsible(cell)).toEqual(expected);
  });
});

describe("parseResponsible", () => {
  it.each<[string | null, ResponsibleParty[]]>([
    [null, []],
    ["", []],
    [" \n ; ", []],
    ["Kommunpolis (lokalpolisområdet)", [role("Kommunpolis", "lokalpolisområdet")]],
    ["Trafikkontoret", [org("Trafikkontoret")]],
    ["Avdchef IoF", [org("Avdchef IoF")]],
    ["Sammankallande: Polisen", [role("Sammankallande", "Polisen")]],
    ["Polisen; Skafast", [org("Polisen"), org("Skafast")]],
    ["Polisen\n\nSkafast\n", [org("Polisen"), org("Skafast")]],
    ["Avdchef IoF, Avdchef Äldreomsorg", [org("Avdchef IoF"), org("Avdchef Äldreomsorg")]],
    ["Trygghetsstrateg samt Kommunpolis", [org("Trygghetsstrateg"), org("Kommunpolis")]],
    ["Polisen och polisen", [org("Polisen")]],
    // never split inside parentheses, nor a department name
    ["Enhetschef (Polisen, Skafast och Trafikkontoret)", [role("Enhetschef", "Polisen, Skafast och Trafikkontoret")]],
    ["Individ och familjeomsorg", [org("Individ och familjeomsorg")]],
    ["Avd. Stöd och service", [org("Avd. Stöd och service")]],
  ])("%j", (cell, expected) => {
    expect(parseResponsible(cell)).toEqual(expected);
  });
});

describe("isPoliceParty", () => {
  it.each<[ResponsibleParty, boolean]>([
    [org("Polisen"), true],
    [org("polisen"), true],
    [org("Kommunpolisen"), true],
    [org("LPO Farsta"), true],
    [org("lpo"), true],
    [org("Lokalpolisområdet"), true],
    [role("Kommunpolis", "lokalpolisområdet"), true],
    [role("Kommunpolis", "Farsta"), true],
    [role("Ungdomsamordnare", "lokalpolisområdet"), true],
    [org("Polisens avhopparsamordnare"), true],
    [org("Trafikkontoret"), false],
    [org("Skafast"), false],
    [role("Trygghetsstrateg", "stadsdelsförvaltningen"), false],
    [org("Slpoängen"), false],
    [org("Avdchef IoF"), false],
  ])("%j → %s", (party, expected) => {
    expect(isPoliceParty(party)).toBe(expected);
  });
});

describe("formatParty", () => {
  it.each<[ResponsibleParty, string]>([
    [role("Kommunpolis", "lokalpolisområdet"), "Kommunpolis (lokalpolisområdet)"],
    [org("Trafikkontoret"), "Trafikkontoret"],
    [{ organisation: "Skafast", role: "" }, "Skafast"],
  ])("%j → %j", (party, expected) => {
    expect(formatParty(party)).toBe(expected);
  });

  it("is read back by parseResponsible", () => {
    const party = role("Enhetschef RVC", "Avd. Individ och familj inkl. fritid, stadsdelsförvaltningen");
    expect(parseResponsible(formatParty(party))).toEqual([party]);
  });
});
