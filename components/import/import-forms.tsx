"use client";

import { applyImportAction, uploadImportAction } from "@/lib/actions/import";
import { EditorForm } from "@/components/plan/editor-form";

type PlanRef = { districtSlug: string; year: number };

/** Step 1: choose the file. The limits are stated before the user tries. */
export function UploadForm({ planRef, limits }: { planRef: PlanRef; limits: string }) {
  return (
    <EditorForm action={uploadImportAction} idPrefix="import" hidden={{ ...planRef }} submitLabel="Läs in och förhandsgranska">
      {(errors) => (
        <div className={`mb-4 ${errors("file") ? "border-l-4 border-danger pl-3" : ""}`}>
          <label htmlFor="import-file" className="block font-semibold">
            Excel-fil (.xlsx)
          </label>
          <p id="import-file-hint" className="text-sm text-muted">
            {limits}
          </p>
          {errors("file") ? (
            <p id="import-file-error" className="font-semibold text-danger">
              <span className="sr-only">Fel: </span>
              {errors("file")!.join(" ")}
            </p>
          ) : null}
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={`import-file-hint${errors("file") ? " import-file-error" : ""}`}
            aria-invalid={errors("file") ? true : undefined}
            className="mt-1 block"
          />
        </div>
      )}
    </EditorForm>
  );
}

/** Step 2: confirm the preview; the new own areas the user keeps are ticked in `children`. */
export function ApplyImportForm({ planRef, sessionId, label, children }: { planRef: PlanRef; sessionId: string; label: string; children?: React.ReactNode }) {
  return (
    <EditorForm action={applyImportAction} idPrefix="apply-import" hidden={{ ...planRef, sessionId }} submitLabel={label}>
      {() => children}
    </EditorForm>
  );
}
