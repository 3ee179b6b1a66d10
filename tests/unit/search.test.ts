import { describe, expect, it } from "vitest";
import { headlineSegments, hitsLabel, MATCH_END, MATCH_START, normalizeQuery, SEARCH_LIMITS, type Segment } from "@/lib/domain/search";

const S = MATCH_START;
const E = MATCH_END;
const NBSP = "\u00a0";

describe("normalizeQuery", () => {
  it.each([
    ["null", null],
    ["undefined", undefined],
    ["empty", ""],
    ["spaces", "   "],
    ["tabs and newlines", "\t\n\r\n"],
    ["only control characters", "\u0000\u0001\u007f"],
    ["only the match markers", `${S}${E}`],
  ])("%s → null", (_name, raw) => {
    expect(normalizeQuery(raw)).toBeNull();
  });

  it.each([
    ["a word", "trygghet", "trygghet"],
    ["surrounding spaces trimmed", "  trygghetsvandring  ", "trygghetsvandring"],
    ["inner white space collapsed", "våld   i\t\tnära\n\nrelationer", "våld i nära relationer"],
    ["a no-break space collapsed", `Farsta${NBSP}${NBSP}centrum`, "Farsta centrum"],
    ["match markers around a word removed", `${S}våld${E}`, "våld"],
    ["match markers between words become a space", `våld${S}i${E}nära`, "våld i nära"],
    ["other control characters removed", "skol\u0000\u0007\u001b\u007fgård", "skol gård"],
    ["Swedish letters and punctuation kept", "Åtgärd: ”belysning” – Örby", "Åtgärd: ”belysning” – Örby"],
  ])("%s", (_name, raw, query) => {
    expect(normalizeQuery(raw)).toBe(query);
  });

  it(`cuts at ${SEARCH_LIMITS.queryLength} characters`, () => {
    const q = normalizeQuery("a".repeat(SEARCH_LIMITS.queryLength + 50));
    expect(q).toBe("a".repeat(SEARCH_LIMITS.queryLength));
  });

  it("keeps a query of exactly the limit", () => {
    const raw = "ö".repeat(SEARCH_LIMITS.queryLength);
    expect(normalizeQuery(raw)).toBe(raw);
  });

  it("counts the limit after collapsing white space", () => {
    const words = Array.from({ length: 80 }, () => "ab").join("     ");
    const q = normalizeQuery(words);
    expect(q).toBe(Array.from({ length: 80 }, () => "ab").join(" ").slice(0, SEARCH_LIMITS.queryLength));
    expect(q?.length).toBe(SEARCH_LIMITS.queryLength);
  });

  it("does not end in a space when the cut falls on one", () => {
    const raw = `${"a".repeat(SEARCH_LIMITS.queryLength - 1)} bcd`;
    expect(normalizeQuery(raw)).toBe("a".repeat(SEARCH_LIMITS.queryLength - 1));
  });
});

describe("headlineSegments", () => {
  const plain = (text: string): Segment => ({ text, match: false });
  const match = (text: string): Segment => ({ text, match: true });

  const CASES: [string, string, Segment[]][] = [
    ["empty", "", []],
    ["no markers: one plain segment", "Trygghetsvandringar i Farsta strand.", [plain("Trygghetsvandringar i Farsta strand.")]],
    ["one match in the middle", `Fler ${S}trygghetsvandringar${E} i Farsta.`, [plain("Fler "), match("trygghetsvandringar"), plain(" i Farsta.")]],
    [
      "several matches",
      `${S}Våld${E} i nära relationer och ${S}våld${E} i skolan`,
      [match("Våld"), plain(" i nära relationer och "), match("våld"), plain(" i skolan")],
    ],
    ["a match at the start", `${S}Belysning${E} i gångtunneln`, [match("Belysning"), plain(" i gångtunneln")]],
    ["a match at the end", `Bättre ${S}belysning${E}`, [plain("Bättre "), match("belysning")]],
    ["the whole text a match", `${S}belysning${E}`, [match("belysning")]],
    ["two matches side by side stay two", `${S}nära${E}${S}relationer${E}`, [match("nära"), match("relationer")]],
    ["an unterminated marker: the rest is the match, nothing lost", `Fler ${S}trygghetsvandringar i Farsta`, [plain("Fler "), match("trygghetsvandringar i Farsta")]],
    ["an empty marked word disappears and the text around it joins", `Fler ${S}${E} vandringar`, [plain("Fler  vandringar")]],
    ["a lone start marker at the very end", `Fler vandringar${S}`, [plain("Fler vandringar")]],
    [
      "HTML-looking text stays plain text",
      `<script>alert("x")</script> ${S}<b>fet</b>${E} &amp;`,
      [plain('<script>alert("x")</script> '), match("<b>fet</b>"), plain(" &amp;")],
    ],
  ];

  it.each(CASES)("%s", (_name, headline, segments) => {
    expect(headlineSegments(headline)).toEqual(segments);
  });

  it.each(CASES)("gives back every character of the text (%s)", (_name, headline) => {
    const text = headlineSegments(headline)
      .map((s) => s.text)
      .join("");
    expect(text).toBe(headline.replaceAll(S, "").replaceAll(E, ""));
  });

  // Plan text is not stripped of control characters when saved, so a stray marker can reach a headline.
  it("never shows a marker character on screen, even a stray one", () => {
    const headlines = [`Fler ${E}vandringar`, `${S}Fler${E} vandringar${E} i Farsta`, `${S}Fler${S}vandringar${E} i Farsta`];
    const shown = headlines.flatMap((h) => headlineSegments(h).map((s) => s.text));
    expect(shown.filter((text) => text.includes(S) || text.includes(E))).toEqual([]);
  });
});

describe("hitsLabel", () => {
  it.each([
    [0, "0 träffar"],
    [1, "1 träff"],
    [2, "2 träffar"],
    [12, "12 träffar"],
    [999, "999 träffar"],
    [1234, `1${NBSP}234 träffar`],
    [1234567, `1${NBSP}234${NBSP}567 träffar`],
  ])("%i → %s", (n, label) => {
    expect(hitsLabel(n)).toBe(label);
  });
});
