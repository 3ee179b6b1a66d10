// The personal-data guard through the actions: a personnummer, a mobile number or a private
// e-mail address in a plan's text is refused at the field, nothing is written, and the refused
// text is not in the audit log either.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/domain/types";

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const auth = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/actor", () => ({ getActor: async () => auth.actor, requireActor: async () => auth.actor }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

import { createCommentAction } from "@/lib/actions/comments";
import { createProblemAction, updateProblemAction } from "@/lib/actions/problems";
import { actorOf, areasOf, createWorld, db, formData, insertCompleteChain, snapshotPlan, type World } from "@/tests/support/db";

let w: World;
let chain: Awaited<ReturnType<typeof insertCompleteChain>>;
let areaId: string;
let ref: { districtSlug: string; year: number };

beforeAll(async () => {
  w = await createWorld();
  areaId = (await areasOf(w.planA.id))[0]!.id;
  ref = { districtSlug: w.planA.slug, year: w.year };
  chain = await insertCompleteChain(areaId, "personuppgifter");
});

beforeEach(async () => {
  auth.actor = await actorOf(w.users.strategistA);
});

const auditMentions = async (words: string) => (await db.auditLog.findMany({ where: { planId: w.planA.id } })).filter((a) => JSON.stringify([a.before, a.after]).includes(words)).length;

describe("personal data in a plan's text", () => {
  it.each([
    ["a personnummer", "Samtal med 850709-9805 och föräldrarna", "ett personnummer (”850709-9805”)"],
    ["a samordningsnummer, 12 digits", "Ärende 19701063-2391", "ett personnummer (”19701063-2391”)"],
    ["a mobile number", "Kontakt 070-123 45 67", "ett mobilnummer (”070-123 45 67”)"],
    ["a private e-mail address", "Mejla kalle.k@gmail.com", "en privat e-postadress (”kalle.k@gmail.com”)"],
  ])("%s in a new problem is refused at the field; nothing is written or logged", async (_name, description, pointed) => {
    const before = await snapshotPlan(w.planA.id);
    const res = await createProblemAction(null, formData({ ...ref, areaId: areaId, description }));
    expect(res).toMatchObject({ ok: false, code: "VALIDATION" });
    if (res.ok) return;
    expect(res.fieldErrors?.description).toEqual([expect.stringContaining(pointed)]);
    expect(await snapshotPlan(w.planA.id)).toEqual(before);
    expect(await auditMentions(description)).toBe(0);
  });

  it("an edit that adds a personnummer is refused; the problem keeps its text and version", async () => {
    const res = await updateProblemAction(null, formData({ ...ref, id: chain.problemId, version: 1, description: "Gäller 19121212-1212" }));
    expect(res).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await db.problem.findUniqueOrThrow({ where: { id: chain.problemId } })).toMatchObject({ description: "Problem personuppgifter", version: 1 });
    expect(await auditMentions("19121212-1212")).toBe(0);
  });

  it("a comment with a personnummer is refused too", async () => {
    const res = await createCommentAction(null, formData({ ...ref, body: "Se 850709-9805" }));
    expect(res).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await db.reviewComment.count({ where: { planId: w.planA.id, body: { contains: "850709" } } })).toBe(0);
  });

  it("a number with a wrong check digit, a date and an organisation's address pass", async () => {
    const description = `Möte 2025-12-31 (251231) om ärende 850709-9806, kontakt farsta@stockholm.se (${w.suffix})`;
    const res = await createProblemAction(null, formData({ ...ref, areaId: areaId, description }));
    expect(res.ok).toBe(true);
    expect(await db.problem.count({ where: { description } })).toBe(1);
  });
});
