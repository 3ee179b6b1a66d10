"use client";

import { submitPlanAndConfirmAction } from "@/lib/actions/workflow";
import { EditorForm } from "@/components/plan/editor-form";

/** The action itself redirects to the confirmation page when the plan is sent. */
export function SubmitForm({ planRef, planVersion, label }: { planRef: { districtSlug: string; year: number }; planVersion: number; label: string }) {
  return <EditorForm action={submitPlanAndConfirmAction} idPrefix="submit" hidden={{ ...planRef, planVersion }} submitLabel={label} />;
}
