"use client";

import { useState } from "react";
import { createCommentAction, resolveCommentAction } from "@/lib/actions/comments";
import { EditorForm } from "@/components/plan/editor-form";
import { TextArea } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Tag } from "@/components/ui/tag";

export type CommentView = { id: string; body: string; createdAt: string; resolvedAt: string | null; authorName: string; authorRole: string | null; aboutMeasure: boolean };

const when = (iso: string) => new Date(iso).toLocaleString("sv-SE", { timeZone: "Europe/Stockholm", dateStyle: "short", timeStyle: "short" });

/** Comments with author, role and time; those who may comment can add one and mark one as resolved. */
export function Comments({
  planRef,
  measureId,
  comments,
  canComment,
  label,
}: {
  planRef: { districtSlug: string; year: number };
  measureId?: string;
  comments: CommentView[];
  canComment: boolean;
  label: string;
}) {
  const [open, setOpen] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const idPrefix = `comment-${measureId ?? "plan"}`;
  return (
    <div className="mt-2">
      {comments.length > 0 ? (
        <ul className="space-y-2" aria-label={`Kommentarer ${label}`}>
          {comments.map((c) => (
            <li key={c.id} className="border-l-4 border-gray-400 bg-white pl-3">
              <p className="prose-cell">{c.body}</p>
              <p className="flex flex-wrap items-center gap-2 text-sm text-muted">
                <span>
                  {c.authorName}
                  {c.authorRole ? `, ${c.authorRole}` : ""} · {when(c.createdAt)}
                  {c.aboutMeasure && !measureId ? " · om en åtgärd" : ""}
                </span>
                {c.resolvedAt ? <Tag tone="ok">Löst</Tag> : null}
                {!c.resolvedAt && canComment ? (
                  <EditorForm action={resolveCommentAction} idPrefix={`resolve-${c.id}`} hidden={{ ...planRef, commentId: c.id }} submitLabel="Markera som löst" variant="secondary" />
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      {canComment ? (
        open ? (
          <EditorForm
            key={formKey}
            action={createCommentAction}
            idPrefix={idPrefix}
            hidden={{ ...planRef, measureId: measureId ?? "" }}
            submitLabel="Spara kommentar"
            onDone={() => {
              setOpen(false);
              setFormKey((k) => k + 1);
            }}
            onCancel={() => setOpen(false)}
          >
            {(errors) => <TextArea id={`${idPrefix}-body`} name="body" label={`Kommentar ${label}`} rows={3} errors={errors("body")} />}
          </EditorForm>
        ) : (
          <Button variant="link" className="text-sm" onClick={() => setOpen(true)}>
            Kommentera<span className="sr-only"> {label}</span>
          </Button>
        )
      ) : null}
    </div>
  );
}
