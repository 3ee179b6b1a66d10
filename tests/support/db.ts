// Helpers for the integration tests: the test database, a small world of districts, users
// and plans made through the real Prisma client, FormData like the editor's forms post, and
// a full snapshot of a plan to prove that a refused action changed nothing.
//
// The runner (scripts/test.ts) creates a fresh database, applies prisma/migrations and sets
// DATABASE_URL. Tests assume nothing else: every file makes its own rows with unique slugs and
// e-mails, so files can share one database and run in any order.

import { randomBytes } from "node:crypto";
import pg from "pg";
import { db } from "@/lib/db/client";
import { getActorById } from "@/lib/db/actors";
import { getPlanTree, insertPlanWithCentralAreas } from "@/lib/db/plans";
import { getSignaturesByMeasure } from "@/lib/db/signatures";
import { measureContentHash, signatureState, type SignatureStateName } from "@/lib/domain/cosign";
import { readEnv } from "@/lib/env";
import type { Actor, Role } from "@/lib/domain/types";

/** DATABASE_URL, required: the tests must never fall back to the dev database of lib/env.ts. */
export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. Integration tests run against a migrated throwaway database: use `npm test`, " +
        "or create one, apply prisma/migrations/*/migration.sql and set DATABASE_URL.",
    );
  }
  return url;
}

/** A short random suffix for slugs and e-mails (lowercase, so it passes the slug rule of lib/validation). */
export function uniqueSuffix(): string {
  return randomBytes(4).toString("hex");
}

/**
 * A second database session beside the app's pool, to play a competing user. PGlite (the
 * fallback of scripts/test.ts, DATABASE_POOL_MAX=1) serves one session only: null there.
 */
export async function openSecondSession(): Promise<pg.Client | null> {
  if (readEnv().DATABASE_POOL_MAX === 1) return null;
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  return client;
}

/** FormData as a form posts it: every value a string, booleans as checkbox "on", null/undefined left out. */
export function formData(fields: Record<string, string | number | boolean | null | undefined>): FormData {
  const fd = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (value === null || value === undefined || value === false) continue;
    fd.append(key, value === true ? "on" : String(value));
  }
  return fd;
}

export type TestUser = { id: string; email: string };

