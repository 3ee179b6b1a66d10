// The demo data: Stockholm's 13 districts and their police areas, one demo user per role
// (password "trygghet2025"), and the real 2025 plans of Farsta and Skärholmen loaded from
// tests/fixtures/seeds/ by the grouping rule in lib/domain/seed-rows.ts, with their
// year-end follow-up texts. Runs once: a database that already has a municipality is left alone.
//
//   tsx prisma/seed.ts            (DATABASE_URL, else the embedded database)
import { readFileSync } from "node:fs";
import path from "node:path";
import bcrypt from "bcryptjs";
import { CENTRAL_AREA_NAMES } from "@/lib/domain/areas";
import { draftAreasFromSeedPlan, type SeedPlan } from "@/lib/domain/seed-rows";
import { CENTRAL_AREAS } from "@/lib/domain/types";
import { createPrismaClient } from "@/lib/db/create-client";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export const DEMO_PASSWORD = "trygghet2025";

const DISTRICTS: [slug: string, name: string][] = [
  ["rinkeby-kista", "Rinkeby-Kista"],
  ["spanga-tensta", "Spånga-Tensta"],
  ["hasselby-vallingby", "Hässelby-Vällingby"],
  ["bromma", "Bromma"],
  ["kungsholmen", "Kungsholmen"],
  ["norrmalm", "Norrmalm"],
  ["ostermalm", "Östermalm"],
  ["sodermalm", "Södermalm"],
  ["enskede-arsta-vantor", "Enskede-Årsta-Vantör"],
  ["skarpnack", "Skarpnäck"],
  ["farsta", "Farsta"],
  ["hagersten-alvsjo", "Hägersten-Älvsjö"],
  ["skarholmen", "Skärholmen"],
];

/** Demo police areas (lokalpolisområden) and the districts each serves; Farsta's also covers Vantör. */
const POLICE_AREAS: [slug: string, name: string, districts: string[]][] = [
  ["lpo-rinkeby", "Lokalpolisområde Rinkeby", ["rinkeby-kista", "spanga-tensta"]],
  ["lpo-vasterort", "Lokalpolisområde Västerort", ["hasselby-vallingby", "bromma"]],
  ["lpo-city", "Lokalpolisområde City", ["kungsholmen", "norrmalm", "ostermalm"]],
  ["lpo-sodermalm", "Lokalpolisområde Södermalm", ["sodermalm", "skarpnack"]],
  ["lpo-farsta", "Lokalpolisområde Farsta", ["farsta", "enskede-arsta-vantor"]],
  ["lpo-skarholmen", "Lokalpolisområde Skärholmen", ["skarholmen", "hagersten-alvsjo"]],
];

type DemoUser = { email: string; name: string; role: "STRATEGIST" | "POLICE" | "STEERING_GROUP" | "REVIEW_GROUP" | "ADMIN"; scope?: string };
export const DEMO_USERS: DemoUser[] = [
  { email: "strateg.farsta@demo.se", name: "Sara Strateg (Farsta)", role: "STRATEGIST", scope: "farsta" },
  { email: "strateg.skarholmen@demo.se", name: "Sami Strateg (Skärholmen)", role: "STRATEGIST", scope: "skarholmen" },
  { email: "polis.farsta@demo.se", name: "Pia Polis (LPO Farsta)", role: "POLICE", scope: "lpo-farsta" },
  { email: "styrgrupp.farsta@demo.se", name: "Stig Styrgrupp (Farsta)", role: "STEERING_GROUP", scope: "farsta" },
  { email: "beredning@demo.se", name: "Berit Beredning", role: "REVIEW_GROUP" },
  { email: "admin@demo.se", name: "Adam Admin", role: "ADMIN" },
];

const SEED_PLANS = [
  { slug: "farsta", file: "farsta-2025.json" },
  { slug: "skarholmen", file: "skarholmen-2025.json" },
];

