import { describe, expect, it } from "vitest";
import { formatDeadline, parseDeadline } from "../../lib/domain/deadline";
import type { Deadline } from "../../lib/domain/types";
import { distinctSeedValues } from "../support/builders";

const none = (note: string): Deadline => ({ kind: "NONE", note });
const date = (iso: string): Deadline => ({ kind: "DATE", date: iso });
const ONGOING: Deadline = { kind: "ONGOING" };

/** Every distinct "När" value of the Farsta and Skärholmen 2025 plans, and what it means. */
const SEED_WHEN: Record<string, Deadline> = {
  "20250501": date("2025-05-01"),
  "251015": date("2025-10-15"),
  "251030": date("2025-10-30"),
  "251130": date("2025-11-30"),
  "251230": date("2025-12-30"),
  "251231": date("2025-12-31"),
  Linjearbete: ONGOING,
  "Löpande under 2025": ONGOING,
  "Löpande under 2025\nFörsta tillfället inbokat: 2025-05-07 - hemtjänstlunch": ONGOING,
  "Löpande under 2025\nKartläggning klar vid årsskiftet.": ONGOING,
  "Löpande under 2025\nMånadsavstämning under Trygga trappan-forum": ONGOING,
  "Löpande under 2025\nUtvecklad struktur presenteras september 2025.": ONGOING,
  September: date("2025-09-30"),
  "2025-04-29\nNovember": none("2025-04-29\nNovember"),
  "Juni och december": none("Juni och december"),
  "Mötesserie med en genomförd analys under T2 (maj-aug).\nTvå gånger under 2025 (vår och höst).": none(
    "Mötesserie med en genomförd analys under T2 (maj-aug).\nTvå gånger under 2025 (vår och höst).",
  ),
  "Struktur presenteras och beslutas innan årsskiftet.": none("Struktur presenteras och beslutas innan årsskiftet."),
  "Trygghetsdagarna\nSeniordagarna": none("Trygghetsdagarna\nSeniordagarna"),
  "Uppföljning hösten 2025": none("Uppföljning hösten 2025"),
  "Verksamhets-berättelse 2025": none("Verksamhets-berättelse 2025"),
};

describe("parseDeadline on the seed plans", () => {
  it("covers every distinct När value of both seed files", () => {
    expect(Object.keys(SEED_WHEN).sort()).toEqual(distinctSeedValues("when"));
  });

  it.each(Object.entries(SEED_WHEN))("%j", (text, expected) => {
    expect(parseDeadline(text, 2025)).toEqual(expected);
  });
});

describe("parseDeadline", () => {
  it.each<[string | null, number, Deadline]>([
    // compact dates
    ["251231", 2025, date("2025-12-31")],
    ["260115", 2025, date("2026-01-15")],
    ["20250501", 2025, date("2025-05-01")],
    ["2025-04-29", 2025, date("2025-04-29")],
    [" 2025-04-29. ", 2025, date("2025-04-29")],
    ["240229", 2024, date("2024-02-29")],
    // months: last day; the plan year when none is written
    ["jun-25", 2025, date("2025-06-30")],
    ["Jun-25", 2030, date("2025-06-30")],
    ["juni 2025", 2025, date("2025-06-30")],
    ["december", 2025, date("2025-12-31")],
    ["December", 2026, date("2026-12-31")],
    ["feb", 2024, date("2024-02-29")],
    ["feb-25", 2024, date("2025-02-28")],
    ["okt. 2025", 2025, date("2025-10-31")],
    ["sept 2025", 2025, date("2025-09-30")],
    // ongoing
    ["Linjearbete", 2025, ONGOING],
    ["linjearbete ", 2025, ONGOING],
    ["Löpande", 2025, ONGOING],
    ["LÖPANDE under året", 2025, ONGOING],
    ["Löpande under 2025\nKartläggning klar vid årsskiftet.", 2025, ONGOING],
    // nothing written
    [null, 2025, { kind: "NONE" }],
    ["", 2025, { kind: "NONE" }],
    ["  \n ", 2025, { kind: "NONE" }],
    // invalid dates keep the text
    ["251341", 2025, none("251341")],
    ["250230", 2025, none("250230")],
    ["230229", 2023, none("230229")],
    ["20251301", 2025, none("20251301")],
    ["2025-02-30", 2025, none("2025-02-30")],
    ["2025-4-29", 2025, none("2025-4-29")],
    // not a date
    ["Löpandet", 2025, none("Löpandet")],
    ["Linjearbetet", 2025, none("Linjearbetet")],
    ["Juni och december", 2025, none("Juni och december")],
    ["Våren", 2025, none("Våren")],
    ["12345", 2025, none("12345")],
    ["Trygghetsdagarna\nSeniordagarna", 2025, none("Trygghetsdagarna\nSeniordagarna")],
  ])("%j in %i", (text, planYear, expected) => {
    expect(parseDeadline(text, planYear)).toEqual(expected);
  });
});

describe("formatDeadline", () => {
  it.each<[Deadline, string]>([
    [date("2025-12-31"), "31 dec 2025"],
    [date("2025-05-01"), "1 maj 2025"],
    [date("2025-01-09"), "9 jan 2025"],
    [date("2025-06-30"), "30 jun 2025"],
    [date("2025-10-15"), "15 okt 2025"],
    [ONGOING, "Linjearbete/löpande"],
    [{ kind: "NONE" }, "Ej angiven"],
    [{ kind: "NONE", note: "  " }, "Ej angiven"],
    [none("Juni och\ndecember"), "Ej angiven (Juni och december)"],
  ])("%j → %j", (deadline, expected) => {
    expect(formatDeadline(deadline)).toBe(expected);
  });

  it("formats what it parses", () => {
    expect(formatDeadline(parseDeadline("251231", 2025))).toBe("31 dec 2025");
    expect(formatDeadline(parseDeadline("Linjearbete", 2025))).toBe("Linjearbete/löpande");
  });
});
