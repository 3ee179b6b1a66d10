"use client";

import { useRouter } from "next/navigation";
import { submitPlanAction } from "@/lib/actions/workflow";
import { EditorForm } from "@/components/plan/editor-form";

export function SubmitForm({ planRef, planVersion, label, done }: { planRef: { districtSlug: string; year: number }; planVersion: number; label: string; done: string }) {
  const router = useRouter();
  return <EditorForm action={submitPlanAction} idPrefix="submit" hidden={{ ...planRef, planVersion }} submitLabel={label} onDone={() => router.push(done)} />;
}
