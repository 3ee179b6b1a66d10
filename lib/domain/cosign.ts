// The police co-sign the measures they take part in or are responsible for. A signature is
// given to one wording of the measure (its content hash): when the measure changes, the
// signature no longer counts and the police must sign again.

import { isPoliceParty } from "./responsible";
import { normalizeText, shorten } from "./text";
import { byPosition } from "./tree";
import type { CoSignature, MeasureNode, PlanTree } from "./types";
import { QUOTE_LENGTH } from "./completeness";

/** A measure needs the police's signature when it is done with the police or a police party is responsible. */
export function needsPoliceSignature(m: Pick<MeasureNode, "withPolice" | "responsibleParties">): boolean {
  return m.withPolice || m.responsibleParties.some(isPoliceParty);
}

/**
 * The signed content of a measure as canonical JSON: fixed key order, goals in position order.
 * Not included: ids and positions (moving a measure does not change what was signed) and
 * follow-up. White space in texts is collapsed (normalizeText): re-flowing a text or CRLF vs LF
 * is not a new wording — the same rule as diff.ts, which does not show white-space-only edits.
 */
export function canonicalMeasureContent(m: MeasureNode): string {
  const deadline =
    m.deadline.kind === "DATE"
      ? { kind: "DATE", date: m.deadline.date }
      : m.deadline.kind === "ONGOING"
        ? { kind: "ONGOING" }
        : { kind: "NONE", note: normalizeText(m.deadline.note ?? "") };
  return JSON.stringify({
    description: normalizeText(m.description),
    kind: m.kind,
    withPolice: m.withPolice,
    deadline,
    responsibleParties: m.responsibleParties.map((p) => ({
      organisation: normalizeText(p.organisation),
      role: p.role === null ? null : normalizeText(p.role),
    })),
    tags: { youthStrategy: m.youthStrategy, violentExtremism: m.violentExtremism },
    goals: byPosition(m.goals).map((g) => ({ description: normalizeText(g.description), targetValue: g.targetValue })),
  });
}

const FNV64_OFFSET = 0xcbf29ce484222325n;
const FNV64_PRIME = 0x100000001b3n;
const encoder = new TextEncoder();

/** FNV-1a, 64 bits, over the UTF-8 bytes; 16 lower-case hex digits. Stable, not cryptographic. */
export function fnv1a64(text: string): string {
  let hash = FNV64_OFFSET;
  for (const byte of encoder.encode(text)) {
    hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * FNV64_PRIME);
  }
  return hash.toString(16).padStart(16, "0");
}

/** The hash a signature is given to: FNV-1a 64 of the canonical content. */
export function measureContentHash(m: MeasureNode): string {
  return fnv1a64(canonicalMeasureContent(m));
}

export type SignatureStateName = "NOT_NEEDED" | "MISSING" | "SIGNED" | "DECLINED" | "OUTDATED";
export type SignatureState<S extends CoSignature = CoSignature> = {
  state: SignatureStateName;
  /** The signature that decides the state (the latest one), when there is any. */
  latest?: S;
  /** Swedish, for a tag or a list. */
  message: string;
};

export const SIGNATURE_MESSAGES = {
  NOT_NEEDED: "Åtgärden genomförs utan polisen och behöver ingen underskrift.",
  MISSING: "Polisens underskrift saknas.",
  WITHDRAWN: "Polisen har dragit tillbaka sin underskrift.",
  SIGNED: "Polisen har skrivit under åtgärden.",
  DECLINED: "Polisen har avböjt att skriva under åtgärden.",
  OUTDATED: "Underskriften gällde en tidigare lydelse och har dragits tillbaka.",
} as const;

function timeOf(iso: string): number {
  return Date.parse(iso);
}

/** The latest signature by createdAt; of equal times, the later in the list. */
export function latestSignature<S extends CoSignature>(signatures: readonly S[]): S | undefined {
  let latest: S | undefined;
  for (const s of signatures) {
    if (latest === undefined) {
      latest = s;
      continue;
    }
    const [a, b] = [timeOf(s.createdAt), timeOf(latest.createdAt)];
    const later = Number.isNaN(a) || Number.isNaN(b) ? s.createdAt >= latest.createdAt : a >= b;
    if (later) latest = s;
  }
  return latest;
}

