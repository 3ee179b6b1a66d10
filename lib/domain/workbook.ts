// The city's Excel template as data: its instruction text, the columns of an area sheet with
// their help texts, and a plan turned into the rows of that layout (one row per measure) for
// export. Pure: lib/xlsx writes and reads the actual .xlsx files with exceljs.

import { formatParty } from "./responsible";
import type { AreaNode, SummaryRow } from "./types";

export const SHEETS = { instruction: "Instruktion", summary: "Sammanställning" } as const;

/** The area sheet's columns, in the template's order, with the help text under each heading. */
export const COLUMNS = [
  { key: "collectiveName", heading: "Samlingsnamn", help: "Ett kort namn på problemområdet (frivilligt).", width: 22 },
  { key: "problem", heading: "Problem", help: "Ange identifierat problemområde eller utmaning här.", width: 40 },
  { key: "cause", heading: "Orsak", help: "Beskriv orsaken till problemet, kan vara flera, gör då flera separata åtgärder.", width: 40 },
  { key: "measure", heading: "Åtgärd", help: "Koppla åtgärd mot respektive orsak. Beskriv tydligt vad som ska göras och hur det ska utföras.", width: 50 },
  { key: "goals", heading: "Operativa mål", help: "Koppla operativa mål till varje åtgärd.", width: 45 },
  { key: "when", heading: "När", help: "Ange tid för när åtgärden ska vara genomförd (alt linjearbete).", width: 16 },
  { key: "who", heading: "Vem", help: "Ange vem som ansvarar för åtgärden.", width: 28 },
  { key: "followUp", heading: "Uppföljning", help: "Beskriv vad som har genomförts. Hur har parterna uppfyllt sina åtaganden. Denna kolumn fylls i i samband med uppföljning.", width: 50 },
] as const;
export type ColumnKey = (typeof COLUMNS)[number]["key"];

/** The hidden last column: which rows of the app a spreadsheet row is, so the file can be re-imported. */
export const ID_COLUMN = { heading: "Id (ändra inte)", width: 12 } as const;

export const INSTRUCTION_TITLE = (year: number) => `Åtgärdsplan ${year}`;
export const INSTRUCTION_TEXT = [
  "Enligt lag (2023:196) om kommuners ansvar för brottsförebyggande arbete ska kommunerna ta fram en lägesbild över brottsligheten i kommunen. Med lägesbilden som underlag, och utifrån genomförd orsaksanalys, ska åtgärder för att förebygga brott och öka tryggheten inom respektive prioriterat samverkansområde anges. Åtgärdsplanen utgår från de prioriterade samverkansområdena i den centrala samverkansöverenskommelsen. Det finns en flik per prioriterat samverkansområde. Har stadsdelsförvaltningen och lokalpolisområdet enats om ytterligare samverkansområden så anges de även här. Längst till höger bland flikarna finns en sammanställning som anger antalet problemområden, identifierade orsaker, åtgärder och operativa mål under respektive prioriterat område.",
  "I åtgärdsplanen beskrivs det operativa arbetet som ska genomföras inom respektive prioriterat samverkansområde. För att lyckas med att ta fram åtgärder som påverkar de identifierade utmaningarna, krävs att en väl genomförd analys av möjliga orsaker till problemet och konkreta mål finns. Utgå från er lägesbild och orsaksanalys för att formulera åtgärder. Åtgärdsplanen förtydligar om det är en punktinsats eller en del av ordinarie arbete. Insatserna specificeras med en tydlig kortfattad beskrivning av vad som ska göras, hur det ska utföras, vilka som är ansvariga och tidsplan. Åtgärderna som anges kan både vara sådana som genomförs i samverkan med polisen och på egen hand i den egna organisationen. Sortera i möjligaste mån i vilken ordning olika åtgärder ska genomföras. Börja med det som ger omedelbar effekt och bygg på med åtgärder som tar längre tid. Koppla operativa mål till respektive åtgärd. Arbeta med SMART:a mål (Specifika, Mätbara, Accepterade, Realistiska, Tidsatta). Kolumnen gällande uppföljning fylls inte i vid upprättandet av åtgärdsplan men anges redan nu för att underlätta vid uppföljningen i slutet av året.",
  "I arbetet med lägesbild och åtgärdsplaner ska Strategin för att minska risken för att barn, unga och unga vuxna dras in i kriminalitet samt arbetet mot våldsbejakande extremism integreras.",
  "Åtgärdsplanen ska beslutas av den lokala styrgruppen och skickas till stadsövergripande beredningsgrupp. För stadens del ska åtgärdsplaner även beslutas av stadsdelsnämnderna och lämnas in i samband med tertialrapport 1.",
] as const;
export const KNOWLEDGE_LINKS = [
  { name: "Brottsförebyggande rådet (Brå): Välj åtgärder som påverkar orsakerna", url: "https://bra.se/forebygga-brott/arbeta-brottsforebyggande/genomforande/valj-atgarder-som-paverkar-orsakerna.html" },
  { name: "Brå: erfarenhetsbank", url: "https://bra.se/erfarenhetsbank" },
  { name: "College of Policing: Crime reduction toolkit", url: "https://www.college.police.uk/research/crime-reduction-toolkit" },
  { name: "European Crime Prevention Network (EUCPN)", url: "https://www.eucpn.org" },
  { name: "European Forum for Urban Security (EFUS)", url: "https://www.efus.eu" },
  { name: "International Centre for Prevention of Crime (ICPC)", url: "https://www.crimepreventionintl.org" },
  { name: "Center for Problem-Oriented Policing (POP)", url: "https://www.popcenter.org" },
] as const;

