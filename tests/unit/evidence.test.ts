import { describe, expect, it } from "vitest";
import { EVIDENCE_FIELDS, hasEvidence, knowledgeBankOf, MAX_EVIDENCE_LINKS, parseEvidenceLinks, type Evidence } from "@/lib/domain/evidence";

const HINT = "är ingen webbadress. Skriv en adress per rad som börjar med https:// eller http://.";

describe("parseEvidenceLinks: accepted", () => {
  const ACCEPTED: [string, string, string[]][] = [
    ["empty text", "", []],
    ["only blank lines and spaces", "\n   \n\t\n", []],
    ["one https link", "https://bra.se/erfarenhetsbank", ["https://bra.se/erfarenhetsbank"]],
    [
      "several lines with blank lines and surrounding spaces",
      "  https://bra.se/erfarenhetsbank  \n\n\thttps://www.popcenter.org/responses/lighting\n   \nhttps://www.efus.eu/topics/  ",
      ["https://bra.se/erfarenhetsbank", "https://www.popcenter.org/responses/lighting", "https://www.efus.eu/topics/"],
    ],
    ["Windows line endings", "https://bra.se/a\r\nhttps://bra.se/b\r\n", ["https://bra.se/a", "https://bra.se/b"]],
    [
      "a duplicate kept once, in first position",
      "https://bra.se/a\nhttps://www.eucpn.org/x\nhttps://bra.se/a",
      ["https://bra.se/a", "https://www.eucpn.org/x"],
    ],
    ["the same address written twice differently", "https://BRA.se\nhttps://bra.se/", ["https://bra.se/"]],
    ["http allowed", "http://www.crimepreventionintl.org/", ["http://www.crimepreventionintl.org/"]],
    ["query and fragment kept", "https://bra.se/sok?q=trygghet#resultat", ["https://bra.se/sok?q=trygghet#resultat"]],
  ];

  it.each(ACCEPTED)("%s", (_name, text, links) => {
    expect(parseEvidenceLinks(text)).toEqual({ ok: true, links });
  });

  it(`accepts exactly ${MAX_EVIDENCE_LINKS} links`, () => {
    const links = Array.from({ length: MAX_EVIDENCE_LINKS }, (_, i) => `https://bra.se/rapport-${i + 1}`);
    expect(parseEvidenceLinks(links.join("\n"))).toEqual({ ok: true, links });
  });

  it(`accepts more than ${MAX_EVIDENCE_LINKS} lines when duplicates leave ${MAX_EVIDENCE_LINKS}`, () => {
    const links = Array.from({ length: MAX_EVIDENCE_LINKS }, (_, i) => `https://bra.se/rapport-${i + 1}`);
    expect(parseEvidenceLinks([...links, links[0]].join("\n"))).toEqual({ ok: true, links });
  });
});

