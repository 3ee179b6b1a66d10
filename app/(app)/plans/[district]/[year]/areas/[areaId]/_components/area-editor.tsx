"use client";

import type { EditorArea, EditorCause, EditorMeasure, EditorProblem } from "@/lib/db/plans";
import type { SignatureRow } from "@/lib/db/signatures";
import { measureContentHash, needsPoliceSignature, signatureState } from "@/lib/domain/cosign";
import { SignatureTag } from "@/components/plan/signature-tag";
import { CosignForms } from "./cosign-forms";
import { Comments, type CommentView } from "@/components/workflow/comments";
import { formatDeadline } from "@/lib/domain/deadline";
import { formatParty } from "@/lib/domain/responsible";
import { createProblemAction, deleteProblemAction, moveProblemAction, updateProblemAction } from "@/lib/actions/problems";
import { createCauseAction, deleteCauseAction, moveCauseAction, updateCauseAction } from "@/lib/actions/causes";
import { createMeasureAction, deleteMeasureAction, moveMeasureAction, updateMeasureAction } from "@/lib/actions/measures";
import { createGoalAction, deleteGoalAction, moveGoalAction, updateGoalAction } from "@/lib/actions/goals";
import Link from "next/link";
import { Tag } from "@/components/ui/tag";
import { smartCheck, type SmartFlag } from "@/lib/domain/smart";
import { EVIDENCE_FIELDS, hasEvidence, knowledgeBankOf } from "@/lib/domain/evidence";
import { KIND_LABELS, TAG_LABELS } from "@/components/plan/texts";
import { AddItem, ChainItem, type PlanRef } from "./chain-item";
import { CauseFields, GoalFields, MeasureFields, ProblemFields } from "./fields";

/** Police signatures per measure, and whether this user may co-sign (police serving the district, plan open). */
type Common = {
  planRef: PlanRef;
  canEdit: boolean;
  signatures: Record<string, SignatureRow[]>;
  canCosign: boolean;
  comments: Record<string, CommentView[]>;
  canComment: boolean;
  /** Measures whose date has passed without their goals met. */
  overdue: string[];
  /** Where carried-over rows came from: origin id → last year's plan. */
  origins: Record<string, { year: number; href: string }>;
  /** Measures copied from another plan: measure id → where from ("Kopierad från Skärholmen 2025"). */
  copied: Record<string, { districtName: string; year: number; href: string }>;
};

const FLAG_LABELS: Record<SmartFlag["code"], string> = { NO_NUMBER: "Inget tal", NO_TIME: "Ingen tid", VAGUE_VERB: "Vag formulering" };

/** The SMART check of a goal, while editing: what is missing and a suggestion (never by colour alone). */
function SmartFlags({ flags }: { flags: SmartFlag[] }) {
  if (flags.length === 0) return null;
  return (
    <ul className="mt-1 space-y-1 pl-5 text-sm" data-testid="smart-flags">
      {flags.map((f) => (
        <li key={`${f.code}-${f.words ?? ""}`}>
          <Tag tone="warn">{FLAG_LABELS[f.code]}</Tag> {f.message} <span className="text-muted">{f.suggestion}</span>
        </li>
      ))}
    </ul>
  );
}

