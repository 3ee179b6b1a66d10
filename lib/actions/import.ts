"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { readWorkbook, type ImportIssue, type ImportSheet } from "@/lib/domain/import";
import { planImport, sheetsToWrite } from "@/lib/domain/import-plan";
import { DomainError, MESSAGES, fail, type ActionResult } from "@/lib/domain/result";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { insertAudit, insertAudits } from "@/lib/db/audit";
import { writeImport } from "@/lib/db/import";
import { getPlanTree } from "@/lib/db/plans";
import { readWorkbookGrids, UPLOAD_LIMITS, WorkbookError } from "@/lib/xlsx/read";
import { ZPlanRef } from "@/lib/validation/chain";
import { formDataToObject } from "@/lib/validation/form-data";
import { fieldErrorsOf, findVisiblePlan, runPlanEdit } from "@/lib/actions/support/run-plan-edit";
import { enforce } from "@/lib/auth/enforce";

export type ImportContent = { sheets: ImportSheet[]; issues: ImportIssue[] };

const fileError = (message: string) => fail("VALIDATION", MESSAGES.validation, { file: [message] });

/**
 * Step 1 of an import: the uploaded .xlsx is checked and read, and kept as an import session;
 * the user is sent to the preview. Nothing is written to the plan here.
 */
export async function uploadImportAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor) return fail("UNAUTHENTICATED", MESSAGES.unauthenticated);
  const parsed = ZPlanRef.safeParse(formDataToObject(formData));
  if (!parsed.success) return fail("VALIDATION", MESSAGES.validation, fieldErrorsOf(parsed.error));
  const found = await findVisiblePlan(actor, parsed.data);
  if (!found) return fail("NOT_FOUND", MESSAGES.notFound);
  const { district, plan } = found;
  const allowed = await enforce(actor, "plan.edit", { scope: district, planStatus: plan.status, planId: plan.id });
  if (!allowed.ok) return fail(allowed.code, allowed.message);

  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return fileError("Välj en Excel-fil (.xlsx) att läsa in.");
  if (file.size > UPLOAD_LIMITS.bytes) return fileError(`Filen är för stor: högst ${UPLOAD_LIMITS.bytes / 1024 / 1024} MB.`);
  let content: ImportContent;
  try {
    content = readWorkbook(await readWorkbookGrids(new Uint8Array(await file.arrayBuffer())));
  } catch (e) {
    if (e instanceof WorkbookError) return fileError(e.message);
    throw e;
  }
  if (content.sheets.length === 0) {
    return fail("VALIDATION", "Filen har ingen flik med mallens kolumnrubriker (Orsak, Åtgärd …), så inget kan läsas in.", { file: ["Filen har ingen flik med mallens kolumnrubriker (Orsak, Åtgärd …)."] });
  }
  const version = await db.plan.findUniqueOrThrow({ where: { id: plan.id }, select: { version: true } });
  const session = await db.importSession.create({
    data: { planId: plan.id, userId: actor.userId, fileName: file.name.slice(0, 200), planVersion: version.version, content: JSON.parse(JSON.stringify(content)) as Prisma.InputJsonValue },
  });
  redirect(`/plans/${district.slug}/${plan.year}/import/${session.id}`);
}

const ZApplyImport = ZPlanRef.extend({
  sessionId: z.string().uuid("Inläsningen finns inte."),
  /** "include.s<sheet index>" for the new own areas the user keeps (the "s": digit-only keys would become an array); central and existing areas always come. */
  include: z
    .record(z.string().regex(/^s\d+$/, "Okänd flik."), z.string())
    .optional()
    .transform((r) => new Set(Object.keys(r ?? {}).map((k) => Number(k.slice(1))))),
});

/** A workbook writes hundreds of rows in one transaction: give it a minute, not Prisma's 5 s. */
const IMPORT_TRANSACTION = { timeout: 60_000, maxWait: 10_000 };

/**
 * Step 2: the user confirmed the preview. In one transaction: the plan is locked and must not
 * have changed since the file was read (else CONFLICT: read it again), the import is planned
 * again against the plan as it is, written, audited row by row, and the session marked used.
 */
export async function applyImportAction(_prev: unknown, formData: FormData): Promise<ActionResult<{ changes: number; base: string }>> {
  const result = await runPlanEdit(formData, ZApplyImport, async ({ tx, actor, district, plan, input }) => {
    const session = await tx.importSession.findFirst({ where: { id: input.sessionId, planId: plan.id, userId: actor.userId } });
    if (!session) throw new DomainError("NOT_FOUND", "Inläsningen finns inte. Ladda upp filen igen.");
    if (session.appliedAt) throw new DomainError("CONFLICT", "Den här filen är redan inläst i planen.");
    const now = await tx.plan.findUniqueOrThrow({ where: { id: plan.id }, select: { version: true } });
    // lockPlanForEdit has just counted this edit: one more than when the file was read, if nobody else changed the plan.
    if (now.version - 1 !== session.planVersion) {
      throw new DomainError("CONFLICT", "Planen har ändrats sedan filen lästes in. Ladda upp filen igen för att se vad inläsningen ändrar nu.");
    }
    const content = session.content as unknown as ImportContent;
    const current = await getPlanTree(plan.id, undefined, tx);
    // A sheet for a new own area comes along only when the user ticked it.
    const planned = planImport(sheetsToWrite(content.sheets, current, input.include), current, plan.year);
    const audit = await writeImport(tx, plan.id, actor.userId, planned);
    await insertAudits(tx, audit);
    await insertAudit(tx, { actorId: actor.userId, action: "plan.import", entityType: "plan", entityId: plan.id, planId: plan.id, after: { file: session.fileName, changes: audit.length } });
    await tx.importSession.update({ where: { id: session.id }, data: { appliedAt: new Date() } });
    return { changes: audit.length, base: `/plans/${district.slug}/${plan.year}` };
  }, IMPORT_TRANSACTION);
  if (result.ok) redirect(`${result.data.base}?inlast=${result.data.changes}`);
  return result;
}
