// SMART check of one operational goal (operativt mål), issue 6: is the goal measurable
// (a number) and time-bound (a date or a period), and does it avoid the vague verbs Brå
// advises against? Pure text rules: no IO, no clock. Texts are Swedish; every rule matches
// case-insensitively on letter/digit boundaries (`(?<![\p{L}\p{N}])…(?![\p{L}\p{N}])`, u flag —
// `\b` only knows ASCII letters and would split "året" after "å").
//
// Rules
// - NO_NUMBER (skipped when `targetValue` is set) — the goal says how many, how often or how
//   large a share. Counted as a number:
//   · digits anywhere, except those that only say when: years 1900–2099 (also "2025/26",
//     "2024-2025"), dates (2025-12-31, 20251231, 251231, "31 december", "1:a maj", "jun-25"),
//     tertial/quarter/week codes (T1–T3, Q1–Q4, "tertial 2", "vecka 12", "v. 12") and list
//     markers ("1) ", "2. " at the start or after a full stop). A four-digit number after a
//     quantity word ("minst 2000") is a number, not a year. So "80 %", "4ggr", "35 träffar/år",
//     "efter 9 månader" all have a number; "under 2025" alone does not.
//   · number words: "noll", "två" … "tjugo", the tens and their compounds ("tjugofem"),
//     "hundra", "tusen"; "sex" too, except in "köp av sex", "sälja sex", "sex mot
//     ersättning", "sex och samlevnad". The articles "en", "ett" count only after a quantity
//     word ("minst en"), before a unit ("en gång", "en procent", "ett st"; "ett par" is not
//     one) or before a per-period phrase with at most one word between ("en dag per vecka",
//     "ett möte i månaden"). "Genomföra en workshop" has no number.
//   · quantifiers that name a share: "samtliga", "alla", "varje", "varenda", "inga",
//     "ingen", "inget" (0 %), "hälften", "majoriteten", "en tredjedel" …, "dubbelt",
//     "fördubbla", "halvera". "Samtliga skolor är informerade" is measurable (100 %).
//   · a frequency that implies once per period — it answers "hur ofta": "varje månad",
//     "varannan vecka", "var tredje vecka", "veckovis", "månadsvis", "dagligen", "årligen",
//     "terminsvis", "årlig" … ("Presentera veckovis lägesbild" is measurable). "per år" and
//     "/år" are not: they need a count elsewhere ("35 träffar/år" has 35).
//   Not counted: comparatives without a size ("ökar", "fler", "minskar jämfört med förra
//   året"), vague amounts ("ett par", "några", "flera", "ett antal": "ett par gånger per år"
//   has a time but no number).
// - NO_TIME — the goal says by when or per which period. Counted as time:
//   · years, dates, month names (full names anywhere; "jan", "jun" … only with a day or a
//     year, or in a range "sep-dec"), tertial/quarter/week codes, holidays ("jul", "påsk",
//     "sommarlovet" …);
//   · seasons: "våren", "hösten", "sommaren", "vintern", "höst", "vårterminen" …; the bare
//     "vår" only where it cannot be the pronoun "our": before punctuation, a digit, the end,
//     or "och"/"eller"/"samt" ("Vår:", "vår och höst", "under vår 2025"); "sommar-"/"vinter-"
//     as the first half of a compound ("Sommar- och Vintertorg") is a name, not a time;
//   · periods: "året", "årets", "årsskiftet", "i år", "per år", "nästa år", "föregående år"
//     (a comparison with last year is read as "this year"), "termin", "läsåret", "tertial",
//     "kvartal", "halvår", every frequency above, "per månad", "/år", "i veckan", "om året";
//   · durations after "inom", "efter", "senast", "på", "om" ("inom 3 månader", "efter en
//     vecka"); after "under" only weeks, months and days ("under 18 år" is an age);
//   · "senast" on its own (it always introduces a deadline).
//   "löpande", "kontinuerligt", "linjearbete" are not a time.
//   Context: a measure deadline that is a DATE counts as the goal's time. An ONGOING measure
//   (line work) has no end, so the goal itself must name a period or a frequency; its flag
//   says so. NONE adds nothing.
// - VAGUE_VERB — the phrases in VAGUE_VERBS, in any verb form, with at most one adverb
//   between verb and particle ("arbetar tillsammans för", "verka aktivt för"). One flag per
//   phrase found, `words` the forms as written. Look-alikes are not flagged: "arbetsgrupp",
//   "verkan", "verkar förebyggande", "bidrag till" (a grant), "försök" (noun), "främjande"
//   (the established term "främjande insatser"), "hälsofrämjande". Left out on purpose:
//   "stärka", "öka", "förbättra", "utveckla", "underlätta" — they name a direction, and such a
//   goal without a size is already flagged NO_NUMBER.
// - `qualitative: true` marks a goal as qualitative on purpose: only VAGUE_VERB is checked.
// Flags come in the order NO_NUMBER, NO_TIME, then VAGUE_VERB in text order.

