// Operational goals (operativa mål): splitting a spreadsheet cell into goals, and reading
// an obvious numeric target out of a goal's text.

import { normalizeText } from "./text";

/**
 * A list marker "N)" (N = 1–9) at the start of the cell or after white space, followed by
 * white space: the seeds README rule `/(?:^|\s)[1-9]\)\s/`, written with look-arounds so
 * that the white space between two adjacent markers counts for both.
 */
const GOAL_MARKER = /(?<=^|\s)[1-9]\)(?=\s)/gu;
/** "10)" … "99)" count as markers only right after marker 9), 10) …: a list longer than nine goals, not "(11 av 12) ". */
const LONG_MARKER = /(?<=^|\s)(?:[1-9]|[1-9]\d)\)(?=\s)/gu;

function markersOf(text: string): RegExpExecArray[] {
  const short = [...text.matchAll(GOAL_MARKER)] as RegExpExecArray[];
  const nine = short.findIndex((m) => m[0] === "9)");
  if (nine === -1) return short;
  const out = short.slice(0, nine + 1);
  let expected = 10;
  for (const m of [...text.matchAll(LONG_MARKER)] as RegExpExecArray[]) {
    if (m.index <= out.at(-1)!.index) continue;
    if (m[0] === `${expected})`) {
      out.push(m);
      expected += 1;
    }
  }
  return out;
}

/**
 * Splits an "Operativa mål" cell into goals. With two or more markers the cell is split at
 * each marker (text before the first marker belongs to the first goal), markers removed and
 * each goal trimmed; otherwise the whole trimmed cell is one goal; empty or null → no goal.
 * A marker with no text after it gives no goal.
 */
export function splitGoals(cell: string | null): string[] {
  if (cell === null) return [];
  const text = cell.trim();
  if (text === "") return [];
  const markers = markersOf(text);
  if (markers.length < 2) return [text];

  const goals: string[] = [];
  const first = markers[0];
  const prefix = first ? text.slice(0, first.index).trim() : "";
  markers.forEach((marker, i) => {
    const start = marker.index + marker[0].length;
    const end = markers[i + 1]?.index ?? text.length;
    const body = text.slice(start, end).trim();
    const goal = i === 0 && prefix !== "" ? `${prefix} ${body}`.trim() : body;
    if (goal !== "") goals.push(goal);
  });
  return goals;
}

export type NumericTarget = { value: number; unit: string | null };

/** Words that may stand before the number without changing what is counted. */
const LEADING_QUALIFIERS = ["minst", "högst", "max", "maximalt", "minimum", "cirka", "ca", "ca.", "totalt", "upp till"];

const NUMBER = String.raw`\d{1,3}(?:[ \u00a0]\d{3})+|\d+(?:[.,]\d+)?`;
const ANY_DIGIT = /\d/u;
const MAX_UNIT_WORDS = 4;
const MAX_UNIT_LENGTH = 40;

/**
 * Reads an obvious numeric target: the goal is a number (optionally after "minst", "ca"…)
 * followed by a short unit, e.g. "12 gånger under året" → 12 / "gånger under året",
 * "minst 80 %" → 80 / "%", "35 träffar/år". Returns null when the text is a sentence, has
 * several numbers, or is otherwise not plainly a number.
 */
export function parseNumericTarget(text: string): NumericTarget | null {
  let rest = normalizeText(text).replace(/[.!]$/u, "").trim();
  const lower = rest.toLocaleLowerCase("sv-SE");
  for (const q of LEADING_QUALIFIERS) {
    if (lower.startsWith(`${q} `)) {
      rest = rest.slice(q.length).trim();
      break;
    }
  }
  const match = new RegExp(`^(${NUMBER})(?=\\s|%|$|[^\\d\\s.,])\\s*(.*)$`, "u").exec(rest);
  if (!match) return null;
  const [, numberText = "", unitText = ""] = match;
  const unit = unitText.trim();
  if (ANY_DIGIT.test(unit)) return null;
  if (unit.length > MAX_UNIT_LENGTH || unit.split(" ").length > MAX_UNIT_WORDS) return null;
  if (/^[.,:;-]/u.test(unit)) return null;
  const value = Number(numberText.replace(/[ \u00a0]/gu, "").replace(",", "."));
  if (!Number.isFinite(value)) return null;
  return { value, unit: unit === "" ? null : unit };
}
