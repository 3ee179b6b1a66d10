"use client";

import { completeRoundAction, reopenRoundAction } from "@/lib/actions/follow-up";
import { startNextYearAction } from "@/lib/actions/next-year";
import { EditorForm } from "@/components/plan/editor-form";

type PlanRef = { districtSlug: string; year: number };

/** "Markera som klar": refused with the list of goals without status until every goal has one. */
export function CompleteRoundForm({ planRef, round, roundVersion, label }: { planRef: PlanRef; round: string; roundVersion: number; label: string }) {
  return <EditorForm action={completeRoundAction} idPrefix={`complete-${round}`} hidden={{ ...planRef, round, roundVersion }} submitLabel={label} />;
}

export function ReopenRoundForm({ planRef, round, roundVersion }: { planRef: PlanRef; round: string; roundVersion: number }) {
  return <EditorForm action={reopenRoundAction} idPrefix={`reopen-${round}`} hidden={{ ...planRef, round, roundVersion }} submitLabel="Öppna uppföljningen igen för ändringar" variant="secondary" />;
}

/** The carry-over checklist is rendered by the page (server) as `children`; this posts it. */
export function StartNextYearForm({ planRef, label, children }: { planRef: PlanRef; label: string; children: React.ReactNode }) {
  return (
    <EditorForm action={startNextYearAction} idPrefix="next-year" hidden={{ ...planRef }} submitLabel={label}>
      {() => children}
    </EditorForm>
  );
}
