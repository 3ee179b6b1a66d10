// Plain-text helpers shared by the domain rules, the import and the UI.

/** Generous bounds for zod schemas: short fields (names, labels) and long free text (cells). */
export const TEXT_LIMITS = { short: 200, long: 10000 } as const;

/** Collapses every run of white space (incl. no-break spaces and newlines) to one space and trims. */
export function normalizeText(s: string): string {
  return s.replace(/\s+/gu, " ").trim();
}

/**
 * Shortens text to at most `max` characters, ending with "…" when something was cut.
 * Cuts at the last word boundary when that keeps at least half of the room.
 */
export function shorten(s: string, max: number): string {
  const text = normalizeText(s);
  if (text.length <= max) return text;
  if (max <= 1) return "…".slice(0, Math.max(max, 0));
  const room = text.slice(0, max - 1);
  const lastSpace = room.lastIndexOf(" ");
  const cut = lastSpace >= Math.floor((max - 1) / 2) ? room.slice(0, lastSpace) : room;
  return `${cut.replace(/[\s,.;:–-]+$/u, "")}…`;
}