import { normalizeText } from "./text";
import type { Deadline } from "./types";

export type SmartFlagCode = "NO_NUMBER" | "NO_TIME" | "VAGUE_VERB";

export type SmartFlag = {
  code: SmartFlagCode;
  message: string;
  suggestion: string;
  /** The matched words as written, for VAGUE_VERB (several forms joined by ", "). */
  words?: string;
};

export type SmartGoal = { description: string; targetValue: number | null; qualitative?: boolean };
export type SmartContext = { measureDeadline?: Deadline };

/** A vague phrase: the verb's forms, and the particle(s) that must follow (none: the verb alone). */
export type VagueVerb = { phrase: string; forms: readonly string[]; particles: readonly string[] };

/** Vague verbs Brå advises against in operational goals: they say what one hopes for, not what will be done. */
export const VAGUE_VERBS: readonly VagueVerb[] = [
  { phrase: "verka för", forms: ["verka", "verkar", "verkat", "verkade"], particles: ["för"] },
  { phrase: "arbeta för", forms: ["arbeta", "arbetar", "arbetat", "arbetade"], particles: ["för"] },
  { phrase: "sträva efter", forms: ["sträva", "strävar", "strävat", "strävade", "strävan"], particles: ["efter", "mot"] },
  { phrase: "eftersträva", forms: ["eftersträva", "eftersträvar", "eftersträvat", "eftersträvade", "eftersträvas"], particles: [] },
  { phrase: "bidra till", forms: ["bidra", "bidrar", "bidragit", "bidrog"], particles: ["till"] },
  { phrase: "försöka", forms: ["försöka", "försöker", "försökt", "försökte"], particles: [] },
  { phrase: "främja", forms: ["främja", "främjar", "främjat", "främjade", "främjas"], particles: [] },
  {
    phrase: "öka medvetenheten",
    forms: ["öka", "ökar", "ökat", "ökade", "höja", "höjer", "höjt", "höjde", "skapa", "skapar", "skapat", "skapade"],
    particles: ["medvetenhet", "medvetenheten", "medvetandet"],
  },
];

/** Adverbs allowed between a vague verb and its particle. */
const VAGUE_ADVERBS = [
  "aktivt", "tillsammans", "gemensamt", "vidare", "fortsatt", "långsiktigt", "systematiskt",
  "kontinuerligt", "löpande", "ständigt", "särskilt", "också", "även", "alltid", "mer", "målmedvetet",
];

// ---------------------------------------------------------------------------------------------
// Regex building blocks

const B = String.raw`(?<![\p{L}\p{N}])`;
const E = String.raw`(?![\p{L}\p{N}])`;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
}

/** An alternation of literal words, longest first. */
function alt(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map(escape).join("|");
}

/** `src` as a whole word (or phrase), case-insensitive. */
function word(src: string, flags = "iu"): RegExp {
  return new RegExp(`${B}(?:${src})${E}`, flags);
}

const MONTHS_FULL = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];
const MONTHS_SHORT = ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec"];
const MONTH = alt([...MONTHS_FULL, ...MONTHS_SHORT]);

