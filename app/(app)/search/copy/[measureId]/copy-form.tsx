"use client";

import { copyMeasureAction } from "@/lib/actions/library";
import { EditorForm } from "@/components/plan/editor-form";

export type CauseGroup = { label: string; causes: { id: string; label: string }[] };

/** Step 2 of copying: which cause of the chosen plan the measure goes under. */
export function CopyForm({ planRef, sourceId, groups, suggested }: { planRef: { districtSlug: string; year: number }; sourceId: string; groups: CauseGroup[]; suggested: string | null }) {
  return (
    <EditorForm action={copyMeasureAction} idPrefix="copy" hidden={{ ...planRef, sourceId }} submitLabel="Kopiera åtgärden">
      {(errors) => (
        <div className={`mb-4 max-w-3xl ${errors("causeId") ? "border-l-4 border-danger pl-3" : ""}`}>
          <label htmlFor="copy-causeId" className="block font-semibold">
            Under vilken orsak?
          </label>
          <p id="copy-causeId-hint" className="text-sm text-muted">
            En åtgärd ska verka på en orsak i er egen plan. Orsakerna står under sitt område och problem.
          </p>
          {errors("causeId") ? (
            <p id="copy-causeId-error" className="font-semibold text-danger">
              <span className="sr-only">Fel: </span>
              {errors("causeId")!.join(" ")}
            </p>
          ) : null}
          <select
            id="copy-causeId"
            name="causeId"
            defaultValue={suggested ?? ""}
            aria-describedby={`copy-causeId-hint${errors("causeId") ? " copy-causeId-error" : ""}`}
            aria-invalid={errors("causeId") ? true : undefined}
            className="mt-1 w-full border-2 border-gray-700 bg-white px-2 py-1"
          >
            <option value="">Välj orsak</option>
            {groups.map((g) => (
              <optgroup key={g.label} label={g.label}>
                {g.causes.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
      )}
    </EditorForm>
  );
}
