"use client";

import { useState } from "react";
import { createAreaAction } from "@/lib/actions/areas";
import { EditorForm } from "@/components/plan/editor-form";
import { TextInput } from "@/components/ui/field";

/** "[Eget prioriterat område]": an area the district and its police area agreed on themselves. */
export function AddAreaForm({ districtSlug, year }: { districtSlug: string; year: number }) {
  const [formKey, setFormKey] = useState(0);
  return (
    <section aria-labelledby="add-area-heading" className="max-w-xl">
      <h2 id="add-area-heading" className="mb-2 text-xl font-bold">
        Lägg till eget prioriterat område
      </h2>
      <EditorForm key={formKey} action={createAreaAction} idPrefix="new-area" hidden={{ districtSlug, year }} submitLabel="Lägg till område" onDone={() => setFormKey((k) => k + 1)}>
        {(errors) => (
          <TextInput id="new-area-name" name="name" label="Områdets namn" hint="Om stadsdelsområdet och lokalpolisområdet har enats om fler samverkansområden än de fem centrala." errors={errors("name")} />
        )}
      </EditorForm>
    </section>
  );
}
