// The decision document (beslutsbilaga) as plain data: what the PDF and the print view show of a
// decided plan. Built from the decided version's snapshot, the plan's decisions and the police
// co-signatures; pure (no database, no PDF library), so both renderers and the tests share it.

import { confidentialNote, omitConfidential } from "@/lib/domain/confidential";
import { formatDate } from "@/lib/dates";
import { needsPoliceSignature, signatureState, type SignatureStateName } from "@/lib/domain/cosign";
import { formatDeadline } from "@/lib/domain/deadline";
import { formatParty } from "@/lib/domain/responsible";
import { summarizeTree } from "@/lib/domain/summary";
import { byPosition } from "@/lib/domain/tree";
import type { AreaNode, CoSignature, MeasureNode, SummaryRow } from "@/lib/domain/types";

/** The decisions the document names: the steering group's (which froze the version), the review group's, the council's. */
export type DocumentDecisions = {
  steeringGroup: { decidedOn: string /* YYYY-MM-DD */; versionNumber: number | null } | null;
  reviewAccepted: { decidedOn: string } | null;
  council: { decidedOn: string; paragraph: string | null } | null;
};

/** One measure that needs the police's signature, and where its signature stands. */
export type DocumentSignature = {
  measureId: string;
  areaName: string;
  measure: string;
  state: SignatureStateName;
  /** Set when state is SIGNED: who signed, for which police area, on which day (YYYY-MM-DD). */
  signedBy: string | null;
  policeAreaName: string | null;
  signedOn: string | null;
};

export type PlanForDocument = {
  districtName: string;
  year: number;
  /** The decided version shown; null when the content is not a stored version (tests, previews). */
  versionNumber: number | null;
  areas: AreaNode[];
  summary: SummaryRow[];
  decisions: DocumentDecisions;
  signatures: DocumentSignature[];
  /** "2 åtgärder med sekretess ingår inte…" when measures with sekretess were left out (confidential.ts). */
  confidentialNote: string | null;
};

export const DOCUMENT_TEXTS = {
  appendix: "Bilaga till stadsdelsnämndens beslut",
  law: "Brottsförebyggande åtgärdsplan enligt lagen (2023:196) om kommuners ansvar för brottsförebyggande arbete, framtagen i samverkan med Polismyndigheten (lokalpolisområdet).",
  contents: "Innehåll",
  summary: "Sammanställning",
  signatures: "Polisens underskrifter",
  continued: "(forts.)",
  noProblems: "Inga problem är angivna för området.",
  noSignatures: "Ingen åtgärd i planen genomförs med polisen, så ingen underskrift behövs.",
  total: "Totalt",
} as const;

export function documentTitle(plan: Pick<PlanForDocument, "year" | "districtName">): string {
  return `Åtgärdsplan ${plan.year} – ${plan.districtName}`;
}

/** The area's heading on a page where its table goes on from the page before. */
export function continuedTitle(areaName: string): string {
  return `${areaName} ${DOCUMENT_TEXTS.continued}`;
}

export function pageLabel(page: number, pages: number): string {
  return `Sida ${page} av ${pages}`;
}

/** "§ 8" whether "8", "§8" or "§ 8" was recorded. */
export function formatParagraph(paragraph: string): string {
  const p = paragraph.trim().replace(/^§\s*/u, "");
  return `§ ${p}`;
}

/** The decision lines of the title page, in the order they were taken. */
export function decisionLines(d: DocumentDecisions): string[] {
  const lines: string[] = [];
  lines.push(
    d.steeringGroup
      ? `Beslutad av lokal styrgrupp ${d.steeringGroup.decidedOn}${d.steeringGroup.versionNumber !== null ? ` (version ${d.steeringGroup.versionNumber})` : ""}`
      : "Beslutad av lokal styrgrupp: beslutsdatum saknas",
  );
  lines.push(d.reviewAccepted ? `Godkänd av beredningsgruppen ${d.reviewAccepted.decidedOn}` : "Godkänd av beredningsgruppen: ännu inte godkänd");
  lines.push(
    d.council
      ? `Beslutad av stadsdelsnämnden ${d.council.decidedOn}${d.council.paragraph ? `, ${formatParagraph(d.council.paragraph)}` : ""}`
      : "Beslutad av stadsdelsnämnden: beslutet är ännu inte registrerat",
  );
  return lines;
}

