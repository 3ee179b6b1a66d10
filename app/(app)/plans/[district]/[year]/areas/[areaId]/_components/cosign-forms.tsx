"use client";

import { useState } from "react";
import { declineMeasureAction, signMeasureAction } from "@/lib/actions/cosign";
import { EditorForm } from "@/components/plan/editor-form";
import { TextArea } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import type { PlanRef } from "./chain-item";

/** The police sign a measure as it reads now (its content hash goes along), or decline it with a comment. */
export function CosignForms({ planRef, measureId, contentHash, label }: { planRef: PlanRef; measureId: string; contentHash: string; label: string }) {
  const [declining, setDeclining] = useState(false);
  const hidden = { ...planRef, measureId, contentHash };
  return (
    <div className="mt-2 border-l-4 border-brand pl-3" role="group" aria-label={`Polisens underskrift för ${label.toLowerCase()}`}>
      <EditorForm action={signMeasureAction} idPrefix={`sign-${measureId}`} hidden={hidden} submitLabel={`Signera ${label.toLowerCase()}`} />
      {declining ? (
        <EditorForm action={declineMeasureAction} idPrefix={`decline-${measureId}`} hidden={hidden} submitLabel="Avböj med kommentar" variant="secondary" onDone={() => setDeclining(false)} onCancel={() => setDeclining(false)}>
          {(errors) => <TextArea id={`decline-${measureId}-comment`} name="comment" label="Varför kan polisen inte ställa sig bakom åtgärden?" rows={3} errors={errors("comment")} />}
        </EditorForm>
      ) : (
        <Button variant="link" className="text-sm" onClick={() => setDeclining(true)}>
          Avböj<span className="sr-only"> {label.toLowerCase()}</span>
        </Button>
      )}
    </div>
  );
}