export async function createUser(name: string, suffix: string, memberships: MembershipSpec[] = []): Promise<TestUser> {
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${suffix}@example.test`;
  const user = await db.user.create({ data: { email, name } });
  for (const m of memberships) await db.membership.create({ data: { userId: user.id, ...m } });
  return { id: user.id, email };
}

export type MembershipSpec =
  | { role: Extract<Role, "STRATEGIST" | "STEERING_GROUP">; districtId: string }
  | { role: "POLICE"; policeAreaId: string }
  | { role: Extract<Role, "REVIEW_GROUP" | "ADMIN">; municipalityId: string };

/** The actor as the app builds it from the database (memberships included). */
export async function actorOf(user: TestUser): Promise<Actor> {
  const actor = await getActorById(user.id);
  if (!actor) throw new Error(`No actor for user ${user.email}`);
  return actor;
}

export type World = Awaited<ReturnType<typeof createWorld>>;

/**
 * A municipality with districts A and B, a police area serving A only, and a plan for `year`
 * in each district (five central areas, as createPlanAction makes it). Users: the strategist
 * of A, the strategist of B, the police of the police area, the review group of the
 * municipality, an admin of another municipality, a user without any role, the local steering
 * group of A and an admin of the municipality.
 */
export async function createWorld(year = 2026) {
  const suffix = uniqueSuffix();
  const municipality = await db.municipality.create({ data: { slug: `kommun-${suffix}`, name: `Testkommun ${suffix}` } });
  const otherMunicipality = await db.municipality.create({ data: { slug: `annan-${suffix}`, name: `Annan kommun ${suffix}` } });
  const districtA = await db.district.create({
    data: { municipalityId: municipality.id, slug: `a-${suffix}`, name: `Stadsdel A ${suffix}` },
  });
  const districtB = await db.district.create({
    data: { municipalityId: municipality.id, slug: `b-${suffix}`, name: `Stadsdel B ${suffix}` },
  });
  const policeArea = await db.policeArea.create({
    data: { municipalityId: municipality.id, slug: `lpo-${suffix}`, name: `Lokalpolisområde ${suffix}` },
  });
  await db.districtPoliceArea.create({ data: { districtId: districtA.id, policeAreaId: policeArea.id } });

  const users = {
    strategistA: await createUser("Strateg A", suffix, [{ role: "STRATEGIST", districtId: districtA.id }]),
    strategistB: await createUser("Strateg B", suffix, [{ role: "STRATEGIST", districtId: districtB.id }]),
    police: await createUser("Polis", suffix, [{ role: "POLICE", policeAreaId: policeArea.id }]),
    reviewGroup: await createUser("Beredning", suffix, [{ role: "REVIEW_GROUP", municipalityId: municipality.id }]),
    otherAdmin: await createUser("Admin annan kommun", suffix, [{ role: "ADMIN", municipalityId: otherMunicipality.id }]),
    noRole: await createUser("Utan roll", suffix),
    steeringGroupA: await createUser("Styrgrupp A", suffix, [{ role: "STEERING_GROUP", districtId: districtA.id }]),
    admin: await createUser("Admin", suffix, [{ role: "ADMIN", municipalityId: municipality.id }]),
  };

  const planA = await db.$transaction((tx) => insertPlanWithCentralAreas(tx, districtA.id, year));
  const planB = await db.$transaction((tx) => insertPlanWithCentralAreas(tx, districtB.id, year));

  return {
    suffix,
    year,
    municipality,
    otherMunicipality,
    districtA,
    districtB,
    policeArea,
    users,
    planA: { id: planA.id, slug: districtA.slug, year },
    planB: { id: planB.id, slug: districtB.slug, year },
  };
}

/**
 * Users just outside the world's district A, one per way of being out of scope: the steering
 * group of B (other district), the police of a second police area of the municipality that
 * serves B but not A, and in the other municipality (a district with its own police area) a
 * strategist, a steering group, the police and a review group.
 */
export async function createOutsiders(w: World) {
  const { suffix } = w;
  const policeAreaB = await db.policeArea.create({
    data: { municipalityId: w.municipality.id, slug: `lpo-b-${suffix}`, name: `Lokalpolisområde B ${suffix}` },
  });
  await db.districtPoliceArea.create({ data: { districtId: w.districtB.id, policeAreaId: policeAreaB.id } });
  const otherDistrict = await db.district.create({
    data: { municipalityId: w.otherMunicipality.id, slug: `x-${suffix}`, name: `Annan stadsdel ${suffix}` },
  });
  const otherPoliceArea = await db.policeArea.create({
    data: { municipalityId: w.otherMunicipality.id, slug: `lpo-x-${suffix}`, name: `Annat lokalpolisområde ${suffix}` },
  });
  await db.districtPoliceArea.create({ data: { districtId: otherDistrict.id, policeAreaId: otherPoliceArea.id } });
  return {
    policeAreaB,
    otherDistrict,
    otherPoliceArea,
    users: {
      steeringGroupB: await createUser("Styrgrupp B", suffix, [{ role: "STEERING_GROUP", districtId: w.districtB.id }]),
      policeNotServingA: await createUser("Polis B", suffix, [{ role: "POLICE", policeAreaId: policeAreaB.id }]),
      otherStrategist: await createUser("Strateg annan kommun", suffix, [{ role: "STRATEGIST", districtId: otherDistrict.id }]),
      otherSteeringGroup: await createUser("Styrgrupp annan kommun", suffix, [{ role: "STEERING_GROUP", districtId: otherDistrict.id }]),
      otherPolice: await createUser("Polis annan kommun", suffix, [{ role: "POLICE", policeAreaId: otherPoliceArea.id }]),
      otherReviewGroup: await createUser("Beredning annan kommun", suffix, [{ role: "REVIEW_GROUP", municipalityId: w.otherMunicipality.id }]),
    },
  };
}

/** A further plan of a district for another year (five central areas), with its ref for FormData. */
export async function createPlanFor(district: { id: string; slug: string }, year: number) {
  const plan = await db.$transaction((tx) => insertPlanWithCentralAreas(tx, district.id, year));
  return { id: plan.id, ref: { districtSlug: district.slug, year }, areas: await areasOf(plan.id) };
}

/**
 * One complete chain problem → cause → measure → goal written straight to the database (for
 * tests that need content without going through the editor). The measure has a responsible
 * party and ongoing work as its time; `withPolice` makes it one the police must sign.
 */
export async function insertCompleteChain(areaId: string, label: string, opts: { withPolice?: boolean } = {}) {
  const problem = await db.problem.create({ data: { areaId, description: `Problem ${label}`, position: 0 } });
  const cause = await db.cause.create({ data: { problemId: problem.id, description: `Orsak ${label}`, position: 0 } });
  const measure = await db.measure.create({
    data: { causeId: cause.id, description: `Åtgärd ${label}`, withPolice: opts.withPolice ?? false, deadlineKind: "ONGOING", position: 0 },
  });
  await db.responsibleParty.create({ data: { measureId: measure.id, organisation: "Stadsdelsförvaltningen", position: 0 } });
  const goal = await db.goal.create({ data: { measureId: measure.id, description: `Mål ${label}`, targetValue: 3, position: 0 } });
  return { problemId: problem.id, causeId: cause.id, measureId: measure.id, goalId: goal.id };
}

/**
 * snapshotPlan plus what the workflow and the police write beside the content: the plan's
 * versions, decisions and comments, and every co-signature of its measures. Two equal
 * snapshots mean that no workflow step or signature was recorded either.
 */
export async function snapshotPlanWithWorkflow(planId: string) {
  const [content, versions, decisions, comments, signatures] = await Promise.all([
    snapshotPlan(planId),
    db.planVersion.findMany({ where: { planId }, orderBy: { number: "asc" } }),
    db.decision.findMany({ where: { planId }, orderBy: { id: "asc" } }),
    db.reviewComment.findMany({ where: { planId }, orderBy: { id: "asc" } }),
    db.coSignature.findMany({ where: { measure: { cause: { problem: { area: { planId } } } } }, orderBy: { id: "asc" } }),
  ]);
  return { content, ...(JSON.parse(JSON.stringify({ versions, decisions, comments, signatures })) as object) };
}

/** The plan's areas in position order. */
export function areasOf(planId: string) {
  return db.priorityArea.findMany({ where: { planId }, orderBy: { position: "asc" } });
}

/**
 * Everything a user could see of a plan, and what the app writes beside it: the plan row, every
 * area, problem, cause, measure (with responsible parties) and goal with all columns, and the
 * plan's audit rows. Two equal snapshots mean nothing was written.
 */
export async function snapshotPlan(planId: string) {
  const plan = await db.plan.findUniqueOrThrow({
    where: { id: planId },
    include: {
      areas: {
        orderBy: { id: "asc" },
        include: {
          problems: {
            orderBy: { id: "asc" },
            include: {
              causes: {
                orderBy: { id: "asc" },
                include: {
                  measures: {
                    orderBy: { id: "asc" },
                    include: { responsibleParties: { orderBy: { id: "asc" } }, goals: { orderBy: { id: "asc" } } },
                  },
                },
              },
            },
          },
        },
      },
    },
  });
  // Rows about the plan's content; a refused attempt is logged (auth.refused) but changes nothing in the plan.
  const audit = await db.auditLog.findMany({ where: { planId, NOT: { action: { startsWith: "auth." } } }, orderBy: { id: "asc" } });
  return JSON.parse(JSON.stringify({ plan, audit }, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))) as unknown;
}

/** The plan's audit rows after a given id (the content rows one action wrote; auth.* rows record attempts, not changes). */
export function auditRowsSince(planId: string, afterId: bigint) {
  return db.auditLog.findMany({ where: { planId, id: { gt: afterId }, NOT: { action: { startsWith: "auth." } } }, orderBy: { id: "asc" } });
}

/** The highest audit id so far (0 when there is none): take it before an action, then read what it added. */
export async function lastAuditId(): Promise<bigint> {
  const last = await db.auditLog.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  return last?.id ?? 0n;
}

export async function planVersion(planId: string): Promise<number> {
  return (await db.plan.findUniqueOrThrow({ where: { id: planId }, select: { version: true } })).version;
}

/** The measure as the editor and the police read it (the shape its content hash is taken of). */
export async function measureNode(planId: string, measureId: string) {
  const areas = await getPlanTree(planId);
  const measure = areas.flatMap((a) => a.problems.flatMap((p) => p.causes.flatMap((c) => c.measures))).find((m) => m.id === measureId);
  if (!measure) throw new Error(`No measure ${measureId} in plan ${planId}`);
  return measure;
}

/** The content hash of the measure's current wording: what the police sign form posts. */
export async function measureHash(planId: string, measureId: string): Promise<string> {
  return measureContentHash(await measureNode(planId, measureId));
}

/** Where the measure's police signature stands now, as the editor and the submit check see it. */
export async function signatureStateOf(planId: string, measureId: string): Promise<SignatureStateName> {
  const [measure, signatures] = await Promise.all([measureNode(planId, measureId), getSignaturesByMeasure(planId)]);
  return signatureState(measure, signatures.get(measureId) ?? []).state;
}

export { db };
