"use client";

import { useActionState } from "react";
import { createPlanAction } from "@/lib/actions/plans";
import { Button } from "@/components/ui/button";

export function CreatePlanForm({ districtSlug, districtName, suggestedYear }: { districtSlug: string; districtName: string; suggestedYear: number }) {
  const [state, action, pending] = useActionState(createPlanAction, null);
  const id = `create-plan-${districtSlug}`;
  const error = state && !state.ok ? (state.fieldErrors?.year?.[0] ?? state.message) : null;
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="districtSlug" value={districtSlug} />
      <div>
        <label htmlFor={`${id}-year`} className="block text-sm font-semibold">
          År<span className="sr-only"> för ny plan i {districtName}</span>
        </label>
        <input
          id={`${id}-year`}
          name="year"
          inputMode="numeric"
          defaultValue={suggestedYear}
          size={6}
          aria-describedby={error ? `${id}-error` : undefined}
          aria-invalid={error ? true : undefined}
          className="border-2 border-gray-700 px-2 py-1"
        />
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        Skapa plan<span className="sr-only"> för {districtName}</span>
      </Button>
      {error ? (
        <p id={`${id}-error`} role="alert" className="w-full font-semibold text-danger">
          {error}
        </p>
      ) : null}
    </form>
  );
}
