// The "Vem" column: who is responsible for a measure — one or more parties, each an
// organisation and optionally a role in it ("Kommunpolis (lokalpolisområdet)").

import { normalizeText } from "./text";
import type { ResponsibleParty } from "./types";

/** Organisations that stand alone as a party ("Polisen", "Skafast", "stadsdelsförvaltningen"). */
const ORGANISATION_WORDS = new Set([
  "polis", "polisen", "kommunpolisen", "lpo", "lokalpolisområde", "lokalpolisområdet",
  "stadsdelsförvaltning", "stadsdelsförvaltningen", "sdf", "skafast", "trafikkontoret",
  "socialtjänst", "socialtjänsten", "socialjouren", "länsstyrelsen", "utbildningsförvaltningen",
  "fastighetskontoret", "exploateringskontoret", "kommunen", "regionen", "fastighetsägare",
  "fastighetsägarna", "bostadsbolagen",
]);
const ORGANISATION_SUFFIX = /(?:förvaltningen|kontoret|nämnden|polisen)$/u;

/** Role titles that start a new party ("Avdchef IoF", "Ungdomsamordnare (lokalpolisområdet)"). */
const ROLE_WORDS = new Set(["kommunpolis", "rektor", "fältassistent", "fältassistenter", "fältare"]);
const ROLE_SUFFIX = /(?:chef|strateg|samordnare|sekreterare)$/u;

function lower(s: string): string {
  return s.toLocaleLowerCase("sv-SE");
}

function firstWord(s: string): string {
  return lower(/^[\p{L}\p{N}-]+/u.exec(s.trimStart())?.[0] ?? "");
}

function isOrganisationWord(word: string): boolean {
  return ORGANISATION_WORDS.has(word) || ORGANISATION_SUFFIX.test(word);
}

function isRoleWord(word: string): boolean {
  return ROLE_WORDS.has(word) || ROLE_SUFFIX.test(word);
}

/** "Label: rest" → rest; a label is a short phrase before ": " (not "Sök:en"). */
const LABEL = /^([^:()]{1,60}):\s+/u;

function withoutLabel(piece: string): string {
  return piece.replace(LABEL, "");
}

function cleanPiece(piece: string): string {
  return piece.trim().replace(/[\s.,;:]+$/u, "").trim();
}

/** Separators that may join two parties; used only where the text around them says so. */
const LIST_SEPARATORS = [", ", " och ", " samt "] as const;
/** Separators that always join two parties (outside parentheses). */
const HARD_SEPARATORS = [";", " i samverkan med "] as const;

/**
 * Splits a line at separators outside parentheses. A hard separator always splits; a list
 * separator splits only when the next word starts a party (an organisation or a role title)
 * or the text so far is a lone organisation ("Lokalpolisområdet och Individ och familjeomsorg").
 * So "Individ och familjeomsorg", "Avdchef Ekonomi och HR" and "Avd. Ekonomi, lokal och
 * upphandling" stay whole.
 */
function splitLine(line: string): string[] {
  const pieces: string[] = [];
  let current = "";
  let depth = 0;
  let i = 0;
  while (i < line.length) {
    const ch = line[i] ?? "";
    if (ch === "(") depth += 1;
    if (ch === ")") depth = Math.max(0, depth - 1);
    if (depth === 0) {
      const rest = line.slice(i);
      const restLower = lower(rest);
      const hard = HARD_SEPARATORS.find((sep) => restLower.startsWith(sep));
      if (hard) {
        pieces.push(current);
        current = "";
        i += hard.length;
        continue;
      }
      const list = LIST_SEPARATORS.find((sep) => restLower.startsWith(sep));
      if (list) {
        const next = firstWord(rest.slice(list.length));
        const soFar = lower(cleanPiece(withoutLabel(current)));
        const nextStartsParty = isOrganisationWord(next) || isRoleWord(next);
        const soFarIsOrganisation = !soFar.includes(" ") && isOrganisationWord(soFar);
        if (current.trim() !== "" && (nextStartsParty || soFarIsOrganisation)) {
          pieces.push(current);
          current = "";
          i += list.length;
          continue;
        }
      }
    }
    current += ch;
    i += 1;
  }
  pieces.push(current);
  return pieces;
}

/** One piece of text → a party: "Role (Organisation)", "Role, Organisation", "Label: Organisation" or just the organisation. */
function toParty(piece: string): ResponsibleParty {
  const parens = /^([^()]*?)\s*\(([^()]+)\)$/u.exec(piece);
  if (parens) {
    const role = (parens[1] ?? "").trim();
    const organisation = (parens[2] ?? "").trim();
    return { organisation, role: role === "" ? null : role };
  }
  const label = LABEL.exec(piece);
  if (label && !piece.includes("(")) {
    return { organisation: piece.slice(label[0].length).trim(), role: (label[1] ?? "").trim() };
  }
  const roleComma = /^([^,()]+), ([^,()]+)$/u.exec(piece);
  if (roleComma && isRoleWord(firstWord(roleComma[1] ?? ""))) {
    return { organisation: (roleComma[2] ?? "").trim(), role: (roleComma[1] ?? "").trim() };
  }
  return { organisation: piece, role: null };
}

/**
 * Reads a "Vem" cell into parties: one per line, ";" or "i samverkan med", and per list
 * item (", ", " och ", " samt ") where the list is clearly a list of parties. Never splits
 * inside parentheses. Duplicates are dropped; empty or null → no party.
 */
export function parseResponsible(cell: string | null): ResponsibleParty[] {
  if (cell === null) return [];
  const parties: ResponsibleParty[] = [];
  const seen = new Set<string>();
  for (const rawLine of cell.split(/\r?\n/u)) {
    const line = normalizeText(rawLine);
    if (line === "") continue;
    for (const rawPiece of splitLine(line)) {
      const piece = cleanPiece(rawPiece);
      if (piece === "") continue;
      const party = toParty(piece);
      const key = lower(`${party.role ?? ""}\u0000${party.organisation}`);
      if (party.organisation === "" || seen.has(key)) continue;
      seen.add(key);
      parties.push(party);
    }
  }
  return parties;
}

const POLICE = /polis|(?<![\p{L}])lpo(?![\p{L}])/iu;

/** The party is the police: polis, kommunpolis, LPO, lokalpolisområde… (in organisation or role). */
export function isPoliceParty(p: ResponsibleParty): boolean {
  return POLICE.test(p.organisation) || (p.role !== null && POLICE.test(p.role));
}

/** "Kommunpolis (lokalpolisområdet)", or the organisation alone when there is no role. */
export function formatParty(p: ResponsibleParty): string {
  return p.role ? `${p.role} (${p.organisation})` : p.organisation;
}