/** "från 2025": the link back to the row this one was carried over from. */
function Origin({ id, origins, what }: { id: string | null; origins: Common["origins"]; what: string }) {
  const origin = id ? origins[id] : undefined;
  if (!origin) return null;
  return (
    <Link href={origin.href} className="text-sm">
      från {origin.year}
      <span className="sr-only"> ({what} i åtgärdsplan {origin.year})</span>
    </Link>
  );
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The area as the spreadsheet reads it: each problem with its causes, their measures and their goals, nested. */
export function AreaEditor({ area, ...common }: Common & { area: EditorArea }) {
  const { planRef, canEdit } = common;
  return (
    <>
      {area.problems.length === 0 ? <p className="mb-4">Inga problem är inlagda i det här området ännu.</p> : null}
      <ol className="space-y-6">
        {area.problems.map((p, i) => (
          <li key={p.id}>
            <ProblemItem problem={p} number={`${i + 1}`} isFirst={i === 0} isLast={i === area.problems.length - 1} {...common} />
          </li>
        ))}
      </ol>
      {canEdit ? (
        <AddItem
          buttonLabel="Lägg till problem"
          idPrefix={`new-problem-${area.id}`}
          action={createProblemAction}
          hidden={{ ...planRef, areaId: area.id }}
          submitLabel="Spara problem"
          fields={(errors, idPrefix) => <ProblemFields errors={errors} idPrefix={idPrefix} />}
        />
      ) : null}
    </>
  );
}

function ProblemItem({ problem, number, isFirst, isLast, ...common }: Common & { problem: EditorProblem; number: string; isFirst: boolean; isLast: boolean }) {
  const { planRef, canEdit } = common;
  const measures = problem.causes.flatMap((c) => c.measures);
  const goals = measures.reduce((n, m) => n + m.goals.length, 0);
  return (
    <section aria-labelledby={`problem-${problem.id}-title`} className="border-2 border-gray-700 p-4">
      <ChainItem
        anchor={`problem-${problem.id}`}
        label={`Problem ${number}`}
        headingLevel={3}
        planRef={planRef}
        id={problem.id}
        version={problem.version}
        canEdit={canEdit}
        isFirst={isFirst}
        isLast={isLast}
        updateAction={updateProblemAction}
        deleteAction={deleteProblemAction}
        moveAction={moveProblemAction}
        deleteWarning={`Vill du ta bort problem ${number}? Det tar också bort ${plural(problem.causes.length, "orsak", "orsaker")}, ${plural(measures.length, "åtgärd", "åtgärder")} och ${plural(goals, "mål", "mål")}.`}
        fields={(errors, idPrefix) => <ProblemFields errors={errors} idPrefix={idPrefix} value={problem} />}
        view={
          <>
            <h3 id={`problem-${problem.id}-title`} className="text-lg font-bold">
              Problem {number}
              {problem.collectiveName ? <span className="font-normal"> – {problem.collectiveName}</span> : null}
            </h3>
            <p className="prose-cell">{problem.description}</p>
            <Origin id={problem.carriedFromId} origins={common.origins} what="problemet" />
          </>
        }
      >
        <ol className="mt-3 space-y-4 border-l-4 border-gray-300 pl-4">
          {problem.causes.map((c, i) => (
            <li key={c.id}>
              <CauseItem cause={c} number={`${number}.${i + 1}`} isFirst={i === 0} isLast={i === problem.causes.length - 1} {...common} />
            </li>
          ))}
        </ol>
        {problem.causes.length === 0 ? <p className="mt-2 text-sm"><Tag tone="warn">Saknar orsak</Tag></p> : null}
        {canEdit ? (
          <AddItem
            buttonLabel={`Lägg till orsak till problem ${number}`}
            idPrefix={`new-cause-${problem.id}`}
            action={createCauseAction}
            hidden={{ ...planRef, problemId: problem.id }}
            submitLabel="Spara orsak"
            fields={(errors, idPrefix) => <CauseFields errors={errors} idPrefix={idPrefix} />}
          />
        ) : null}
      </ChainItem>
    </section>
  );
}

function CauseItem({ cause, number, isFirst, isLast, ...common }: Common & { cause: EditorCause; number: string; isFirst: boolean; isLast: boolean }) {
  const { planRef, canEdit } = common;
  const goals = cause.measures.reduce((n, m) => n + m.goals.length, 0);
  return (
    <ChainItem
      anchor={`cause-${cause.id}`}
      label={`Orsak ${number}`}
      headingLevel={4}
      planRef={planRef}
      id={cause.id}
      version={cause.version}
      canEdit={canEdit}
      isFirst={isFirst}
      isLast={isLast}
      updateAction={updateCauseAction}
      deleteAction={deleteCauseAction}
      moveAction={moveCauseAction}
      deleteWarning={`Vill du ta bort orsak ${number}? Det tar också bort ${plural(cause.measures.length, "åtgärd", "åtgärder")} och ${plural(goals, "mål", "mål")}.`}
      fields={(errors, idPrefix) => <CauseFields errors={errors} idPrefix={idPrefix} value={cause} />}
      view={
        <>
          <h4 className="font-bold">Orsak {number}</h4>
          <p className="prose-cell">{cause.description}</p>
          <Origin id={cause.carriedFromId} origins={common.origins} what="orsaken" />
        </>
      }
    >
      <ol className="mt-3 space-y-4 border-l-4 border-gray-300 pl-4">
        {cause.measures.map((m, i) => (
          <li key={m.id}>
            <MeasureItem measure={m} number={`${number}.${i + 1}`} isFirst={i === 0} isLast={i === cause.measures.length - 1} {...common} />
          </li>
        ))}
      </ol>
      {cause.measures.length === 0 ? <p className="mt-2 text-sm"><Tag tone="warn">Saknar åtgärd</Tag></p> : null}
      {canEdit ? (
        <AddItem
          buttonLabel={`Lägg till åtgärd till orsak ${number}`}
          idPrefix={`new-measure-${cause.id}`}
          action={createMeasureAction}
          hidden={{ ...planRef, causeId: cause.id }}
          submitLabel="Spara åtgärd"
          fields={(errors, idPrefix) => <MeasureFields errors={errors} idPrefix={idPrefix} />}
        />
      ) : null}
    </ChainItem>
  );
}

/** The evidence written for a measure (EMMIE), read-only. */
function EvidenceView({ evidence }: { evidence: EditorMeasure["evidence"] }) {
  if (!hasEvidence(evidence)) return null;
  return (
    <details className="mt-2 text-sm" data-testid="evidence">
      <summary className="cursor-pointer font-semibold">Kunskapsunderlag</summary>
      <dl className="mt-1 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
        {EVIDENCE_FIELDS.filter((f) => evidence[f.name]).map((f) => (
          <div key={f.name} className="contents">
            <dt className="font-semibold">{f.label}</dt>
            <dd className="prose-cell">{evidence[f.name]}</dd>
          </div>
        ))}
        {evidence.evidenceLinks.length > 0 ? (
          <>
            <dt className="font-semibold">Länkar</dt>
            <dd>
              <ul>
                {evidence.evidenceLinks.map((l) => (
                  <li key={l}>
                    <a href={l} target="_blank" rel="noreferrer" className="inline-block min-h-6 py-0.5">
                      {knowledgeBankOf(l) ?? l}
                      <span className="sr-only"> (öppnas i ny flik)</span>
                    </a>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
    </details>
  );
}

function MeasureItem({ measure, number, isFirst, isLast, planRef, canEdit, signatures, canCosign, comments, canComment, overdue, origins, copied }: Common & { measure: EditorMeasure; number: string; isFirst: boolean; isLast: boolean }) {
  return (
    <ChainItem
      anchor={`measure-${measure.id}`}
      label={`Åtgärd ${number}`}
      headingLevel={5}
      planRef={planRef}
      id={measure.id}
      version={measure.version}
      canEdit={canEdit}
      isFirst={isFirst}
      isLast={isLast}
      updateAction={updateMeasureAction}
      deleteAction={deleteMeasureAction}
      moveAction={moveMeasureAction}
      deleteWarning={`Vill du ta bort åtgärd ${number}? Det tar också bort ${plural(measure.goals.length, "mål", "mål")}.`}
      fields={(errors, idPrefix) => <MeasureFields errors={errors} idPrefix={idPrefix} value={measure} />}
      view={
        <div className="bg-gray-50 p-3">
          <h5 className="font-bold">Åtgärd {number}</h5>
          <p className="prose-cell">{measure.description}</p>
          <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
            <dt className="font-semibold">När</dt>
            <dd>{measure.deadline.kind === "NONE" && !measure.deadline.note ? <Tag tone="warn">Saknas</Tag> : formatDeadline(measure.deadline)}</dd>
            <dt className="font-semibold">Vem</dt>
            <dd>{measure.responsibleParties.length ? measure.responsibleParties.map(formatParty).join("; ") : <Tag tone="warn">Saknas</Tag>}</dd>
            {measure.kind ? (
              <>
                <dt className="font-semibold">Typ</dt>
                <dd>{KIND_LABELS[measure.kind]}</dd>
              </>
            ) : null}
          </dl>
          <p className="mt-2 flex flex-wrap items-center gap-2">
            {measure.confidential ? <Tag tone="warn">Sekretess</Tag> : null}
            {overdue.includes(measure.id) ? <Tag tone="warn">Försenad</Tag> : null}
            <Origin id={measure.carriedFromId} origins={origins} what="åtgärden" />
            {copied[measure.id] ? (
              <Link href={copied[measure.id]!.href} className="text-sm" data-testid="copied-from">
                Kopierad från {copied[measure.id]!.districtName} {copied[measure.id]!.year}
              </Link>
            ) : null}
            {measure.withPolice ? <Tag tone="info">Med polisen</Tag> : null}
            {measure.youthStrategy ? <Tag>{TAG_LABELS.youthStrategy}</Tag> : null}
            {measure.violentExtremism ? <Tag>VBE</Tag> : null}
            <SignatureTag measure={measure} signatures={signatures[measure.id] ?? []} />
          </p>
          {canCosign && needsPoliceSignature(measure) && signatureState(measure, signatures[measure.id] ?? []).state !== "SIGNED" ? (
            <CosignForms planRef={planRef} measureId={measure.id} contentHash={measureContentHash(measure)} label={`Åtgärd ${number}`} />
          ) : null}
          <EvidenceView evidence={measure.evidence} />
          <p className="mt-2 text-sm">
            <Link href={`/search/similar/${measure.id}`}>
              Liknande åtgärder i andra stadsdelsområden<span className="sr-only"> (åtgärd {number})</span>
            </Link>
          </p>
          <Comments planRef={planRef} measureId={measure.id} comments={comments[measure.id] ?? []} canComment={canComment} label={`om åtgärd ${number}`} />
        </div>
      }
    >
      <div className="mt-2 pl-4">
        <h6 className="font-semibold">Operativa mål</h6>
        {measure.goals.length === 0 ? (
          <p className="text-sm"><Tag tone="warn">Saknar mål</Tag></p>
        ) : (
          <ol className="space-y-2">
            {measure.goals.map((g, i) => (
              <li key={g.id}>
                <ChainItem
                  anchor={`goal-${g.id}`}
                  label={`Mål ${i + 1} för åtgärd ${number}`}
                  planRef={planRef}
                  id={g.id}
                  version={g.version}
                  canEdit={canEdit}
                  isFirst={i === 0}
                  isLast={i === measure.goals.length - 1}
                  updateAction={updateGoalAction}
                  deleteAction={deleteGoalAction}
                  moveAction={moveGoalAction}
                  deleteWarning={`Vill du ta bort mål ${i + 1}?`}
                  fields={(errors, idPrefix) => <GoalFields errors={errors} idPrefix={idPrefix} value={g} />}
                  view={
                    <p className="prose-cell">
                      <span className="font-semibold">{i + 1})</span> {g.description}
                      {g.targetValue !== null ? (
                        <span className="text-sm text-muted"> (målvärde {g.targetValue.toLocaleString("sv-SE")}{g.targetUnit ? ` ${g.targetUnit}` : ""})</span>
                      ) : null}{" "}
                      <Origin id={g.carriedFromId} origins={origins} what="målet" />
                      {g.qualitative ? <span className="ml-2 text-sm">(kvalitativt mål)</span> : null}
                    </p>
                  }
                />
                <SmartFlags flags={smartCheck(g, { measureDeadline: measure.deadline })} />
              </li>
            ))}
          </ol>
        )}
        {canEdit ? (
          <AddItem
            buttonLabel={`Lägg till mål till åtgärd ${number}`}
            idPrefix={`new-goal-${measure.id}`}
            action={createGoalAction}
            hidden={{ ...planRef, measureId: measure.id }}
            submitLabel="Spara mål"
            fields={(errors, idPrefix) => <GoalFields errors={errors} idPrefix={idPrefix} />}
          />
        ) : null}
      </div>
    </ChainItem>
  );
}