/**
 * Where the measure's co-signature stands. The latest signature decides: WITHDRAWN (or none)
 * → MISSING, DECLINED → DECLINED (whatever wording it was given to), SIGNED → SIGNED if it was
 * given to the current content, else OUTDATED. A measure without the police is NOT_NEEDED
 * (its latest signature, if any, is still returned).
 */
export function signatureState<S extends CoSignature>(m: MeasureNode, signatures: readonly S[]): SignatureState<S> {
  const latest = latestSignature(signatures);
  const withLatest = latest === undefined ? {} : { latest };
  if (!needsPoliceSignature(m)) return { state: "NOT_NEEDED", ...withLatest, message: SIGNATURE_MESSAGES.NOT_NEEDED };
  if (latest === undefined) return { state: "MISSING", message: SIGNATURE_MESSAGES.MISSING };
  switch (latest.status) {
    case "WITHDRAWN":
      return { state: "MISSING", latest, message: SIGNATURE_MESSAGES.WITHDRAWN };
    case "DECLINED":
      return { state: "DECLINED", latest, message: SIGNATURE_MESSAGES.DECLINED };
    case "SIGNED":
      return latest.contentHash === measureContentHash(m)
        ? { state: "SIGNED", latest, message: SIGNATURE_MESSAGES.SIGNED }
        : { state: "OUTDATED", latest, message: SIGNATURE_MESSAGES.OUTDATED };
  }
}

export type UnsignedPoliceMeasure = {
  measureId: string;
  areaId: string;
  areaName: string;
  /** "measure-<id>", the element to link to. */
  anchor: string;
  state: "MISSING" | "DECLINED" | "OUTDATED";
  /** The measure's text, shortened. */
  label: string;
  /** Swedish: what is wrong with this measure's signature. */
  message: string;
};

export type SignaturesByMeasure<S extends CoSignature = CoSignature> =
  | ReadonlyMap<string, readonly S[]>
  | Readonly<Record<string, readonly S[]>>;

function signaturesOf<S extends CoSignature>(all: SignaturesByMeasure<S>, measureId: string): readonly S[] {
  if (all instanceof Map) return (all as ReadonlyMap<string, readonly S[]>).get(measureId) ?? [];
  return (all as Readonly<Record<string, readonly S[]>>)[measureId] ?? [];
}

function unsignedMessage(state: UnsignedPoliceMeasure["state"], label: string): string {
  switch (state) {
    case "MISSING":
      return `Åtgärden "${label}" saknar polisens underskrift.`;
    case "DECLINED":
      return `Polisen har avböjt att skriva under åtgärden "${label}".`;
    case "OUTDATED":
      return `Åtgärden "${label}" har ändrats efter polisens underskrift och behöver skrivas under igen.`;
  }
}

/** Every measure that needs the police's signature and has no valid one, in plan order. */
export function unsignedPoliceMeasures<S extends CoSignature>(
  tree: PlanTree,
  signaturesByMeasure: SignaturesByMeasure<S>,
): UnsignedPoliceMeasure[] {
  const result: UnsignedPoliceMeasure[] = [];
  for (const area of byPosition(tree.areas)) {
    for (const problem of byPosition(area.problems)) {
      for (const cause of byPosition(problem.causes)) {
        for (const measure of byPosition(cause.measures)) {
          const { state } = signatureState(measure, signaturesOf(signaturesByMeasure, measure.id));
          if (state === "SIGNED" || state === "NOT_NEEDED") continue;
          const label = measure.description.trim() === "" ? "(utan beskrivning)" : shorten(measure.description, QUOTE_LENGTH);
          result.push({
            measureId: measure.id,
            areaId: area.id,
            areaName: area.name,
            anchor: `measure-${measure.id}`,
            state,
            label,
            message: unsignedMessage(state, label),
          });
        }
      }
    }
  }
  return result;
}