/** Words that make the next number a quantity ("minst 2000", "minst en"). */
const QUANTITY_WORDS = ["minst", "högst", "max", "maximalt", "minimum", "cirka", "ca", "ca.", "totalt", "upp till", "exakt", "endast", "bara", "åtminstone", "drygt", "knappt", "över"];
const QUANTITY = alt(QUANTITY_WORDS);

/** Period nouns after "per", "varje", "varannan", "var tredje" … */
const PERIOD_BARE = alt(["dag", "dygn", "vecka", "månad", "år", "termin", "kvartal", "tertial", "halvår", "helg", "läsår", "skolår"]);
/** Definite period nouns after "i"/"om": "en gång i månaden", "två gånger om året". */
const PERIOD_DEFINITE = alt(["veckan", "månaden", "året", "terminen", "kvartalet", "tertialet", "dygnet", "dagen"]);
const ORDINAL = String.raw`(?:andra|tredje|fjärde|femte|sjätte|sjunde|åttonde|nionde|tionde|\d{1,2}:e)`;

/**
 * A frequency that implies a count of one per period: "varje månad", "varannan vecka", "var
 * tredje vecka", "veckovis", "dagligen", "årlig". Counts as both a number and a time.
 */
const FREQUENCY = word(
  [
    String.raw`(?:varje|varannan|vartannat)\s+(?:${PERIOD_BARE})`,
    String.raw`(?:var|vart)\s+${ORDINAL}\s+(?:${PERIOD_BARE})`,
    alt([
      "veckovis", "veckovisa", "veckovist", "månadsvis", "månadsvisa", "månatligen", "månatlig", "månatliga", "månatligt",
      "dagligen", "daglig", "dagliga", "dagligt", "årligen", "årlig", "årliga", "årligt", "årsvis",
      "terminsvis", "tertialvis", "kvartalsvis", "halvårsvis", "läsårsvis",
    ]),
  ].join("|"),
);
/** "per månad", "/år" ("35 träffar/år"): a period for a count written elsewhere. Counts as a time only. */
const PER_PERIOD = new RegExp(
  String.raw`${B}per\s+(?:${PERIOD_BARE})${E}|\/\s*(?:år|månad|mån|vecka|v|termin|dag|kvartal|tertial|läsår)${E}`,
  "iu",
);

