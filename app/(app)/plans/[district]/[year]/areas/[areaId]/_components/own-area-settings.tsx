"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { deleteAreaAction, renameAreaAction } from "@/lib/actions/areas";
import { EditorForm } from "@/components/plan/editor-form";
import { TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import type { PlanRef } from "./chain-item";

/** Rename or remove one of the district's own areas (removal only when it is empty). */
export function OwnAreaSettings({ planRef, area }: { planRef: PlanRef; area: { id: string; name: string; version: number; empty: boolean } }) {
  const [mode, setMode] = useState<"none" | "rename" | "delete">("none");
  const router = useRouter();
  const hidden = { ...planRef, areaId: area.id, version: area.version };
  return (
    <div className="mb-4">
      {mode === "none" ? (
        <div className="flex gap-2">
          <Button variant="secondary" className="text-sm" onClick={() => setMode("rename")}>Byt namn på området</Button>
          {area.empty ? <Button variant="secondary" className="text-sm" onClick={() => setMode("delete")}>Ta bort området</Button> : null}
        </div>
      ) : null}
      {mode === "rename" ? (
        <EditorForm action={renameAreaAction} idPrefix="area-rename" hidden={hidden} submitLabel="Spara namn" onDone={() => setMode("none")} onCancel={() => setMode("none")}>
          {(errors) => <TextInput id="area-rename-name" name="name" label="Områdets namn" defaultValue={area.name} errors={errors("name")} />}
        </EditorForm>
      ) : null}
      {mode === "delete" ? (
        <div className="border-l-4 border-danger bg-red-50 p-3">
          <p className="font-semibold">Vill du ta bort området ”{area.name}”?</p>
          <EditorForm
            action={deleteAreaAction}
            idPrefix="area-delete"
            hidden={hidden}
            submitLabel="Ja, ta bort området"
            variant="danger"
            onDone={() => router.push(`/plans/${planRef.districtSlug}/${planRef.year}`)}
            onCancel={() => setMode("none")}
          />
        </div>
      ) : null}
    </div>
  );
}
