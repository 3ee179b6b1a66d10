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
import { insertPlanWithCentralAreas } from "@/lib/db/plans";
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
 * municipality, an admin of another municipality and a user without any role.
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
  };

  const planA = await db.$transaction((tx) => insertPlanWithCentralAreas(tx, districtA.id, year));
  const planB = await db.$transaction((tx) => insertPlanWithCentralAreas(tx, districtB.id, year));

  return {
    suffix,
    year,
    municipality,
    districtA,
    districtB,
    policeArea,
    users,
    planA: { id: planA.id, slug: districtA.slug, year },
    planB: { id: planB.id, slug: districtB.slug, year },
  };
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
  const audit = await db.auditLog.findMany({ where: { planId }, orderBy: { id: "asc" } });
  return JSON.parse(JSON.stringify({ plan, audit }, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))) as unknown;
}

/** The plan's audit rows after a given id (the rows one action wrote). */
export function auditRowsSince(planId: string, afterId: bigint) {
  return db.auditLog.findMany({ where: { planId, id: { gt: afterId } }, orderBy: { id: "asc" } });
}

/** The highest audit id so far (0 when there is none): take it before an action, then read what it added. */
export async function lastAuditId(): Promise<bigint> {
  const last = await db.auditLog.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  return last?.id ?? 0n;
}

export async function planVersion(planId: string): Promise<number> {
  return (await db.plan.findUniqueOrThrow({ where: { id: planId }, select: { version: true } })).version;
}

export { db };
