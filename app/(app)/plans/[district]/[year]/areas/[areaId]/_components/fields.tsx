"use client";

import { useState } from "react";
import type { Deadline, MeasureKind, ResponsibleParty } from "@/lib/domain/types";
import { TextArea, TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import type { FieldErrors } from "@/components/plan/editor-form";
import { HELP, KIND_LABELS, TAG_LABELS } from "@/components/plan/texts";
import { EVIDENCE_FIELDS, KNOWLEDGE_BANKS, MAX_EVIDENCE_LINKS, hasEvidence, type Evidence } from "@/lib/domain/evidence";

// The fields of each level's form; names match the zod schemas in lib/validation/chain.ts.

export function ProblemFields({ errors, idPrefix, value }: { errors: FieldErrors; idPrefix: string; value?: { collectiveName: string | null; description: string } }) {
  return (
    <>
      <TextInput id={`${idPrefix}-collectiveName`} name="collectiveName" label="Samlingsnamn" optional hint={HELP.collectiveName} defaultValue={value?.collectiveName ?? ""} errors={errors("collectiveName")} />
      <TextArea id={`${idPrefix}-description`} name="description" label="Problem" hint={HELP.problem} defaultValue={value?.description ?? ""} errors={errors("description")} />
    </>
  );
}

export function CauseFields({ errors, idPrefix, value }: { errors: FieldErrors; idPrefix: string; value?: { description: string } }) {
  return <TextArea id={`${idPrefix}-description`} name="description" label="Orsak" hint={HELP.cause} defaultValue={value?.description ?? ""} errors={errors("description")} />;
}

export function GoalFields({ errors, idPrefix, value }: { errors: FieldErrors; idPrefix: string; value?: { description: string; targetValue: number | null; targetUnit: string | null; qualitative?: boolean } }) {
  return (
    <>
      <TextArea id={`${idPrefix}-description`} name="description" label="Operativt mål" hint={HELP.goal} rows={3} defaultValue={value?.description ?? ""} errors={errors("description")} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextInput id={`${idPrefix}-targetValue`} name="targetValue" label="Målvärde" optional inputMode="decimal" hint={HELP.targetValue} defaultValue={value?.targetValue?.toString().replace(".", ",") ?? ""} errors={errors("targetValue")} />
        <TextInput id={`${idPrefix}-targetUnit`} name="targetUnit" label="Enhet" optional hint="Till exempel gånger, %, träffar/år." defaultValue={value?.targetUnit ?? ""} errors={errors("targetUnit")} />
      </div>
      <label className="mb-4 flex items-start gap-2">
        <input type="checkbox" name="qualitative" defaultChecked={value?.qualitative} className="mt-1 h-5 w-5" />
        <span>
          <span className="font-semibold">Kvalitativt mål</span>
          <span className="block text-sm text-muted">Kryssa i om målet medvetet inte mäts med ett tal och en tid. Kvalitetskontrollen frågar då bara efter vaga formuleringar.</span>
        </span>
      </label>
    </>
  );
}

export type MeasureValue = {
  description: string;
  kind: MeasureKind | null;
  withPolice: boolean;
  deadline: Deadline;
  responsibleParties: ResponsibleParty[];
  youthStrategy: boolean;
  violentExtremism: boolean;
  confidential?: boolean;
  evidence?: Evidence;
};

export function MeasureFields({ errors, idPrefix, value }: { errors: FieldErrors; idPrefix: string; value?: MeasureValue }) {
  const [deadlineKind, setDeadlineKind] = useState<"DATE" | "ONGOING" | "">(value?.deadline.kind === "NONE" ? "" : (value?.deadline.kind ?? ""));
  const [parties, setParties] = useState<{ key: number; organisation: string; role: string }[]>(() => {
    const initial = value?.responsibleParties.length ? value.responsibleParties : [{ organisation: "", role: null }];
    return initial.map((p, key) => ({ key, organisation: p.organisation, role: p.role ?? "" }));
  });
  const [nextKey, setNextKey] = useState(parties.length);
  const note = value?.deadline.kind === "NONE" ? value.deadline.note : undefined;

  return (
    <>
      <TextArea id={`${idPrefix}-description`} name="description" label="Åtgärd" hint={HELP.measure} rows={5} defaultValue={value?.description ?? ""} errors={errors("description")} />

      <fieldset className="mb-4" aria-describedby={`${idPrefix}-kind-hint`}>
        <legend className="font-semibold">Typ av åtgärd (frivilligt)</legend>
        <p id={`${idPrefix}-kind-hint`} className="text-sm text-muted">{HELP.kind}</p>
        {(["ONE_OFF", "ONGOING_WORK"] as const).map((k) => (
          <label key={k} className="mr-6 inline-flex items-center gap-2">
            <input type="radio" name="kind" value={k} defaultChecked={value?.kind === k} className="h-5 w-5" />
            {KIND_LABELS[k]}
          </label>
        ))}
      </fieldset>

      <label className="mb-4 flex items-start gap-2">
        <input type="checkbox" name="withPolice" defaultChecked={value?.withPolice} className="mt-1 h-5 w-5" />
        <span>
          <span className="font-semibold">Genomförs med polisen</span>
          <span className="block text-sm text-muted">{HELP.withPolice}</span>
        </span>
      </label>

      <fieldset className={`mb-4 ${errors("deadlineDate") ? "border-l-4 border-danger pl-3" : ""}`} aria-describedby={`${idPrefix}-deadline-hint`}>
        <legend className="font-semibold">När</legend>
        <p id={`${idPrefix}-deadline-hint`} className="text-sm text-muted">
          {HELP.deadline}
          {note ? ` I den importerade planen stod det: ”${note}”.` : ""}
        </p>
        <label className="mr-6 inline-flex items-center gap-2">
          <input type="radio" name="deadlineKind" value="DATE" checked={deadlineKind === "DATE"} onChange={() => setDeadlineKind("DATE")} className="h-5 w-5" />
          Senast ett datum
        </label>
        <label className="inline-flex items-center gap-2">
          <input type="radio" name="deadlineKind" value="ONGOING" checked={deadlineKind === "ONGOING"} onChange={() => setDeadlineKind("ONGOING")} className="h-5 w-5" />
          Linjearbete (löpande)
        </label>
        {deadlineKind === "DATE" ? (
          <div className="mt-2 max-w-xs">
            <TextInput id={`${idPrefix}-deadlineDate`} name="deadlineDate" type="date" label="Datum" defaultValue={value?.deadline.kind === "DATE" ? value.deadline.date : ""} errors={errors("deadlineDate")} />
          </div>
        ) : null}
      </fieldset>

      <fieldset className="mb-4">
        <legend className="font-semibold">Vem – ansvariga</legend>
        <p className="text-sm text-muted">{HELP.responsible}</p>
        {parties.map((p, i) => (
          <div key={p.key} className="mt-2 grid items-end gap-x-3 sm:grid-cols-[1fr_1fr_auto]">
            <TextInput id={`${idPrefix}-responsible-${i}-organisation`} name={`responsible.${i}.organisation`} label={`Organisation ${i + 1}`} defaultValue={p.organisation} errors={errors(`responsible.${i}.organisation`)} placeholder="t.ex. Stadsdelsförvaltningen" />
            <TextInput id={`${idPrefix}-responsible-${i}-role`} name={`responsible.${i}.role`} label={`Roll ${i + 1}`} optional defaultValue={p.role} errors={errors(`responsible.${i}.role`)} placeholder="t.ex. Avdelningschef IoF" />
            <Button variant="link" className="mb-5" onClick={() => setParties(parties.filter((x) => x.key !== p.key))} disabled={parties.length === 1}>
              Ta bort<span className="sr-only"> ansvarig {i + 1}</span>
            </Button>
          </div>
        ))}
        {errors("responsible") ? <p className="font-semibold text-danger">{errors("responsible")?.join(" ")}</p> : null}
        <Button
          variant="secondary"
          className="text-sm"
          onClick={() => {
            setParties([...parties, { key: nextKey, organisation: "", role: "" }]);
            setNextKey(nextKey + 1);
          }}
        >
          Lägg till ansvarig
        </Button>
      </fieldset>

      <fieldset className="mb-4">
        <legend className="font-semibold">Åtgärden bidrar till (frivilligt)</legend>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="youthStrategy" defaultChecked={value?.youthStrategy} className="h-5 w-5" />
          {TAG_LABELS.youthStrategy}
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="violentExtremism" defaultChecked={value?.violentExtremism} className="h-5 w-5" />
          {TAG_LABELS.violentExtremism}
        </label>
      </fieldset>

      <label className="mb-4 flex items-start gap-2">
        <input type="checkbox" name="confidential" defaultChecked={value?.confidential} className="mt-1 h-5 w-5" />
        <span>
          <span className="font-semibold">Sekretess</span>
          <span className="block text-sm text-muted">{HELP.confidential}</span>
        </span>
      </label>

      <EvidenceFields errors={errors} idPrefix={idPrefix} value={value?.evidence} />
    </>
  );
}

/** Evidence after EMMIE (lib/domain/evidence.ts), folded away unless something is written or wrong. */
function EvidenceFields({ errors, idPrefix, value }: { errors: FieldErrors; idPrefix: string; value?: Evidence }) {
  const names = [...EVIDENCE_FIELDS.map((f) => f.name), "evidenceLinks"] as const;
  const open = (value ? hasEvidence(value) : false) || names.some((n) => errors(n));
  return (
    <details className="mb-4 border-l-4 border-gray-400 pl-3" open={open}>
      <summary className="cursor-pointer font-semibold">Kunskapsunderlag (frivilligt)</summary>
      <p className="mb-3 text-sm text-muted">{HELP.evidence}</p>
      {EVIDENCE_FIELDS.map((f) => (
        <TextArea
          key={f.name}
          id={`${idPrefix}-${f.name}`}
          name={f.name}
          label={f.label}
          optional
          hint={f.hint}
          rows={f.name === "evidenceEconomy" ? 1 : 3}
          defaultValue={value?.[f.name] ?? ""}
          errors={errors(f.name)}
        />
      ))}
      <TextArea
        id={`${idPrefix}-evidenceLinks`}
        name="evidenceLinks"
        label="Länkar till kunskapsbanker"
        optional
        hint={`En webbadress per rad, högst ${MAX_EVIDENCE_LINKS}.`}
        rows={3}
        defaultValue={value?.evidenceLinks.join("\n") ?? ""}
        errors={errors("evidenceLinks")}
      />
      <p className="text-sm font-semibold">Kunskapsbanker</p>
      <ul className="mb-2 list-disc pl-5 text-sm">
        {KNOWLEDGE_BANKS.map((b) => (
          <li key={b.url}>
            <a href={b.url} target="_blank" rel="noreferrer" className="inline-block min-h-6 py-0.5">
              {b.name}
              <span className="sr-only"> (öppnas i ny flik)</span>
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
