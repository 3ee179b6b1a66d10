"use client";

import { startTransition, useActionState, useEffect, useRef } from "react";
import type { ActionResult } from "@/lib/domain/result";
import { ErrorSummary, type SummaryError } from "@/components/ui/error-summary";
import { Button } from "@/components/ui/button";

export type EditorAction = (prev: unknown, formData: FormData) => Promise<ActionResult<unknown>>;
export type FieldErrors = (field: string) => string[] | undefined;

/**
 * A form of the plan editor: posts to a server action without a page reload, keeps what the
 * user typed when the server refuses it, shows the server's errors under each field and in a
 * focused error summary, and calls `onDone` after a successful save.
 */
export function EditorForm({
  action,
  idPrefix,
  hidden,
  submitLabel,
  onDone,
  onCancel,
  children,
  variant = "primary",
  savedMessage,
}: {
  action: EditorAction;
  idPrefix: string;
  hidden: Record<string, string | number>;
  submitLabel: string;
  onDone?: () => void;
  onCancel?: () => void;
  children?: (errors: FieldErrors) => React.ReactNode;
  variant?: "primary" | "danger" | "secondary";
  /** Said (politely, to screen readers too) after a successful save that stays on the form. */
  savedMessage?: string;
}) {
  const [state, dispatch, pending] = useActionState(action, null);
  const handled = useRef<unknown>(null);

  useEffect(() => {
    if (state?.ok && handled.current !== state) {
      handled.current = state;
      onDone?.();
    }
  }, [state, onDone]);

  const fieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const errorsFor: FieldErrors = (field) => fieldErrors[field];
  const summary: SummaryError[] =
    state && !state.ok
      ? Object.keys(fieldErrors).length > 0
        ? Object.entries(fieldErrors).flatMap(([field, messages]) =>
            messages.map((message) => ({ message, href: `#${idPrefix}-${field.replaceAll(".", "-")}` })),
          )
        : [{ message: state.message }, ...(state.missing ?? [])]
      : [];

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formData = new FormData(e.currentTarget);
    startTransition(() => dispatch(formData));
  }

  return (
    <form onSubmit={onSubmit} noValidate className="my-2">
      <ErrorSummary errors={summary} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children?.(errorsFor)}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" variant={variant} disabled={pending}>
          {pending ? "Sparar…" : submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            Avbryt
          </Button>
        ) : null}
        {savedMessage ? (
          <p role="status" className="font-semibold text-ok">
            {state?.ok && !pending ? savedMessage : ""}
          </p>
        ) : null}
      </div>
    </form>
  );
}
