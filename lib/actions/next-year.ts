"use server";

import { redirect } from "next/navigation";
import { carrySelectionIssues, countCarried, planCarryOver } from "@/lib/domain/carry-over";
import { isFollowUpStatus } from "@/lib/domain/follow-up";
import { DomainError, MESSAGES, fail, type ActionResult } from "@/lib/domain/result";
import type { PlanStatus } from "@/lib/domain/types";
import { getActor } from "@/lib/auth/actor";
import { db, Prisma } from "@/lib/db/client";
import { insertAudit } from "@/lib/db/audit";
import { insertCarriedPlan } from "@/lib/db/next-year";
import { getPlanTree } from "@/lib/db/plans";
import { ZStartNextYearInput } from "@/lib/validation/follow-up";
import { formDataToObject } from "@/lib/validation/form-data";
import { fieldErrorsOf, findVisiblePlan } from "@/lib/actions/support/run-plan-edit";
import { enforce } from "@/lib/auth/enforce";

/**
 * "Starta 2026 från 2025": next year's draft with the priority areas and exactly the problems,
 * causes, measures and goals the strategist chose, each linked to where it came from. Refused
 * while the source plan is not decided, when next year's plan exists, or when a chosen item's
 * parent was not chosen. Opens the new plan.
 */
export async function startNextYearAction(_prev: unknown, formData: FormData): Promise<ActionResult> {
  const actor = await getActor();
  if (!actor) return fail("UNAUTHENTICATED", MESSAGES.unauthenticated);
  const parsed = ZStartNextYearInput.safeParse(formDataToObject(formData));
  if (!parsed.success) return fail("VALIDATION", MESSAGES.validation, fieldErrorsOf(parsed.error));
  const input = parsed.data;

  const found = await findVisiblePlan(actor, input);
  if (!found) return fail("NOT_FOUND", MESSAGES.notFound);
  const { district, plan: source } = found;
  const allowed = await enforce(actor, "plan.create", { scope: district, planId: source.id });
  if (!allowed.ok) return fail(allowed.code, allowed.message);
  const nextYear = source.year + 1;
  if (nextYear > 2100) return fail("VALIDATION", `Planer kan skapas till och med år 2100.`);
  const exists = () =>
    fail("CONFLICT", `Det finns redan en åtgärdsplan för ${nextYear} i ${district.name}. Öppna den i stället.`, undefined);

  try {
    await db.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<{ status: PlanStatus }[]>`SELECT "status" FROM "Plan" WHERE "id" = ${source.id}::uuid FOR SHARE`;
      if (!row) throw new DomainError("NOT_FOUND", MESSAGES.notFound);
      if (!isFollowUpStatus(row.status)) throw new DomainError("LOCKED", `Nästa års plan startas från en beslutad plan. Åtgärdsplan ${source.year} är inte beslutad än.`);
      if (await tx.plan.findUnique({ where: { districtId_year: { districtId: district.districtId, year: nextYear } }, select: { id: true } })) {
        throw new DomainError("CONFLICT", `Det finns redan en åtgärdsplan för ${nextYear} i ${district.name}. Öppna den i stället.`);
      }
      const tree = await getPlanTree(source.id, undefined, tx);
      const issues = carrySelectionIssues(tree, input.carry);
      if (issues.length > 0) {
        throw new DomainError("VALIDATION", `Valet går inte att ta med som det är: ${issues.length} ${issues.length === 1 ? "rad" : "rader"} saknar det de hör till.`, issues.map((i) => ({ message: i.message, href: `#carry-${i.id}` })));
      }
      const carried = planCarryOver(tree, input.carry);
      const plan = await insertCarriedPlan(tx, district.districtId, nextYear, carried);
      await insertAudit(tx, {
        actorId: actor.userId,
        action: "plan.create",
        entityType: "plan",
        entityId: plan.id,
        planId: plan.id,
        after: { district: district.slug, year: nextYear, carriedFrom: { planId: source.id, year: source.year }, ...countCarried(carried) },
      });
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return exists();
    if (e instanceof DomainError) return { ok: false, code: e.code, message: e.message, ...(e.missing ? { missing: e.missing } : {}) };
    throw e;
  }
  redirect(`/plans/${district.slug}/${nextYear}`);
}
