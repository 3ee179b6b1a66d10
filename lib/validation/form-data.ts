import "./zod-sv";

/**
 * FormData → plain object for zod. Keys with dots become nested objects and arrays:
 * `responsible.0.organisation` → `{ responsible: [{ organisation }] }`. Only the first value of a key is kept.
 *
 * Hostile forms change nothing here: keys naming an object's machinery (`__proto__`,
 * `constructor`, `prototype`) are dropped, a key that is both a value and a parent keeps
 * whichever came first, and characters no plan text can hold (NUL and the other control
 * characters except tab and line breaks) are removed from every value before validation.
 */
export function formDataToObject(input: FormData | Record<string, unknown>): Record<string, unknown> {
  if (!(input instanceof FormData)) return input;
  const out: Record<string, unknown> = {};
  for (const [key, value] of input.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const path = key.split(".");
    if (path.some((part) => FORBIDDEN_KEYS.has(part))) continue;
    let node: Record<string, unknown> | null = out;
    for (const [i, part] of path.entries()) {
      if (!node) break;
      if (i === path.length - 1) {
        if (!Object.hasOwn(node, part)) node[part] = typeof value === "string" ? cleanText(value) : undefined;
        break;
      }
      const next: unknown = Object.hasOwn(node, part) ? node[part] : (node[part] = {});
      node = next !== null && typeof next === "object" && !Array.isArray(next) ? (next as Record<string, unknown>) : null;
    }
  }
  return arraysFromIndexedObjects(out) as Record<string, unknown>;
}

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

// C0 controls except tab (09), line feed (0a) and carriage return (0d), and DEL.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** A value as a plan can hold it: no NUL or other control characters (PostgreSQL refuses NUL in text). */
export function cleanText(value: string): string {
  return value.replace(CONTROL, "");
}

function arraysFromIndexedObjects(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, arraysFromIndexedObjects(v)] as const);
  if (entries.length > 0 && entries.every(([k]) => /^\d+$/.test(k))) {
    return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, v]) => v);
  }
  return Object.fromEntries(entries);
}
