import "server-only";
import { isFollowUpStatus } from "@/lib/domain/follow-up";
import { parseSnapshot } from "@/lib/domain/snapshot";
import type { PlanStatus } from "@/lib/domain/types";
import { getSignaturesByMeasure } from "@/lib/db/signatures";
import { confidentialMeasureIds } from "@/lib/db/plans";
import { getPlanVersion, listDecisions, listPlanVersions } from "@/lib/db/versions";
import { planForDocument, type PlanForDocument } from "@/lib/pdf/document";

export type DecisionDocumentLoad =
  | { ok: true; document: PlanForDocument }
  | { ok: false; reason: "NOT_DECIDED" | "NO_VERSION"; message: string };

export const DECISION_DOCUMENT_MESSAGES = {
  NOT_DECIDED: "Planen är inte beslutad ännu. Beslutsbilagan kan tas fram när den lokala styrgruppen har beslutat planen.",
  NO_VERSION: "Det finns ingen sparad beslutad version av planen, så beslutsbilagan kan inte tas fram.",
} as const;

/**
 * The decision document's data for a plan the caller may read (checked by the caller): the
 * decided content (the latest frozen version, not the live rows), the decisions on it and the
 * police co-signatures. Only for a decided plan (DECIDED, ACCEPTED, COUNCIL_DECIDED).
 */
export async function loadDecisionDocument(plan: { id: string; year: number; status: string }, districtName: string): Promise<DecisionDocumentLoad> {
  if (!isFollowUpStatus(plan.status as PlanStatus)) return { ok: false, reason: "NOT_DECIDED", message: DECISION_DOCUMENT_MESSAGES.NOT_DECIDED };
  const versions = await listPlanVersions(plan.id);
  const latest = versions[versions.length - 1];
  const [version, decisions, signatures, confidentialIds] = await Promise.all([
    latest ? getPlanVersion(plan.id, latest.number) : null,
    listDecisions(plan.id),
    getSignaturesByMeasure(plan.id),
    confidentialMeasureIds(plan.id),
  ]);
  if (!version) return { ok: false, reason: "NO_VERSION", message: DECISION_DOCUMENT_MESSAGES.NO_VERSION };
  const snapshot = parseSnapshot(version.snapshot);
  return {
    ok: true,
    document: planForDocument({
      districtName,
      year: plan.year,
      versionNumber: version.number,
      areas: snapshot.areas,
      decisions,
      signaturesOf: (measureId) => signatures.get(measureId) ?? [],
      confidentialIds,
    }),
  };
}