export function versionLine(versionNumber: number): string {
  return `Innehållet är version ${versionNumber} av planen, så som den lokala styrgruppen beslutade den.`;
}

export const AREA_COLUMNS = ["Problem", "Orsak", "Åtgärd", "Operativa mål", "När", "Vem"] as const;
export const SUMMARY_COLUMNS = ["Prioriterat område", "Antal problem", "Antal identifierade orsaker", "Antal åtgärder", "Antal operativa mål"] as const;
export const SIGNATURE_COLUMNS = ["Prioriterat område", "Åtgärd", "Underskrift", "Underskriven av", "Lokalpolisområde", "Datum"] as const;

/** One row of an area's table: one per measure (and one for a problem without causes or a cause without measures). */
export type DocumentRow = {
  /** Which problem and cause the row belongs to: the problem and cause cells are shown on the first row of each. */
  problemKey: string;
  causeKey: string;
  collectiveName: string | null;
  problem: string;
  cause: string;
  measure: string;
  /** One entry per goal, numbered "1) …" when there are several. */
  goals: string[];
  when: string;
  who: string[];
};

/** "1) …", "2) …" when several goals, the goal as written when one. */
export function numberedGoals(goals: readonly { description: string }[]): string[] {
  if (goals.length === 1) return [goals[0]!.description];
  return goals.map((g, i) => `${i + 1}) ${g.description}`);
}

function measureCells(m: MeasureNode) {
  return {
    measure: m.description,
    goals: numberedGoals(byPosition(m.goals)),
    when: formatDeadline(m.deadline),
    who: m.responsibleParties.map(formatParty),
  };
}

/** The area's chain as table rows, in plan order. */
export function documentRows(area: AreaNode): DocumentRow[] {
  const rows: DocumentRow[] = [];
  const none = { measure: "", goals: [], when: "", who: [] };
  for (const p of byPosition(area.problems)) {
    const problem = { problemKey: p.id, collectiveName: p.collectiveName?.trim() ? p.collectiveName.trim() : null, problem: p.description };
    if (p.causes.length === 0) rows.push({ ...problem, causeKey: `${p.id}/-`, cause: "", ...none });
    for (const c of byPosition(p.causes)) {
      if (c.measures.length === 0) rows.push({ ...problem, causeKey: c.id, cause: c.description, ...none });
      for (const m of byPosition(c.measures)) rows.push({ ...problem, causeKey: c.id, cause: c.description, ...measureCells(m) });
    }
  }
  return rows;
}

/** "3 problem · 4 orsaker · 6 åtgärder · 9 operativa mål" under an area's heading. */
export function areaCountsLine(row: Pick<SummaryRow, "problems" | "causes" | "measures" | "goals">): string {
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  return [
    n(row.problems, "problem", "problem"),
    n(row.causes, "orsak", "orsaker"),
    n(row.measures, "åtgärd", "åtgärder"),
    n(row.goals, "operativt mål", "operativa mål"),
  ].join(" · ");
}

export const SIGNATURE_STATE_LABELS: Record<SignatureStateName, string> = {
  SIGNED: "Underskriven",
  MISSING: "Saknas",
  DECLINED: "Avböjd",
  OUTDATED: "Gäller en tidigare lydelse",
  NOT_NEEDED: "Behövs inte",
};

export function signaturesLine(signatures: readonly DocumentSignature[]): string {
  const signed = signatures.filter((s) => s.state === "SIGNED").length;
  return `${signed} av ${signatures.length} åtgärder som genomförs med polisen är underskrivna av polisen.`;
}

/** A co-signature as the database gives it (lib/db/signatures.ts). */
export type StoredSignature = CoSignature & { policeAreaName: string };

