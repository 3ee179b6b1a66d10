"use client";

import { useCallback, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { EditorForm, type EditorAction, type FieldErrors } from "@/components/plan/editor-form";

export type PlanRef = { districtSlug: string; year: number };

/**
 * One row of the chain (a problem, cause, measure or goal): shows it, and for an editor offers
 * Ändra (inline form), Flytta upp/ner and Ta bort (with a confirmation that says what goes with it).
 */
export function ChainItem({
  anchor,
  label,
  headingLevel,
  planRef,
  id,
  version,
  canEdit,
  isFirst,
  isLast,
  updateAction,
  deleteAction,
  moveAction,
  deleteWarning,
  view,
  fields,
  children,
}: {
  anchor: string;
  label: string;
  /** The level of the heading the view shows; the edit form gets a heading at the same level. */
  headingLevel?: 3 | 4 | 5;
  planRef: PlanRef;
  id: string;
  version: number;
  canEdit: boolean;
  isFirst: boolean;
  isLast: boolean;
  updateAction: EditorAction;
  deleteAction: EditorAction;
  moveAction: EditorAction;
  deleteWarning: string;
  view: React.ReactNode;
  fields: (errors: FieldErrors, idPrefix: string) => React.ReactNode;
  children?: React.ReactNode;
}) {
  const [mode, setMode] = useState<"view" | "edit" | "delete">("view");
  const editButton = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => {
    setMode("view");
    requestAnimationFrame(() => editButton.current?.focus());
  }, []);
  const idPrefix = `${anchor}-edit`;

  return (
    <div id={anchor} tabIndex={-1} className="scroll-mt-4">
      {mode === "edit" && headingLevel ? <EditHeading level={headingLevel}>Ändra {label.toLowerCase()}</EditHeading> : null}
      {mode === "edit" ? (
        <EditorForm
          action={updateAction}
          idPrefix={idPrefix}
          hidden={{ ...planRef, id, version }}
          submitLabel={`Spara ${label.toLowerCase()}`}
          onDone={close}
          onCancel={close}
        >
          {(errors) => fields(errors, idPrefix)}
        </EditorForm>
      ) : (
        view
      )}
      {mode === "delete" ? (
        <div role="group" aria-label={`Ta bort ${label.toLowerCase()}`} className="my-2 border-l-4 border-danger bg-red-50 p-3">
          <p className="mb-2 font-semibold">{deleteWarning}</p>
          <EditorForm
            action={deleteAction}
            idPrefix={`${anchor}-delete`}
            hidden={{ ...planRef, id, version }}
            submitLabel="Ja, ta bort"
            variant="danger"
            onCancel={close}
          />
        </div>
      ) : null}
      {canEdit && mode === "view" ? (
        <div className="mt-1 flex flex-wrap gap-1 text-sm">
          <Button ref={editButton} variant="link" onClick={() => setMode("edit")}>
            Ändra<span className="sr-only"> {label.toLowerCase()}</span>
          </Button>
          <MoveButton action={moveAction} planRef={planRef} id={id} direction="up" disabled={isFirst} label={label} />
          <MoveButton action={moveAction} planRef={planRef} id={id} direction="down" disabled={isLast} label={label} />
          <Button variant="link" className="text-danger" onClick={() => setMode("delete")}>
            Ta bort<span className="sr-only"> {label.toLowerCase()}</span>
          </Button>
        </div>
      ) : null}
      {children}
    </div>
  );
}

function EditHeading({ level, children }: { level: 3 | 4 | 5; children: React.ReactNode }) {
  const Tag = `h${level}` as const;
  return <Tag className="font-bold">{children}</Tag>;
}

function MoveButton({ action, planRef, id, direction, disabled, label }: { action: EditorAction; planRef: PlanRef; id: string; direction: "up" | "down"; disabled: boolean; label: string }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (disabled) return null;
  async function move() {
    const fd = new FormData();
    fd.set("districtSlug", planRef.districtSlug);
    fd.set("year", String(planRef.year));
    fd.set("id", id);
    fd.set("direction", direction);
    setPending(true);
    const res = await action(null, fd);
    setPending(false);
    setError(res.ok ? null : res.message);
  }
  return (
    <>
      <Button variant="link" onClick={move} disabled={pending}>
        {direction === "up" ? "Flytta upp" : "Flytta ner"}
        <span className="sr-only"> {label.toLowerCase()}</span>
      </Button>
      {error ? (
        <span role="alert" className="font-semibold text-danger">
          {error}
        </span>
      ) : null}
    </>
  );
}

/** "Lägg till …": a button that opens an inline form for a new row under a parent. */
export function AddItem({
  buttonLabel,
  idPrefix,
  action,
  hidden,
  submitLabel,
  fields,
}: {
  buttonLabel: string;
  idPrefix: string;
  action: EditorAction;
  hidden: Record<string, string | number>;
  submitLabel: string;
  fields: (errors: FieldErrors, idPrefix: string) => React.ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => {
    setOpen(false);
    requestAnimationFrame(() => button.current?.focus());
  }, []);
  if (!open) {
    return (
      <Button ref={button} variant="secondary" className="my-2 text-sm" onClick={() => setOpen(true)}>
        {buttonLabel}
      </Button>
    );
  }
  return (
    <div className="my-2 border-2 border-dashed border-gray-500 p-3">
      <EditorForm action={action} idPrefix={idPrefix} hidden={hidden} submitLabel={submitLabel} onDone={close} onCancel={close}>
        {(errors) => fields(errors, idPrefix)}
      </EditorForm>
    </div>
  );
}