/** The summary sheet's headings, as the template's Sammanställning. */
export const SUMMARY_HEADINGS = ["Prioriterat område", "Antal problem", "Antal identifierade orsaker", "Antal åtgärder", "Antal operativa mål"] as const;

/**
 * The stable id of a row: "problemId/causeId/measureId/goalId,goalId" (goals in order); a
 * problem without causes or a cause without measures leaves the rest empty ("p//").
 */
export type RowIds = { problemId: string; causeId: string | null; measureId: string | null; goalIds: string[] };
export function formatRowIds(ids: RowIds): string {
  return `${ids.problemId}/${ids.causeId ?? ""}/${ids.measureId ?? ""}/${ids.goalIds.join(",")}`;
}
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const ROW_IDS = new RegExp(`^(${UUID})/(${UUID})?/(${UUID})?/((?:${UUID})(?:,${UUID})*)?$`, "i");
export function parseRowIds(text: string | null): RowIds | null {
  const m = ROW_IDS.exec((text ?? "").trim());
  if (!m) return null;
  const lower = (s: string | undefined) => (s ? s.toLowerCase() : null);
  return { problemId: m[1]!.toLowerCase(), causeId: lower(m[2]), measureId: lower(m[3]), goalIds: m[4] ? m[4].toLowerCase().split(",") : [] };
}

/** "1) … 2) …" when several goals, the goal itself when one. */
export function formatGoals(goals: readonly { description: string }[]): string {
  if (goals.length === 1) return goals[0]!.description;
  return goals.map((g, i) => `${i + 1}) ${g.description}`).join("\n");
}

/** "När": a date cell when there is a date, "Linjearbete" for ongoing work, else what was written. */
export type WhenCell = { date: string } | { text: string };

export type ExportRow = {
  collectiveName: string;
  problem: string;
  cause: string;
  measure: string;
  goals: string;
  when: WhenCell;
  who: string;
  followUp: string;
  ids: string;
};

/**
 * One area as the template's rows: one row per measure, with its problem (and collective
 * name), cause, numbered goals, deadline, responsible parties and follow-up text.
 */
export function areaRows(area: AreaNode, followUpOf: (measureId: string) => string | null = () => null): ExportRow[] {
  const rows: ExportRow[] = [];
  const empty = { measure: "", goals: "", when: { text: "" }, who: "", followUp: "" };
  for (const p of area.problems) {
    const problem = { collectiveName: p.collectiveName ?? "", problem: p.description };
    // A problem without causes and a cause without measures get a row of their own: nothing is lost.
    if (p.causes.length === 0) rows.push({ ...problem, cause: "", ...empty, ids: formatRowIds({ problemId: p.id, causeId: null, measureId: null, goalIds: [] }) });
    for (const c of p.causes) {
      if (c.measures.length === 0) rows.push({ ...problem, cause: c.description, ...empty, ids: formatRowIds({ problemId: p.id, causeId: c.id, measureId: null, goalIds: [] }) });
      for (const m of c.measures) {
        rows.push({
          ...problem,
          cause: c.description,
          measure: m.description,
          goals: formatGoals(m.goals),
          when: m.deadline.kind === "DATE" ? { date: m.deadline.date } : { text: m.deadline.kind === "ONGOING" ? "Linjearbete" : (m.deadline.note ?? "") },
          who: m.responsibleParties.map(formatParty).join("\n"),
          followUp: followUpOf(m.id) ?? "",
          ids: formatRowIds({ problemId: p.id, causeId: c.id, measureId: m.id, goalIds: m.goals.map((g) => g.id) }),
        });
      }
    }
  }
  return rows;
}

/** A summary row for the sheet: the area and its four counts. */
export function summaryCells(r: Pick<SummaryRow, "areaName" | "problems" | "causes" | "measures" | "goals">): [string, number, number, number, number] {
  return [r.areaName, r.problems, r.causes, r.measures, r.goals];
}

/**
 * Sheet names by Excel's rules: at most 31 characters, none of : \ / ? * [ ], no apostrophe
 * first or last, unique without regard to case (" (2)", " (3)" … when taken).
 */
export function sheetName(name: string, taken: ReadonlySet<string>): string {
  const fit = (s: string, max: number) => s.slice(0, max).replace(/^[\s']+|[\s']+$/g, "");
  const clean = fit(name.replace(/[:\\/?*[\]]/g, " ").replace(/\s+/g, " ").trim(), 31) || "Område";
  const lower = new Set([...taken].map((t) => t.toLocaleLowerCase("sv-SE")));
  const free = (candidate: string) => !lower.has(candidate.toLocaleLowerCase("sv-SE"));
  if (free(clean)) return clean;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = `${fit(clean, 31 - suffix.length)}${suffix}`;
    if (free(candidate)) return candidate;
  }
}
