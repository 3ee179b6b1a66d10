// The personal-data guard: action plans are public documents (allmänna handlingar), so free text
// must not identify a private person. Found and refused: a Swedish personal identity number
// (personnummer, or samordningsnummer: day + 60) with a valid check digit, 10 or 12 digits, with
// or without "-" / "+" (over 100 years); a Swedish mobile phone number; an e-mail address at a
// free e-mail provider (a private person's). Not refused: dates (2025-12-31, 251231), amounts,
// numbers with a wrong check digit, switchboard numbers, e-mail addresses of organisations. Pure.

export type PersonalDataKind = "IDENTITY_NUMBER" | "PHONE" | "EMAIL";
export type PersonalDataFinding = { kind: PersonalDataKind; text: string; index: number };

/** Luhn (mod 10) over the ten digits YYMMDDNNNC: the check digit of Swedish identity numbers. */
export function luhnValid(tenDigits: string): boolean {
  if (!/^\d{10}$/.test(tenDigits)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = Number(tenDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

function validDate(month: number, day: number): boolean {
  if (month < 1 || month > 12) return false;
  const d = day > 60 ? day - 60 : day; // samordningsnummer: the day plus 60
  return d >= 1 && d <= 31;
}

// Digits not glued to other digits: 12 (YYYYMMDD NNNN) or 10 (YYMMDD NNNN), "-" or "+" before the last four optional.
const IDENTITY = /(?<![\d-])(?:\d{8}|\d{6})[-+]?\d{4}(?![\d])/gu;

function identityNumbers(text: string): PersonalDataFinding[] {
  const out: PersonalDataFinding[] = [];
  for (const m of text.matchAll(IDENTITY)) {
    const digits = m[0].replace(/[-+]/g, "");
    if (digits.length === 12 && !["18", "19", "20"].includes(digits.slice(0, 2))) continue;
    const ten = digits.length === 12 ? digits.slice(2) : digits;
    if (!validDate(Number(ten.slice(2, 4)), Number(ten.slice(4, 6))) || !luhnValid(ten)) continue;
    out.push({ kind: "IDENTITY_NUMBER", text: m[0], index: m.index });
  }
  return out;
}

// +46 7x / 07x, then seven more digits with optional spaces or dashes: Swedish mobile numbers.
const MOBILE = /(?<![\d+])(?:\+46[\s-]?|0)7[02369](?:[\s-]?\d){7}(?!\d)/gu;

/** Free e-mail providers: an address there belongs to a private person, not an organisation. */
export const PRIVATE_EMAIL_DOMAINS = [
  "gmail.com", "googlemail.com", "hotmail.com", "hotmail.se", "outlook.com", "outlook.se", "live.com", "live.se", "msn.com",
  "yahoo.com", "yahoo.se", "icloud.com", "me.com", "mac.com", "telia.com", "bredband.net", "spray.se", "comhem.se",
  "protonmail.com", "proton.me", "gmx.com", "gmx.net", "aol.com",
] as const;
// The lookbehind lets a match start only at the start of a word, so a long word is scanned once, not once per letter.
const EMAIL = /(?<![\p{L}\d._%+-])[\p{L}\d._%+-]+@([\p{L}\d-]+(?:\.[\p{L}\d-]+)+)/gu;

/** Every place in the text that identifies a private person, in text order. */
export function findPersonalData(text: string): PersonalDataFinding[] {
  if (!text) return [];
  const found: PersonalDataFinding[] = [];
  const phones = [...text.matchAll(MOBILE)].map((m) => ({ kind: "PHONE" as const, text: m[0], index: m.index }));
  found.push(...phones);
  // A mobile number written without separators can look like an identity number: it is reported once, as a phone number.
  for (const f of identityNumbers(text)) if (!phones.some((p) => f.index < p.index + p.text.length && p.index < f.index + f.text.length)) found.push(f);
  for (const m of text.matchAll(EMAIL)) {
    const domain = m[1]!.toLocaleLowerCase("sv-SE");
    if ((PRIVATE_EMAIL_DOMAINS as readonly string[]).includes(domain)) found.push({ kind: "EMAIL", text: m[0], index: m.index });
  }
  return found.sort((a, b) => a.index - b.index);
}

const WHAT: Record<PersonalDataKind, string> = {
  IDENTITY_NUMBER: "ett personnummer",
  PHONE: "ett mobilnummer",
  EMAIL: "en privat e-postadress",
};

/**
 * The refusal, pointing at the words: "Texten innehåller ett personnummer (”850709-9805”).
 * Planen är en allmän handling: ta bort uppgifter som pekar ut en enskild person."
 */
export function personalDataMessage(findings: readonly PersonalDataFinding[]): string {
  const parts = findings.map((f) => `${WHAT[f.kind]} (”${f.text}”)`);
  const list = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(", ")} och ${parts.at(-1)!}`;
  return `Texten innehåller ${list}. Planen är en allmän handling: ta bort uppgifter som pekar ut en enskild person.`;
}
