// Text for the PDF's standard fonts: what WinAnsi (the encoding of Helvetica without an embedded
// font) can show, and word wrapping by measured width. Pure: the renderer passes in how wide a
// string is in the current font.

/** The characters of WinAnsiEncoding above Latin-1 (cp1252 0x80–0x9F). */
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

/** Common characters outside WinAnsi, written with the ones inside it. */
const REPLACEMENTS: Record<string, string> = {
  "\u2010": "-", // hyphen
  "\u2011": "-", // non-breaking hyphen
  "\u2012": "–", // figure dash
  "\u2015": "—", // horizontal bar
  "\u2212": "-", // minus sign
  "\u2032": "'", // prime
  "\u2033": '"', // double prime
  "\u2190": "<-",
  "\u2192": "->",
  "\u2194": "<->",
  "\u21d2": "=>",
  "\u2264": "<=",
  "\u2265": ">=",
  "\u2248": "~",
  "\u2260": "!=",
  "\u25cf": "•",
  "\u25aa": "•",
  "\u2713": "x",
  "\u2714": "x",
  "\u00ad": "", // soft hyphen
  "\u200b": "", // zero-width space
  "\u200c": "",
  "\u200d": "",
  "\u2060": "",
  "\ufeff": "",
};

function isWinAnsi(ch: string): boolean {
  const code = ch.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch);
}

/**
 * A text the standard PDF fonts can show: composed (NFC, so a decomposed "å" stays "å"),
 * spaces of every kind as a plain space, tabs as a space, line breaks kept as "\n", a few
 * symbols spelled out ("→" as "->"), accents dropped where the letter is outside WinAnsi
 * ("ł" stays "?", "ő" becomes "o"), anything else as "?".
 */
export function toWinAnsi(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC").replace(/\r\n?/gu, "\n")) {
    if (ch === "\n") out += ch;
    else if (ch === "\t" || /\p{Zs}/u.test(ch)) out += " ";
    else if (isWinAnsi(ch)) out += ch;
    else if (ch in REPLACEMENTS) out += REPLACEMENTS[ch];
    else if (/\p{Cc}|\p{Cf}/u.test(ch)) out += "";
    else {
      const base = ch.normalize("NFD").replace(/\p{M}/gu, "");
      out += base !== "" && [...base].every(isWinAnsi) ? base : "?";
    }
  }
  return out;
}

/** How wide a string is, in points, in the font the caller has chosen. */
export type Measure = (text: string) => number;

/** The longest start of `word` that fits, preferring a break after "-" or "/" (at least one character). */
function fittingPrefix(word: string, width: number, measure: Measure): number {
  const chars = [...word];
  let fit = 1;
  for (let n = 1; n <= chars.length; n++) {
    if (measure(chars.slice(0, n).join("")) > width) break;
    fit = n;
  }
  for (let n = fit; n > Math.floor(fit / 2); n--) {
    if (chars[n - 1] === "-" || chars[n - 1] === "/") return chars.slice(0, n).join("").length;
  }
  return chars.slice(0, fit).join("").length;
}

/**
 * Wraps a text into lines no wider than `width`: at spaces, keeping its own line breaks; a word
 * wider than the line is broken (after "-" or "/" when it can). Blank lines are kept, but never
 * two in a row, and none at the start or end.
 */
export function wrapText(text: string, width: number, measure: Measure): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    const words = paragraph.split(" ").filter((w) => w !== "");
    if (words.length === 0) {
      if (lines.length > 0 && lines[lines.length - 1] !== "") lines.push("");
      continue;
    }
    let line = "";
    for (let word of words) {
      const candidate = line === "" ? word : `${line} ${word}`;
      if (measure(candidate) <= width) {
        line = candidate;
        continue;
      }
      if (line !== "") lines.push(line);
      while (measure(word) > width && word.length > 1) {
        const cut = fittingPrefix(word, width, measure);
        lines.push(word.slice(0, cut));
        word = word.slice(cut);
      }
      line = word;
    }
    lines.push(line);
  }
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}
