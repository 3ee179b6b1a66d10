import { describe, expect, it } from "vitest";
import { findPersonalData, luhnValid, personalDataMessage, type PersonalDataKind } from "../../lib/domain/personal-data";

// 850709-9805, 121212-1212 and the samordningsnummer 701063-2391 have valid check digits.
const REFUSED: [string, string, PersonalDataKind, string][] = [
  ["10 digits with a dash", "Kontakt: 850709-9805 om behov finns", "IDENTITY_NUMBER", "850709-9805"],
  ["10 digits without a separator", "Elev 8507099805 har anmälts", "IDENTITY_NUMBER", "8507099805"],
  ["12 digits with a dash", "Personen 19850709-9805 är känd", "IDENTITY_NUMBER", "19850709-9805"],
  ["12 digits without a separator", "198507099805", "IDENTITY_NUMBER", "198507099805"],
  ["+ for someone over 100", "Född 121212+1212 enligt registret", "IDENTITY_NUMBER", "121212+1212"],
  ["Tolvan, 12 digits", "19121212-1212", "IDENTITY_NUMBER", "19121212-1212"],
  ["samordningsnummer (day + 60), 10 digits", "Samordningsnummer 701063-2391.", "IDENTITY_NUMBER", "701063-2391"],
  ["samordningsnummer, 12 digits", "19701063-2391", "IDENTITY_NUMBER", "19701063-2391"],
  ["at the start of a line after a newline", "Uppgifter:\n010101-1237", "IDENTITY_NUMBER", "010101-1237"],
  ["a mobile number with spaces", "Ring 070-123 45 67 vid behov", "PHONE", "070-123 45 67"],
  ["a mobile number without separators", "sms till 0701234567", "PHONE", "0701234567"],
  ["a mobile number with +46", "nås på +46 70 123 45 67", "PHONE", "+46 70 123 45 67"],
  ["a private gmail address", "Mejla anna.andersson@gmail.com", "EMAIL", "anna.andersson@gmail.com"],
  ["a private hotmail.se address, upper case", "KALLE@HOTMAIL.SE", "EMAIL", "KALLE@HOTMAIL.SE"],
];

const ACCEPTED: [string, string][] = [
  ["a wrong check digit (10 digits)", "850709-9806"],
  ["a wrong check digit (12 digits)", "19850709-9804"],
  ["an ISO date", "Klart senast 2025-12-31"],
  ["a six-digit date as the template writes it", "När: 251231"],
  ["a date range", "2025-01-01–2025-12-31"],
  ["an impossible month", "851309-9805"],
  ["an impossible day, also as samordningsnummer", "850795-9805"],
  ["a 12-digit number with an impossible century", "21850709-9805"],
  ["a switchboard number", "Växel 08-508 000 00"],
  ["a police phone number", "Ring 114 14"],
  ["an amount", "Budget 1 250 000 kr, varav 350000 kr 2025"],
  ["a count and a year", "12 trygghetsvandringar 2025"],
  ["an organisation's e-mail address", "Kontakta farsta@stockholm.se eller registrator.stockholm@polisen.se"],
  ["an e-mail-like word without a domain", "@farsta"],
  ["a longer digit run", "Diarienummer 1234567890123"],
];

describe("findPersonalData: refused", () => {
  it.each(REFUSED)("%s", (_name, text, kind, words) => {
    expect(findPersonalData(text)).toEqual([{ kind, text: words, index: text.indexOf(words) }]);
  });
});

describe("findPersonalData: look-alikes that pass", () => {
  it.each(ACCEPTED)("%s", (_name, text) => {
    expect(findPersonalData(text)).toEqual([]);
  });
});

describe("findPersonalData: several in one text", () => {
  it("finds every one, in text order", () => {
    const text = "Anna (850709-9805), 070-123 45 67, anna@gmail.com och 19121212-1212";
    expect(findPersonalData(text).map((f) => [f.kind, f.text])).toEqual([
      ["IDENTITY_NUMBER", "850709-9805"],
      ["PHONE", "070-123 45 67"],
      ["EMAIL", "anna@gmail.com"],
      ["IDENTITY_NUMBER", "19121212-1212"],
    ]);
  });

  it("an empty text has nothing", () => {
    expect(findPersonalData("")).toEqual([]);
  });
});

describe("luhnValid", () => {
  it.each([
    ["8507099805", true],
    ["1212121212", true],
    ["7010632391", true],
    ["8507099806", false],
    ["123", false],
    ["abcdefghij", false],
  ])("%s → %s", (digits, ok) => {
    expect(luhnValid(digits)).toBe(ok);
  });
});

describe("personalDataMessage", () => {
  it("points at the words, in Swedish", () => {
    expect(personalDataMessage(findPersonalData("Elev 850709-9805"))).toBe(
      "Texten innehåller ett personnummer (”850709-9805”). Planen är en allmän handling: ta bort uppgifter som pekar ut en enskild person.",
    );
    expect(personalDataMessage(findPersonalData("850709-9805, 0701234567 och a@gmail.com"))).toBe(
      "Texten innehåller ett personnummer (”850709-9805”), ett mobilnummer (”0701234567”) och en privat e-postadress (”a@gmail.com”). Planen är en allmän handling: ta bort uppgifter som pekar ut en enskild person.",
    );
  });
});

describe("the guard in the editor's and the import's validation", () => {
  it("a measure text with a personnummer is refused at the field, pointing at it; a wrong check digit passes", async () => {
    const { ZCreateMeasureInput } = await import("../../lib/validation/chain");
    const base = { districtSlug: "farsta", year: "2026", causeId: "00000000-0000-4000-8000-000000000000", deadlineKind: "ONGOING", "responsible.0.organisation": "Polisen" };
    const refused = ZCreateMeasureInput.safeParse({ ...base, description: "Samtal med 850709-9805 och vårdnadshavare" });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["description", expect.stringContaining("ett personnummer (”850709-9805”)")]]);
    expect(ZCreateMeasureInput.safeParse({ ...base, description: "Samtal med 850709-9806 och vårdnadshavare" }).success).toBe(true);
  });

  it("a workbook row with a mobile number is listed as unreadable, with the reason", async () => {
    const { readSheet, findHeader } = await import("../../lib/domain/import");
    const grid = { name: "Unga", rows: [["Problem", "Orsak", "Åtgärd"], ["Bråk", "Få vuxna", "Ring 070-123 45 67"], ["Bråk", "Få vuxna", "Kvällsvandringar"]] };
    const { rows, issues } = readSheet(grid, findHeader(grid)!);
    expect(rows.map((r) => r.measure)).toEqual(["Kvällsvandringar"]);
    expect(issues).toEqual([{ sheet: "Unga", row: 2, reason: expect.stringContaining("ett mobilnummer (”070-123 45 67”)") }]);
  });
});
