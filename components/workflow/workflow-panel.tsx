"use client";

import { useRouter } from "next/navigation";
import Link from "next/link";
import {
  acceptPlanReviewAction,
  decidePlanAction,
  recordCouncilDecisionAction,
  reopenPlanAction,
  returnPlanFromReviewAction,
  returnPlanFromSteeringAction,
} from "@/lib/actions/workflow";
import { EVENT_LABELS, type WorkflowEvent } from "@/lib/domain/workflow";
import { EditorForm, type EditorAction, type FieldErrors } from "@/components/plan/editor-form";
import { TextArea, TextInput } from "@/components/ui/field";

type Fields = "date" | "comment" | "optionalComment" | "paragraph";

const STEPS: Partial<Record<WorkflowEvent, { action: EditorAction; fields: Fields[]; intro: string; variant?: "danger" | "secondary" }>> = {
  DECIDE: { action: decidePlanAction, fields: ["date"], intro: "Den lokala styrgruppen beslutar planen. Innehållet låses och sparas som en version." },
  RETURN_FROM_STEERING: { action: returnPlanFromSteeringAction, fields: ["comment"], intro: "Skicka tillbaka planen till strategen med en kommentar om vad som behöver ändras.", variant: "secondary" },
  REVIEW_ACCEPT: { action: acceptPlanReviewAction, fields: ["optionalComment"], intro: "Beredningsgruppen har läst planen och godkänner den." },
  REVIEW_RETURN: { action: returnPlanFromReviewAction, fields: ["comment"], intro: "Skicka tillbaka planen för revidering. Kommentaren syns för stadsdelsområdet.", variant: "secondary" },
  COUNCIL_DECIDE: { action: recordCouncilDecisionAction, fields: ["date", "paragraph"], intro: "Registrera stadsdelsnämndens beslut (lämnas in med tertialrapport 1)." },
  REOPEN: { action: reopenPlanAction, fields: ["comment"], intro: "Öppna planen för ändringar. Den beslutade versionen finns kvar och går alltid att läsa.", variant: "secondary" },
};

function StepFields({ fields, errors, idPrefix }: { fields: Fields[]; errors: FieldErrors; idPrefix: string }) {
  return (
    <>
      {fields.includes("date") ? <TextInput id={`${idPrefix}-decidedOn`} name="decidedOn" type="date" label="Beslutsdatum" errors={errors("decidedOn")} /> : null}
      {fields.includes("paragraph") ? <TextInput id={`${idPrefix}-paragraph`} name="paragraph" label="Paragraf (§)" hint="Till exempel § 12." errors={errors("paragraph")} /> : null}
      {fields.includes("comment") ? <TextArea id={`${idPrefix}-comment`} name="comment" label="Kommentar" rows={3} errors={errors("comment")} /> : null}
      {fields.includes("optionalComment") ? <TextArea id={`${idPrefix}-comment`} name="comment" label="Kommentar" optional rows={3} errors={errors("comment")} /> : null}
    </>
  );
}

/** The workflow steps this user may take now, each a small form whose button says what happens. */
export function WorkflowPanel({ events, planRef, planVersion, base }: { events: WorkflowEvent[]; planRef: { districtSlug: string; year: number }; planVersion: number; base: string }) {
  const router = useRouter();
  if (events.length === 0) return null;
  return (
    <section aria-labelledby="workflow-heading" className="mb-8 border-2 border-brand p-4">
      <h2 id="workflow-heading" className="mb-2 text-xl font-bold">
        Nästa steg
      </h2>
      {events.map((event) => {
        if (event === "SUBMIT") {
          return (
            <p key={event} className="mb-2">
              <Link href={`${base}/submit`} className="font-semibold">
                Granska och skicka planen till styrgruppen
              </Link>
            </p>
          );
        }
        const step = STEPS[event];
        if (!step) return null;
        const idPrefix = `wf-${event.toLowerCase()}`;
        return (
          <div key={event} className="mb-4 border-t border-gray-300 pt-3">
            <h3 className="font-semibold">{EVENT_LABELS[event]}</h3>
            <p className="mb-2 text-sm">{step.intro}</p>
            <EditorForm action={step.action} idPrefix={idPrefix} hidden={{ ...planRef, planVersion }} submitLabel={EVENT_LABELS[event]} variant={step.variant} onDone={() => router.refresh()}>
              {(errors) => <StepFields fields={step.fields} errors={errors} idPrefix={idPrefix} />}
            </EditorForm>
          </div>
        );
      })}
    </section>
  );
}