/** Digits that say when, not how many (removed before looking for a number). */
const DIGIT_TIME = new RegExp(
  `${B}(?:${[
    String.raw`(?:19|20)\d{2}-\d{1,2}-\d{1,2}`,
    String.raw`(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])`,
    String.raw`\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])`,
    String.raw`\d{1,2}(?::e|:a)?\s?(?:${MONTH})\.?(?:\s?(?:19|20)\d{2})?`,
    String.raw`(?:${MONTH})\.?(?:\s?(?:19|20)\d{2}|-\d{2}|\s?'\d{2})`,
    String.raw`(?<!(?:${QUANTITY})\s)(?<!\d[ \u00a0])(?:19|20)\d{2}(?:\s?[/–-]\s?(?:(?:19|20)\d{2}|\d{2}))?`,
    String.raw`t[1-3]|q[1-4]|(?:tertial|kvartal)\s?[1-4]|(?:vecka|v\.?)\s?\d{1,2}`,
  ].join("|")})${E}`,
  "giu",
);
const DIGIT_TIME_ANY = new RegExp(DIGIT_TIME.source, "iu");
/** List markers "1) " anywhere after white space, "2. " at the start or after a sentence. */
const LIST_MARKER = /(?<=^|\s)\d{1,2}\)(?=\s)|(?<=^|[.!?:;]\s)\d{1,2}\.(?=\s)/gu;
const ANY_NUMBER = /\p{N}/u;

const UNAMBIGUOUS_NUMBER = [
  "noll", "två", "tre", "fyra", "fem", "sju", "åtta", "nio", "tio", "elva", "tolv", "tretton", "fjorton",
  "femton", "sexton", "sjutton", "arton", "aderton", "nitton",
];
const TENS = alt(["tjugo", "trettio", "fyrtio", "femtio", "sextio", "sjuttio", "åttio", "nittio"]);
const DIGIT_WORDS = alt(["en", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio"]);
const NUMBER_WORD = word(
  [
    alt(UNAMBIGUOUS_NUMBER),
    `(?:${TENS})(?:${DIGIT_WORDS})?`,
    `(?:${DIGIT_WORDS})?(?:hundra|tusen)`,
    "miljon|miljoner",
    String.raw`(?<!(?:av|köpa|köper|köpt|sälja|säljer|sålt|om)\s)sex(?!\s(?:mot|och)${E})`,
  ].join("|"),
);
/** "en", "ett" as numbers: after a quantity word, before a unit, or before a period. */
const AMBIGUOUS = "en|ett";
const AMBIGUOUS_NUMBER = word(
  [
    `(?:${QUANTITY})\\s+(?:${AMBIGUOUS})`,
    `(?:${AMBIGUOUS})\\s+(?:gång|gången|gånger|ggr|gg|st|stycken|procent)`,
    `(?:${AMBIGUOUS})\\s?%`,
    String.raw`(?:${AMBIGUOUS})(?:\s+\p{L}+)?\s+(?:(?:per|varje|varannan)\s+(?:${PERIOD_BARE})|(?:i|om)\s+(?:${PERIOD_DEFINITE}))`,
  ].join("|"),
);
const SHARE = word(
  [
    alt(["samtliga", "alla", "varje", "varenda", "vartenda", "inga", "ingen", "inget", "hälften", "majoriteten", "majoritet", "dubbelt"]),
    String.raw`(?:tredje|fjärde|femte|tionde)(?:del|delen|delar|delarna)`,
    String.raw`fördubbla(?:s|t|d|de)?|halvera(?:s|t|d|de)?`,
  ].join("|"),
);

const TIME_WORD = word(
  [
    alt(MONTHS_FULL),
    String.raw`(?:${alt(MONTHS_SHORT)})\.?\s?[–-]\s?(?:${MONTH})`,
    alt(["jul", "julen", "påsk", "påsken", "midsommar", "nyår", "nyåret"]),
    String.raw`(?:sommar|jul|sport|påsk|höst)lov(?:et)?`,
    alt(["våren", "vårens", "hösten", "höstens", "sommaren", "sommarens", "vintern", "vinterns", "höst"]),
    String.raw`(?:sommar|vinter)(?!-)`,
    String.raw`vår(?=\s*(?:$|[.,:;)!?–-]|\p{N}|(?:och|eller|samt|respektive)${E}))`,
    String.raw`(?:vår|höst)?termin(?:en|er|erna|ens|sstart|sslut)?`,
    alt(["läsår", "läsåret", "läsårets", "skolåret", "tertial", "tertialet", "tertialen", "kvartal", "kvartalet", "halvår", "halvåret", "helår", "helåret"]),
    alt(["året", "årets", "årsskifte", "årsskiftet", "årsslut", "årsslutet", "senast"]),
    String.raw`(?:i|per|varje|vart|nästa|kommande|innevarande|detta|samma|föregående|förra)\s+år`,
    String.raw`(?:i|om)\s+(?:${PERIOD_DEFINITE})`,
    String.raw`(?:inom|efter|senast|på|om)\s+(?:\d+|${alt(["en", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "tolv"])})\s+(?:dag|dagar|dygn|vecka|veckor|månad|månader|år|timmar|timme)`,
    String.raw`under\s+(?:\d+|${alt(["en", "ett", "två", "tre", "fyra", "fem", "sex"])})\s+(?:dag|dagar|vecka|veckor|månad|månader)`,
  ].join("|"),
);

// ---------------------------------------------------------------------------------------------
// The checks

/** Whether the text states a number, a share or a frequency (see the module comment). */
export function hasNumber(text: string): boolean {
  const t = normalizeText(text);
  const withoutTimes = t.replace(DIGIT_TIME, " ").replace(LIST_MARKER, " ");
  if (ANY_NUMBER.test(withoutTimes)) return true;
  return NUMBER_WORD.test(t) || AMBIGUOUS_NUMBER.test(t) || SHARE.test(t) || FREQUENCY.test(t);
}

/** Whether the text states a date, a period or a frequency (see the module comment). */
export function hasTime(text: string): boolean {
  const t = normalizeText(text);
  return DIGIT_TIME_ANY.test(t) || TIME_WORD.test(t) || FREQUENCY.test(t) || PER_PERIOD.test(t);
}

type VagueMatch = { verb: VagueVerb; index: number; words: string[] };

const VAGUE_PATTERNS: readonly { verb: VagueVerb; pattern: RegExp }[] = VAGUE_VERBS.map((verb) => ({
  verb,
  pattern: new RegExp(
    verb.particles.length === 0
      ? `${B}(?:${alt(verb.forms)})${E}`
      : `${B}(?:${alt(verb.forms)})(?:\\s+(?:${alt(VAGUE_ADVERBS)}))?\\s+(?:${alt(verb.particles)})${E}`,
    "giu",
  ),
}));

/** The vague phrases in the text, in text order, each with its distinct forms as written. */
export function findVagueVerbs(text: string): { phrase: string; words: string }[] {
  const t = normalizeText(text);
  const found: VagueMatch[] = [];
  for (const { verb, pattern } of VAGUE_PATTERNS) {
    const matches = [...t.matchAll(pattern)];
    const first = matches[0];
    if (first === undefined) continue;
    const words: string[] = [];
    for (const m of matches) {
      if (!words.some((w) => w.toLocaleLowerCase("sv-SE") === m[0].toLocaleLowerCase("sv-SE"))) words.push(m[0]);
    }
    found.push({ verb, index: first.index, words });
  }
  return found.sort((a, b) => a.index - b.index).map((f) => ({ phrase: f.verb.phrase, words: f.words.join(", ") }));
}

const NO_NUMBER: SmartFlag = {
  code: "NO_NUMBER",
  message: "Målet har inget tal: hur många, hur ofta eller hur stor andel?",
  suggestion:
    "Skriv till exempel ”minst 12 trygghetsvandringar under året” eller ”80 procent av de inbjudna deltar”. Ska något öka eller minska: skriv hur mycket. Går målet medvetet inte att räkna kan du markera det som kvalitativt.",
};

const NO_TIME: SmartFlag = {
  code: "NO_TIME",
  message: "Målet säger inte när det ska vara nått: det saknar datum eller period.",
  suggestion: "Skriv till exempel ”senast 31 december 2025”, ”under våren” eller ”varje månad”.",
};

const NO_TIME_ONGOING: SmartFlag = {
  code: "NO_TIME",
  message: "Åtgärden är linjearbete utan slutdatum, och målet säger inte hur ofta eller under vilken period.",
  suggestion: "Skriv hur ofta per period, till exempel ”en gång per månad” eller ”12 gånger under året”.",
};

function vagueFlag(phrase: string, words: string): SmartFlag {
  return {
    code: "VAGUE_VERB",
    message: `”${words}” är vagt: det säger vad man hoppas på, inte vad som ska göras. Brå avråder från sådana formuleringar.`,
    suggestion: `Skriv vad som ska göras och hur mycket i stället för ”${phrase}”, till exempel ”genomföra 4 möten med fastighetsägarna under året”.`,
    words,
  };
}

/** The SMART flags of one goal; an empty list when nothing is missing. See the module comment for the rules. */
export function smartCheck(goal: SmartGoal, context: SmartContext = {}): SmartFlag[] {
  const text = normalizeText(goal.description);
  const flags: SmartFlag[] = [];
  if (goal.qualitative !== true) {
    if (goal.targetValue === null && !hasNumber(text)) flags.push({ ...NO_NUMBER });
    const deadline = context.measureDeadline;
    if (deadline?.kind !== "DATE" && !hasTime(text)) {
      flags.push({ ...(deadline?.kind === "ONGOING" ? NO_TIME_ONGOING : NO_TIME) });
    }
  }
  for (const v of findVagueVerbs(text)) flags.push(vagueFlag(v.phrase, v.words));
  return flags;
}

/** True when the goal has no SMART flag. */
export function isSmart(goal: SmartGoal, context?: SmartContext): boolean {
  return smartCheck(goal, context).length === 0;
}
