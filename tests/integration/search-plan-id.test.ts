// Search finds a row through the plan id the database keeps on every problem, cause, measure and
// goal (migration 0007: triggers, GIN index on ("planId", "searchVector")). These tests hold the
// triggers to the chain: a row is always searched under the plan it belongs to — on insert, after
// a move to another plan, and even when someone writes a wrong plan id — so the reach of a search
// (the reader's districts) can never be crossed through a stale or forged id.

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { searchPlans, type Reach } from "@/lib/db/search";
import { areasOf, createWorld, db, insertCompleteChain, testDatabaseUrl, type World } from "@/tests/support/db";

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

let w: World;
beforeAll(async () => {
  testDatabaseUrl();
  w = await createWorld(2034);
});
afterAll(async () => {
  await db.$disconnect();
});

/** The plan id each row of a chain carries, and the plan the chain leads to. */
async function planIdsOf(chain: { problemId: string; causeId: string; measureId: string; goalId: string }) {
  const [row] = await db.$queryRaw<{ problem: string; cause: string; measure: string; goal: string; chain: string }[]>`
    SELECT p."planId" AS "problem", c."planId" AS "cause", m."planId" AS "measure", g."planId" AS "goal", a."planId" AS "chain"
    FROM "Goal" g JOIN "Measure" m ON m."id" = g."measureId" JOIN "Cause" c ON c."id" = m."causeId"
    JOIN "Problem" p ON p."id" = c."problemId" JOIN "PriorityArea" a ON a."id" = p."areaId"
    WHERE g."id" = ${chain.goalId}::uuid AND m."id" = ${chain.measureId}::uuid AND c."id" = ${chain.causeId}::uuid AND p."id" = ${chain.problemId}::uuid`;
  return row!;
}

const reachOf = (districtId: string): Reach => ({ viewable: [districtId], confidential: [districtId] });
const found = async (word: string, districtId: string) => (await searchPlans(word, reachOf(districtId))).hits.map((h) => h.kind).sort();

describe("the plan id search reads", () => {
  it("is set on insert, for every level, to the chain's plan", async () => {
    const [area] = await areasOf(w.planA.id);
    const chain = await insertCompleteChain(area!.id, "gnistrande planid");
    expect(await planIdsOf(chain)).toEqual({ problem: w.planA.id, cause: w.planA.id, measure: w.planA.id, goal: w.planA.id, chain: w.planA.id });
    expect(await found("gnistrande", w.districtA.id)).toEqual(["cause", "goal", "measure", "problem"]);
    expect(await found("gnistrande", w.districtB.id)).toEqual([]);
  });

  it("follows a move to another plan, down to the goals, and search follows it", async () => {
    const [areaA] = await areasOf(w.planA.id);
    const [areaB] = await areasOf(w.planB.id);
    const chain = await insertCompleteChain(areaA!.id, "vandrande planid");
    // The app moves rows within their plan only; the database keeps the id right anyway.
    await db.problem.update({ where: { id: chain.problemId }, data: { areaId: areaB!.id } });
    expect(await planIdsOf(chain)).toEqual({ problem: w.planB.id, cause: w.planB.id, measure: w.planB.id, goal: w.planB.id, chain: w.planB.id });
    expect(await found("vandrande", w.districtA.id)).toEqual([]);
    expect(await found("vandrande", w.districtB.id)).toEqual(["cause", "goal", "measure", "problem"]);

    // A measure moved under a cause of plan A takes plan A, and its goal with it.
    const home = await insertCompleteChain(areaA!.id, "hemma");
    await db.measure.update({ where: { id: chain.measureId }, data: { causeId: home.causeId } });
    expect(await planIdsOf({ ...chain, causeId: home.causeId, problemId: home.problemId })).toMatchObject({ measure: w.planA.id, goal: w.planA.id, chain: w.planA.id });
    expect(await found("vandrande", w.districtA.id)).toEqual(["goal", "measure"]);
  });

  it("cannot be forged: a plan id written to a row is replaced by its chain's", async () => {
    const [areaA] = await areasOf(w.planA.id);
    const chain = await insertCompleteChain(areaA!.id, "förfalskat planid");
    await db.$executeRaw`UPDATE "Measure" SET "planId" = ${w.planB.id}::uuid WHERE "id" = ${chain.measureId}::uuid`;
    await db.$executeRaw`UPDATE "Goal" SET "planId" = ${w.planB.id}::uuid WHERE "id" = ${chain.goalId}::uuid`;
    await db.$executeRaw`UPDATE "Problem" SET "planId" = ${w.planB.id}::uuid WHERE "id" = ${chain.problemId}::uuid`;
    await db.measure.create({ data: { causeId: chain.causeId, description: "Förfalskat planid vid insättning", position: 5, planId: w.planB.id } });
    expect(await planIdsOf(chain)).toEqual({ problem: w.planA.id, cause: w.planA.id, measure: w.planA.id, goal: w.planA.id, chain: w.planA.id });
    expect(await found("förfalskat", w.districtB.id)).toEqual([]);
    expect((await found("förfalskat", w.districtA.id)).length).toBe(5);
  });

  it("no row of the database is searched under a plan other than its own", async () => {
    const [row] = await db.$queryRaw<{ wrong: bigint }[]>`
      SELECT (SELECT count(*) FROM "Problem" p JOIN "PriorityArea" a ON a."id" = p."areaId" WHERE p."planId" IS DISTINCT FROM a."planId")
           + (SELECT count(*) FROM "Cause" c JOIN "Problem" p ON p."id" = c."problemId" WHERE c."planId" IS DISTINCT FROM p."planId")
           + (SELECT count(*) FROM "Measure" m JOIN "Cause" c ON c."id" = m."causeId" WHERE m."planId" IS DISTINCT FROM c."planId")
           + (SELECT count(*) FROM "Goal" g JOIN "Measure" m ON m."id" = g."measureId" WHERE g."planId" IS DISTINCT FROM m."planId") AS "wrong"`;
    expect(Number(row?.wrong)).toBe(0);
  });
});
