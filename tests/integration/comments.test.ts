// Comments on a plan and its measures: who may write them, forged ids, resolving once.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/domain/types";

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const auth = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/actor", () => ({ getActor: async () => auth.actor, requireActor: async () => auth.actor }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

import { createCommentAction, resolveCommentAction } from "@/lib/actions/comments";
import { actorOf, createWorld, db, formData, type World } from "@/tests/support/db";

let w: World;
let measureA: string;
let measureB: string;

async function makeMeasure(planId: string) {
  const area = await db.priorityArea.findFirstOrThrow({ where: { planId }, orderBy: { position: "asc" } });
  const problem = await db.problem.create({ data: { areaId: area.id, description: "Otrygghet vid torget", position: 0 } });
  const cause = await db.cause.create({ data: { problemId: problem.id, description: "Dålig belysning", position: 0 } });
  return (await db.measure.create({ data: { causeId: cause.id, description: "Ny belysning", position: 0 } })).id;
}

const comments = (planId: string) => db.reviewComment.findMany({ where: { planId }, orderBy: { createdAt: "asc" } });

beforeAll(async () => {
  w = await createWorld();
  measureA = await makeMeasure(w.planA.id);
  measureB = await makeMeasure(w.planB.id);
});

beforeEach(async () => {
  auth.actor = await actorOf(w.users.strategistA);
});

describe("comments", () => {
  it("a strategist comments on the plan and on a measure; author, text and measure are stored with an audit row", async () => {
    const before = (await comments(w.planA.id)).length;
    const onPlan = await createCommentAction(null, formData({ districtSlug: w.planA.slug, year: w.year, body: "Bra start, men mål saknas i område 2." }));
    const onMeasure = await createCommentAction(null, formData({ districtSlug: w.planA.slug, year: w.year, measureId: measureA, body: "Vem ansvarar för belysningen?" }));
    expect(onPlan.ok && onMeasure.ok).toBe(true);
    const rows = await comments(w.planA.id);
    expect(rows).toHaveLength(before + 2);
    expect(rows.at(-1)).toMatchObject({ measureId: measureA, authorId: w.users.strategistA.id, body: "Vem ansvarar för belysningen?", resolvedAt: null });
    expect(await db.auditLog.count({ where: { planId: w.planA.id, action: "comment.create" } })).toBeGreaterThanOrEqual(2);
  });

  it("the police serving the district and the review group may comment", async () => {
    for (const user of [w.users.police, w.users.reviewGroup]) {
      auth.actor = await actorOf(user);
      const res = await createCommentAction(null, formData({ districtSlug: w.planA.slug, year: w.year, body: `Kommentar från ${user.email}` }));
      expect(res.ok).toBe(true);
    }
  });

  it.each([
    ["the strategist of another district", "strategistB"],
    ["a user without a role", "noRole"],
    ["an admin of another municipality", "otherAdmin"],
  ] as const)("%s cannot comment and nothing is written", async (_label, who) => {
    auth.actor = await actorOf(w.users[who]);
    const before = (await comments(w.planA.id)).length;
    const res = await createCommentAction(null, formData({ districtSlug: w.planA.slug, year: w.year, body: "Obehörig kommentar" }));
    expect(res.ok).toBe(false);
    expect((await comments(w.planA.id)).length).toBe(before);
  });

  it("a measure id from another district's plan is NOT_FOUND and nothing is written", async () => {
    const before = (await db.reviewComment.count());
    const res = await createCommentAction(null, formData({ districtSlug: w.planA.slug, year: w.year, measureId: measureB, body: "Förfalskad" }));
    expect(res).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db.reviewComment.count()).toBe(before);
  });

  it("an empty comment gets a Swedish field error", async () => {
    const res = await createCommentAction(null, formData({ districtSlug: w.planA.slug, year: w.year, body: "   " }));
    expect(res).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { body: ["Fyll i kommentaren."] } });
  });

  it("a comment is resolved once; the second attempt is a conflict, and another plan's comment is not found", async () => {
    const created = await createCommentAction(null, formData({ districtSlug: w.planA.slug, year: w.year, body: "Att lösa" }));
    if (!created.ok) throw new Error(created.message);
    const first = await resolveCommentAction(null, formData({ districtSlug: w.planA.slug, year: w.year, commentId: created.data.id }));
    expect(first.ok).toBe(true);
    const resolvedAt = (await db.reviewComment.findUniqueOrThrow({ where: { id: created.data.id } })).resolvedAt;
    expect(resolvedAt).not.toBeNull();
    const second = await resolveCommentAction(null, formData({ districtSlug: w.planA.slug, year: w.year, commentId: created.data.id }));
    expect(second).toMatchObject({ ok: false, code: "CONFLICT" });
    expect((await db.reviewComment.findUniqueOrThrow({ where: { id: created.data.id } })).resolvedAt).toEqual(resolvedAt);

    auth.actor = await actorOf(w.users.strategistB);
    const forged = await resolveCommentAction(null, formData({ districtSlug: w.planB.slug, year: w.year, commentId: created.data.id }));
    expect(forged).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});