export async function seedDemo(db: PrismaClient, log: (m: string) => void = console.log): Promise<boolean> {
  if ((await db.municipality.count()) > 0) {
    log("Demodata finns redan: inget läses in.");
    return false;
  }
  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 12);
  const fixtures = path.join(import.meta.dirname, "..", "tests", "fixtures", "seeds");

  await db.$transaction(
    async (tx) => {
      const city = await tx.municipality.create({ data: { slug: "stockholm", name: "Stockholms stad" } });
      const districtIds = new Map<string, string>();
      for (const [slug, name] of DISTRICTS) {
        const d = await tx.district.create({ data: { slug, name, municipalityId: city.id } });
        districtIds.set(slug, d.id);
      }
      const policeIds = new Map<string, string>();
      for (const [slug, name, served] of POLICE_AREAS) {
        const p = await tx.policeArea.create({ data: { slug, name, municipalityId: city.id } });
        policeIds.set(slug, p.id);
        await tx.districtPoliceArea.createMany({ data: served.map((s) => ({ districtId: districtIds.get(s)!, policeAreaId: p.id })) });
      }
      const userIds = new Map<string, string>();
      for (const u of DEMO_USERS) {
        const user = await tx.user.create({ data: { email: u.email, name: u.name, passwordHash } });
        userIds.set(u.email, user.id);
        await tx.membership.create({
          data: {
            userId: user.id,
            role: u.role,
            districtId: u.role === "STRATEGIST" || u.role === "STEERING_GROUP" ? districtIds.get(u.scope!)! : null,
            policeAreaId: u.role === "POLICE" ? policeIds.get(u.scope!)! : null,
            municipalityId: u.role === "REVIEW_GROUP" || u.role === "ADMIN" ? city.id : null,
          },
        });
      }

      for (const { slug, file } of SEED_PLANS) {
        const seed = JSON.parse(readFileSync(path.join(fixtures, file), "utf8")) as SeedPlan;
        const plan = await tx.plan.create({ data: { districtId: districtIds.get(slug)!, year: seed.year } });
        const round = await tx.followUpRound.create({ data: { planId: plan.id, kind: "YEAR_END" } });
        const drafts = draftAreasFromSeedPlan(seed);
        // Every plan has the five central areas in the agreement's order, whatever the file holds.
        const areas = [
          ...CENTRAL_AREAS.map((c) => drafts.find((d) => d.centralArea === c) ?? { name: CENTRAL_AREA_NAMES[c], centralArea: c, problems: [] }),
          ...drafts.filter((d) => d.centralArea === null),
        ];
        for (const [areaPosition, a] of areas.entries()) {
          const area = await tx.priorityArea.create({
            data: { planId: plan.id, centralArea: a.centralArea, name: a.centralArea ? CENTRAL_AREA_NAMES[a.centralArea] : a.name, position: areaPosition },
          });
          for (const p of a.problems) {
            const problem = await tx.problem.create({ data: { areaId: area.id, collectiveName: p.collectiveName, description: p.description, position: p.position } });
            for (const c of p.causes) {
              const cause = await tx.cause.create({ data: { problemId: problem.id, description: c.description, position: c.position } });
              for (const m of c.measures) {
                const measure = await tx.measure.create({
                  data: {
                    causeId: cause.id,
                    description: m.description,
                    kind: m.kind,
                    withPolice: m.withPolice,
                    deadlineKind: m.deadline.kind === "NONE" ? null : m.deadline.kind,
                    deadlineDate: m.deadline.kind === "DATE" ? new Date(`${m.deadline.date}T00:00:00Z`) : null,
                    // keep what was written when it says more than the deadline ("Löpande under 2025\nFörsta tillfället …")
                    deadlineNote: m.deadline.kind === "NONE" ? (m.deadline.note ?? null) : m.deadline.kind === "ONGOING" && m.whenText?.includes("\n") ? m.whenText : null,
                    youthStrategy: m.youthStrategy,
                    violentExtremism: m.violentExtremism,
                    position: m.position,
                    responsibleParties: { create: m.responsibleParties.map((r, position) => ({ organisation: r.organisation, role: r.role, position })) },
                    goals: { create: m.goals.map((g) => ({ description: g.description, targetValue: g.targetValue, position: g.position })) },
                  },
                });
                if (m.followUp) await tx.measureFollowUp.create({ data: { roundId: round.id, measureId: measure.id, text: m.followUp } });
              }
            }
          }
        }
        await tx.auditLog.create({ data: { action: "plan.import", entityType: "plan", entityId: plan.id, planId: plan.id, after: { source: file } } });
        log(`Läste in ${seed.district} ${seed.year} från ${file}.`);
      }
    },
    { timeout: 120_000 },
  );
  log(`Demoanvändare (lösenord ${DEMO_PASSWORD}): ${DEMO_USERS.map((u) => u.email).join(", ")}`);
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const db = createPrismaClient();
  seedDemo(db)
    .then(() => db.$disconnect())
    .catch(async (e) => {
      console.error(e);
      await db.$disconnect();
      process.exit(1);
    });
}