describe("parseEvidenceLinks: refused", () => {
  const REFUSED: [string, string, string][] = [
    ["no scheme", "bra.se", "bra.se"],
    ["a path without scheme", "www.bra.se/erfarenhetsbank", "www.bra.se/erfarenhetsbank"],
    ["javascript:", "javascript:alert(1)", "javascript:alert(1)"],
    ["ftp", "ftp://x", "ftp://x"],
    ["a space inside", "https://a b", "https://a b"],
    ["a space in the path", "https://bra.se/min rapport", "https://bra.se/min rapport"],
    ["a tab in the path (which the URL parser would silently drop)", "https://bra.se/a\tb", "https://bra.se/a\tb"],
    ["a data: URL", "data:text/html,<script>alert(1)</script>", "data:text/html,<script>alert(1)</script>"],
    ["a base64 data: URL", "data:text/html;base64,PHNjcmlwdD4=", "data:text/html;base64,PHNjcmlwdD4="],
    ["mailto:", "mailto:anna@bra.se", "mailto:anna@bra.se"],
    ["scheme only", "https://", "https://"],
    ["a bad line after good ones (trimmed in the message)", "https://bra.se/a\n  bra.se/b  \nhttps://bra.se/c", "bra.se/b"],
  ];

  it.each(REFUSED)("%s", (_name, text, quoted) => {
    expect(parseEvidenceLinks(text)).toEqual({ ok: false, message: `"${quoted}" ${HINT}` });
  });

  it("names the first bad line when there are several", () => {
    expect(parseEvidenceLinks("https://bra.se\nförsta fel\nandra fel")).toEqual({ ok: false, message: `"första fel" ${HINT}` });
  });

  it("shortens a long bad line in the message", () => {
    const line = `www.${"a".repeat(100)}.se`;
    const result = parseEvidenceLinks(line);
    expect(result).toEqual({ ok: false, message: `"${line.slice(0, 60)}…" ${HINT}` });
  });

  it(`refuses more than ${MAX_EVIDENCE_LINKS} links`, () => {
    const text = Array.from({ length: MAX_EVIDENCE_LINKS + 1 }, (_, i) => `https://bra.se/rapport-${i + 1}`).join("\n");
    expect(parseEvidenceLinks(text)).toEqual({ ok: false, message: "Högst 10 länkar." });
  });
});

describe("knowledgeBankOf", () => {
  it.each([
    ["https://bra.se/erfarenhetsbank/projekt-1.html", "Brottsförebyggande rådet (Brå)"],
    ["https://www.bra.se/statistik.html", "Brottsförebyggande rådet (Brå)"],
    ["HTTPS://BRA.SE/X", "Brottsförebyggande rådet (Brå)"],
    ["https://www.popcenter.org/x", "Center for Problem-Oriented Policing (POP)"],
    ["http://popcenter.org/", "Center for Problem-Oriented Policing (POP)"],
    ["https://www.college.police.uk/research/crime-reduction-toolkit/cctv", "College of Policing"],
    ["https://eucpn.org/document/toolbox", "European Crime Prevention Network (EUCPN)"],
    ["https://www.efus.eu/", "European Forum for Urban Security (EFUS)"],
    ["https://www.crimepreventionintl.org/rapport", "International Centre for Prevention of Crime (ICPC)"],
  ])("%s → %s", (link, bank) => {
    expect(knowledgeBankOf(link)).toBe(bank);
  });

  it.each([
    ["an unknown host", "https://example.com/bra.se"],
    ["a look-alike host ending in bra.se", "https://notbra.se/"],
    ["a host that only starts with bra.se", "https://bra.se.example.com/"],
    ["a subdomain other than www", "https://statistik.bra.se/"],
    ["garbage", "inte en länk"],
    ["empty", ""],
    ["javascript:", "javascript:alert(1)"],
  ])("%s → null", (_name, link) => {
    expect(knowledgeBankOf(link)).toBeNull();
  });
});

describe("hasEvidence", () => {
  const EMPTY: Evidence = {
    evidenceEffect: null,
    evidenceMechanism: null,
    evidenceContext: null,
    evidenceImplementation: null,
    evidenceEconomy: null,
    evidenceLinks: [],
  };

  it("is false when nothing is filled in", () => {
    expect(hasEvidence(EMPTY)).toBe(false);
  });

  it("is false when the fields hold only blanks", () => {
    expect(hasEvidence({ ...EMPTY, evidenceEffect: "", evidenceMechanism: "   ", evidenceContext: "\n\t" })).toBe(false);
  });

  it.each(EVIDENCE_FIELDS.map((f) => [f.name, f.label] as const))("is true with only %s (%s) filled in", (name) => {
    expect(hasEvidence({ ...EMPTY, [name]: "Minskad brottslighet enligt Brå:s utvärdering." })).toBe(true);
  });

  it("is true with only a link", () => {
    expect(hasEvidence({ ...EMPTY, evidenceLinks: ["https://bra.se/erfarenhetsbank"] })).toBe(true);
  });
});