/**
 * Every measure of the decided content that needs the police's signature, in plan order, with
 * its state by the rule of lib/domain/cosign.ts: only a signature given to this wording counts.
 */
export function documentSignatures(
  areas: readonly AreaNode[],
  signaturesOf: (measureId: string) => readonly StoredSignature[],
): DocumentSignature[] {
  const result: DocumentSignature[] = [];
  for (const area of byPosition(areas)) {
    for (const p of byPosition(area.problems)) {
      for (const c of byPosition(p.causes)) {
        for (const m of byPosition(c.measures)) {
          if (!needsPoliceSignature(m)) continue;
          const { state, latest } = signatureState(m, signaturesOf(m.id));
          const signed = state === "SIGNED" && latest !== undefined;
          result.push({
            measureId: m.id,
            areaName: area.name,
            measure: m.description,
            state,
            signedBy: signed ? latest.userName : null,
            policeAreaName: signed ? latest.policeAreaName : null,
            signedOn: signed ? formatDate(latest.createdAt) : null,
          });
        }
      }
    }
  }
  return result;
}

/** A decision as the database gives it (lib/db/versions.ts#listDecisions). */
export type StoredDecision = {
  kind: "STEERING_GROUP" | "REVIEW_ACCEPTED" | "REVIEW_RETURNED" | "COUNCIL";
  decidedOn: Date;
  paragraph: string | null;
  createdAt: Date;
  version: { number: number } | null;
};

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The decisions on the given version: the steering group's decision that froze it (else the
 * latest one), and the review group's acceptance and the council's decision taken after it —
 * a council decision on an earlier version, before the plan was reopened, is not this one's.
 */
export function documentDecisions(decisions: readonly StoredDecision[], versionNumber: number | null): DocumentDecisions {
  const sorted = [...decisions].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const last = <T>(items: T[]) => (items.length > 0 ? items[items.length - 1]! : null);
  const steeringAll = sorted.filter((d) => d.kind === "STEERING_GROUP");
  const steering = last(steeringAll.filter((d) => versionNumber !== null && d.version?.number === versionNumber)) ?? last(steeringAll);
  const after = (d: StoredDecision) => steering === null || d.createdAt.getTime() >= steering.createdAt.getTime();
  const review = last(sorted.filter((d) => d.kind === "REVIEW_ACCEPTED" && after(d)));
  const council = last(sorted.filter((d) => d.kind === "COUNCIL" && after(d)));
  return {
    steeringGroup: steering ? { decidedOn: day(steering.decidedOn), versionNumber: steering.version?.number ?? versionNumber } : null,
    reviewAccepted: review ? { decidedOn: day(review.decidedOn) } : null,
    council: council ? { decidedOn: day(council.decidedOn), paragraph: council.paragraph } : null,
  };
}

/** The document's data from the decided content, its decisions and the co-signatures. */
export function planForDocument(input: {
  districtName: string;
  year: number;
  versionNumber: number | null;
  areas: AreaNode[];
  decisions: readonly StoredDecision[];
  signaturesOf: (measureId: string) => readonly StoredSignature[];
  /** Measures with sekretess now, to leave out of a version stored before they were marked. */
  confidentialIds?: ReadonlySet<string>;
}): PlanForDocument {
  // A public document: never a measure with sekretess.
  const open = omitConfidential(input.areas, input.confidentialIds);
  const omitted = countMeasures(input.areas) - countMeasures(open);
  const areas = byPosition(open);
  return {
    districtName: input.districtName,
    year: input.year,
    versionNumber: input.versionNumber,
    areas,
    summary: summarizeTree({ id: "document", areas }).rows,
    decisions: documentDecisions(input.decisions, input.versionNumber),
    signatures: documentSignatures(areas, input.signaturesOf),
    confidentialNote: confidentialNote(omitted),
  };
}

function countMeasures(areas: readonly AreaNode[]): number {
  return areas.reduce((n, a) => n + a.problems.reduce((k, p) => k + p.causes.reduce((j, c) => j + c.measures.length, 0), 0), 0);
}
