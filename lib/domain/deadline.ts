// The "När" column: when a measure is to be carried out — a date, or ongoing line work.

import { normalizeText } from "./text";
import type { Deadline } from "./types";

/** Swedish month names and abbreviations → month number (1–12). */
const MONTHS: ReadonlyMap<string, number> = new Map([
  ["januari", 1], ["jan", 1],
  ["februari", 2], ["feb", 2],
  ["mars", 3], ["mar", 3],
  ["april", 4], ["apr", 4],
  ["maj", 5],
  ["juni", 6], ["jun", 6],
  ["juli", 7], ["jul", 7],
  ["augusti", 8], ["aug", 8],
  ["september", 9], ["sept", 9], ["sep", 9],
  ["oktober", 10], ["okt", 10],
  ["november", 11], ["nov", 11],
  ["december", 12], ["dec", 12],
]);

/** Short month names for display, "31 dec 2025". */
const MONTH_SHORT = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"] as const;

/** Line work / ongoing: the first line starts with one of these words. */
const ONGOING_START = /^(?:linjearbete|löpande)(?![\p{L}\p{N}])/iu;

const YYMMDD = /^(\d{2})(\d{2})(\d{2})$/u;
const YYYYMMDD = /^(\d{4})(\d{2})(\d{2})$/u;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/u;
/** "jun-25", "juni 2025", "dec. 2025", "december". */
const MONTH_YEAR = /^(\p{L}+)\.?(?:[\s-]+(\d{2}|\d{4}))?$/u;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

function dateDeadline(year: number, month: number, day: number): Deadline | null {
  if (year < 1900 || year > 2999) return null;
  if (month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { kind: "DATE", date: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
}

function parseDateToken(token: string, planYear: number): Deadline | null {
  let m = YYMMDD.exec(token);
  if (m) return dateDeadline(2000 + Number(m[1]), Number(m[2]), Number(m[3]));
  m = YYYYMMDD.exec(token) ?? ISO.exec(token);
  if (m) return dateDeadline(Number(m[1]), Number(m[2]), Number(m[3]));
  m = MONTH_YEAR.exec(token);
  if (m) {
    const month = MONTHS.get((m[1] ?? "").toLocaleLowerCase("sv-SE"));
    if (month === undefined) return null;
    const yearText = m[2];
    const year = yearText === undefined ? planYear : yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
    return dateDeadline(year, month, daysInMonth(year, month));
  }
  return null;
}

/**
 * Reads a "När" cell. Dates: "251231" (YYMMDD), "20250501", "2025-04-29"; a month
 * ("jun-25", "juni 2025", "december") means its last day, in `planYear` when no year is
 * written. A cell whose first line starts with "Linjearbete" or "Löpande" is ONGOING.
 * Anything else (several dates, events, invalid dates) is NONE and keeps the text as `note`.
 */
export function parseDeadline(text: string | null, planYear: number): Deadline {
  const trimmed = (text ?? "").trim();
  if (trimmed === "") return { kind: "NONE" };
  const firstLine = (trimmed.split(/\r?\n/u)[0] ?? "").trim();
  if (ONGOING_START.test(firstLine)) return { kind: "ONGOING" };
  const token = trimmed.replace(/[.,;]+$/u, "").trim();
  return parseDateToken(token, planYear) ?? { kind: "NONE", note: trimmed };
}

/** Swedish display: "31 dec 2025", "Linjearbete/löpande", "Ej angiven" (followed by what was written, if anything). */
export function formatDeadline(d: Deadline): string {
  switch (d.kind) {
    case "DATE": {
      const m = ISO.exec(d.date);
      const month = m ? MONTH_SHORT[Number(m[2]) - 1] : undefined;
      if (!m || month === undefined) return d.date;
      return `${Number(m[3])} ${month} ${m[1]}`;
    }
    case "ONGOING":
      return "Linjearbete/löpande";
    case "NONE":
      return d.note && d.note.trim() !== "" ? `Ej angiven (${normalizeText(d.note)})` : "Ej angiven";
  }
}
