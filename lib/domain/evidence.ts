// Evidence per measure, after the EMMIE framework of the College of Policing's Crime reduction
// toolkit: Effect, Mechanism, Moderators (context), Implementation, Economic cost. All optional;
// a strategist fills in what they know. Links point at the knowledge banks the template lists.

import { KNOWLEDGE_LINKS } from "./workbook";

export const EVIDENCE_FIELDS = [
  { name: "evidenceEffect", label: "Förväntad effekt och stöd för den", hint: "Vad åtgärden väntas leda till och vad forskning eller erfarenhet säger om det." },
  { name: "evidenceMechanism", label: "Mekanism", hint: "Hur åtgärden verkar på orsaken: varför den ska minska problemet." },
  { name: "evidenceContext", label: "Sammanhang", hint: "Var och för vem den fungerar, och vad som kan göra att den inte gör det här." },
  { name: "evidenceImplementation", label: "Genomförande", hint: "Vad som behövs för att genomföra den väl: samarbeten, kompetens, lokaler." },
  { name: "evidenceEconomy", label: "Kostnad och timmar", hint: "Ungefärlig kostnad och arbetstid." },
] as const;
export type EvidenceField = (typeof EVIDENCE_FIELDS)[number]["name"];
export type Evidence = Record<EvidenceField, string | null> & { evidenceLinks: string[] };

/** The knowledge banks the template links to (Brå, College of Policing, EUCPN, EFUS, ICPC, POP Center). */
export const KNOWLEDGE_BANKS = KNOWLEDGE_LINKS;

export const MAX_EVIDENCE_LINKS = 10;

/**
 * The links typed one per line: each must be a whole http(s) address. Returns the links (blank
 * lines dropped, each once) or the Swedish reason the text was refused.
 */
export function parseEvidenceLinks(text: string): { ok: true; links: string[] } | { ok: false; message: string } {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const links: string[] = [];
  for (const line of lines) {
    let url: URL | null = null;
    try {
      url = new URL(line);
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== "https:" && url.protocol !== "http:") || /\s/.test(line)) {
      return { ok: false, message: `"${line.length > 60 ? `${line.slice(0, 60)}…` : line}" är ingen webbadress. Skriv en adress per rad som börjar med https:// eller http://.` };
    }
    if (!links.includes(url.href)) links.push(url.href);
  }
  if (links.length > MAX_EVIDENCE_LINKS) return { ok: false, message: `Högst ${MAX_EVIDENCE_LINKS} länkar.` };
  return { ok: true, links };
}

/** The name of the knowledge bank a link points into, when it is one of the template's. */
export function knowledgeBankOf(link: string): string | null {
  let host: string;
  try {
    host = new URL(link).hostname.replace(/^www\./, "");
  } catch {
    return null;
  }
  const bank = KNOWLEDGE_BANKS.find((b) => new URL(b.url).hostname.replace(/^www\./, "") === host);
  return bank ? bank.name.replace(/:.*$/, "") : null;
}

/** Has any evidence been written down? */
export function hasEvidence(e: Evidence): boolean {
  return EVIDENCE_FIELDS.some((f) => (e[f.name] ?? "").trim() !== "") || e.evidenceLinks.length > 0;
}
