import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { authorize } from "@/lib/domain/permissions";
import { DomainError, MESSAGES, fail, isDatabaseUnavailable, type ActionResult } from "@/lib/domain/result";
import type { Actor, PlanStatus } from "@/lib/domain/types";
import { getActor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db/client";
import { getDistrictBySlug, type DistrictWithScope } from "@/lib/db/districts";
import { lockPlanForEdit } from "@/lib/db/chain";
import { formDataToObject } from "@/lib/validation/form-data";
import { enforce } from "@/lib/auth/enforce";

export type EditContext<I> = {
  tx: Tx;
  actor: Actor;
  district: DistrictWithScope;
  plan: { id: string; year: number };
  input: I;
};

/**
 * The one way a plan's content is changed (STYLE.md, "the server-action pattern"):
 * sign-in → zod → load the plan through its district → authorize (role AND district, status)
 * → one transaction that locks the plan row, re-checks its status, runs `edit` (which loads
 * its target through the plan and writes an audit row) and bumps the plan's version → revalidate.
 */
export async function runPlanEdit<S extends z.ZodType<{ districtSlug: string; year: number }>, T>(
  raw: FormData | Record<string, unknown>,
  schema: S,
  edit: (ctx: EditContext<z.infer<S>>) => Promise<T>,
  /** For edits bigger than one row (an import): a longer transaction than Prisma's 5 s default. */
  txOptions?: { timeout?: number; maxWait?: number },
): Promise<ActionResult<T>> {
  try {
    return await runPlanEditSteps(raw, schema, edit, txOptions);
  } catch (e) {
    // The database down or out of connections: "try again", never a 500 (nothing was written).
    if (isDatabaseUnavailable(e)) return fail("UNAVAILABLE", MESSAGES.unavailable);
    throw e;
  }
}

async function runPlanEditSteps<S extends z.ZodType<{ districtSlug: string; year: number }>, T>(
  raw: FormData | Record<string, unknown>,
  schema: S,
  edit: (ctx: EditContext<z.infer<S>>) => Promise<T>,
  txOptions?: { timeout?: number; maxWait?: number },
): Promise<ActionResult<T>> {
  const actor = await getActor();
  if (!actor) return fail("UNAUTHENTICATED", MESSAGES.unauthenticated);

  const parsed = schema.safeParse(formDataToObject(raw));
  if (!parsed.success) return fail("VALIDATION", MESSAGES.validation, fieldErrorsOf(parsed.error));
  const input = parsed.data;

  const found = await findVisiblePlan(actor, input);
  if (!found) return fail("NOT_FOUND", MESSAGES.notFound);
  const { district, plan } = found;
  const allowed = await enforce(actor, "plan.edit", { scope: district, planStatus: plan.status, planId: plan.id });
  if (!allowed.ok) return fail(allowed.code, allowed.message);

  try {
    const data = await db.$transaction(async (tx) => {
      const status = await lockPlanForEdit(tx, plan.id);
      const stillAllowed = authorize(actor, "plan.edit", { scope: district, planStatus: status });
      if (!stillAllowed.ok) throw new DomainError(stillAllowed.code, stillAllowed.message);
      return edit({ tx, actor, district, plan: { id: plan.id, year: plan.year }, input });
    }, txOptions);
    revalidatePath(`/plans/${district.slug}/${plan.year}`, "layout");
    return { ok: true, data };
  } catch (e) {
    if (e instanceof DomainError) return fail(e.code, e.message);
    throw e;
  }
}

/**
 * The district and its plan for `ref`, when the actor may see them; null when either does not
 * exist or the actor has no role there: outsiders learn nothing, not even that the plan exists.
 */
export async function findVisiblePlan(actor: Actor, ref: { districtSlug: string; year: number }) {
  const district = await getDistrictBySlug(ref.districtSlug);
  if (!district) return null;
  if (!(await enforce(actor, "plan.view", { scope: district })).ok) return null;
  const plan = await db.plan.findUnique({
    where: { districtId_year: { districtId: district.districtId, year: ref.year } },
    select: { id: true, year: true, status: true },
  });
  return plan ? { district, plan: { id: plan.id, year: plan.year, status: plan.status as PlanStatus } } : null;
}

/** Every zod issue, grouped by field path (`responsible.0.organisation`), not only the first. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
