"use client";

import { GOAL_STATUSES, GOAL_STATUS_LABELS, MEASURE_FOLLOW_UP_HELP, type GoalStatus, type RoundKind } from "@/lib/domain/follow-up";
import { saveMeasureFollowUpAction } from "@/lib/actions/follow-up";
import { EditorForm } from "@/components/plan/editor-form";
import { TextArea, TextInput } from "@/components/ui/field";

export type GoalFollowUpValue = {
  id: string;
  label: string;
  description: string;
  targetValue: number | null;
  targetUnit: string | null;
  status: GoalStatus | null;
  outcomeValue: number | null;
  comment: string | null;
  version: number;
};

const num = (n: number | null) => (n === null ? "" : n.toString().replace(".", ","));

/**
 * One measure's follow-up in a round: what was done (text) and, for the strategist, each goal's
 * status, outcome and comment. Versions go along so that two writers never overwrite each other.
 */
export function MeasureFollowUpForm({
  planRef,
  round,
  measureId,
  measureLabel,
  text,
  textVersion,
  goals,
  assessGoals,
}: {
  planRef: { districtSlug: string; year: number };
  round: RoundKind;
  measureId: string;
  measureLabel: string;
  text: string;
  textVersion: number;
  goals: GoalFollowUpValue[];
  assessGoals: boolean;
}) {
  const prefix = `fu-${measureId}`;
  const hidden: Record<string, string | number> = { ...planRef, round, measureId, textVersion };
  if (assessGoals) goals.forEach((g, i) => Object.assign(hidden, { [`goals.${i}.id`]: g.id, [`goals.${i}.version`]: g.version }));
  return (
    <EditorForm action={saveMeasureFollowUpAction} idPrefix={prefix} hidden={hidden} submitLabel={`Spara uppföljning av ${measureLabel.toLowerCase()}`} savedMessage="Uppföljningen är sparad.">
      {(errors) => (
        <>
          <TextArea id={`${prefix}-text`} name="text" label={`Uppföljning av ${measureLabel.toLowerCase()}`} hint={MEASURE_FOLLOW_UP_HELP} rows={4} defaultValue={text} errors={errors("text")} />
          {assessGoals
            ? goals.map((g, i) => (
                <fieldset key={g.id} id={`goal-${g.id}`} className="mb-4 border-l-4 border-gray-300 pl-3">
                  <legend className="font-semibold">
                    {g.label}: {g.description}
                  </legend>
                  <div role="radiogroup" id={`${prefix}-goals-${i}-status`} tabIndex={-1} aria-label={`Status för ${g.label.toLowerCase()}`} className="mb-2 flex flex-wrap gap-x-6 gap-y-1">
                    {GOAL_STATUSES.map((s) => (
                      <label key={s} className="inline-flex items-center gap-2">
                        <input type="radio" name={`goals.${i}.status`} value={s} defaultChecked={g.status === s} className="h-5 w-5" />
                        {GOAL_STATUS_LABELS[s]}
                      </label>
                    ))}
                    <label className="inline-flex items-center gap-2">
                      <input type="radio" name={`goals.${i}.status`} value="" defaultChecked={g.status === null} className="h-5 w-5" />
                      Ingen status ännu
                    </label>
                  </div>
                  {errors(`goals.${i}.status`) ? <p className="font-semibold text-danger">{errors(`goals.${i}.status`)}</p> : null}
                  <div className="grid gap-x-4 sm:grid-cols-2">
                    {g.targetValue !== null ? (
                      <TextInput
                        id={`${prefix}-goals-${i}-outcome`}
                        name={`goals.${i}.outcome`}
                        label={`Utfall (mål: ${num(g.targetValue)}${g.targetUnit ? ` ${g.targetUnit}` : ""})`}
                        optional
                        inputMode="decimal"
                        defaultValue={num(g.outcomeValue)}
                        errors={errors(`goals.${i}.outcome`)}
                      />
                    ) : null}
                    <TextInput id={`${prefix}-goals-${i}-comment`} name={`goals.${i}.comment`} label="Kommentar om målet" optional defaultValue={g.comment ?? ""} errors={errors(`goals.${i}.comment`)} />
                  </div>
                </fieldset>
              ))
            : null}
        </>
      )}
    </EditorForm>
  );
}
