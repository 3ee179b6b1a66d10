// Search across every plan and year: what a query may be, and how a highlighted hit is cut into
// plain text and matched words. The matching and ranking itself is PostgreSQL full-text search
// with the Swedish configuration (lib/db/search.ts).

export const SEARCH_KINDS = ["problem", "cause", "measure", "goal"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
export const SEARCH_KIND_LABELS: Record<SearchKind, string> = { problem: "Problem", cause: "Orsak", measure: "Åtgärd", goal: "Operativt mål" };

export const SEARCH_LIMITS = { queryLength: 200, hits: 50 } as const;

/** The markers PostgreSQL's ts_headline puts around a matched word (characters no plan text contains). */
export const MATCH_START = "\u0002";
export const MATCH_END = "\u0003";

/**
 * The query as typed, tidied: control characters and the match markers removed, white space
 * collapsed, cut at SEARCH_LIMITS.queryLength. Null when nothing is left to search for.
 */
export function normalizeQuery(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const q = raw.replace(/[\u0000-\u001f\u007f]/g, " ").replace(/\s+/g, " ").trim().slice(0, SEARCH_LIMITS.queryLength).trim();
  return q === "" ? null : q;
}

export type Segment = { text: string; match: boolean };

/** A ts_headline result cut into segments: the matched words (to show in <mark>) and the text between. Never HTML. */
export function headlineSegments(headline: string): Segment[] {
  const out: Segment[] = [];
  let rest = headline;
  while (rest.length > 0) {
    const start = rest.indexOf(MATCH_START);
    if (start === -1) {
      out.push({ text: rest, match: false });
      break;
    }
    if (start > 0) out.push({ text: rest.slice(0, start), match: false });
    const end = rest.indexOf(MATCH_END, start + 1);
    const word = rest.slice(start + 1, end === -1 ? undefined : end);
    if (word) out.push({ text: word, match: true });
    rest = end === -1 ? "" : rest.slice(end + 1);
  }
  // A marker character the text itself carried (pasted, never typed) is dropped, never shown;
  // adjacent plain pieces are joined, so the result is the same however the markers fell.
  const stray = new RegExp(`[${MATCH_START}${MATCH_END}]`, "g");
  return out.map((s) => ({ ...s, text: s.text.replace(stray, "") })).filter((s) => s.text !== "").reduce<Segment[]>((acc, s) => {
    const last = acc[acc.length - 1];
    if (last && last.match === s.match && !s.match) last.text += s.text;
    else acc.push({ ...s });
    return acc;
  }, []);
}

/** "1 träff", "12 träffar". */
export function hitsLabel(n: number): string {
  return `${n.toLocaleString("sv-SE")} ${n === 1 ? "träff" : "träffar"}`;
}

/**
 * The headline as a reader should see it: "… " before it when it does not start where the text
 * starts, " …" after it when the text goes on (ts_headline cuts long texts around the matches).
 */
export function withEllipses(headline: string, fullText: string): string {
  const plain = headline.replace(new RegExp(`[${MATCH_START}${MATCH_END}]`, "g"), "").trim();
  const text = fullText.trim();
  if (plain === "" || plain === text) return headline;
  const head = text.startsWith(plain.slice(0, Math.min(plain.length, 30))) ? "" : "… ";
  const tail = text.endsWith(plain.slice(-Math.min(plain.length, 30))) ? "" : " …";
  return `${head}${headline.trim()}${tail}`;
}
