// The demo data: Stockholm's 13 districts and their police areas, one demo user per role
// (password "trygghet2025"), and the real 2025 plans of Farsta and Skärholmen loaded from
// tests/fixtures/seeds/ by the grouping rule in lib/domain/seed-rows.ts. Both have gone through
// the yearly cycle (police signatures, steering-group decision as version 1, review, council
// decision) and carry their year-end follow-up texts, with a goal status only where the text
// says so plainly (lib/domain/follow-up.ts#inferGoalStatus). Runs once: a database that
// already has a municipality is left alone.
//
//   tsx prisma/seed.ts            (DATABASE_URL, else the embedded database)
import { readFileSync } from "node:fs";
import path from "node:path";
import { hashPassword } from "@/lib/auth/password";
import { CENTRAL_AREA_NAMES } from "@/lib/domain/areas";
import { measureContentHash, needsPoliceSignature } from "@/lib/domain/cosign";
import { inferGoalStatus } from "@/lib/domain/follow-up";
import { makeSnapshot } from "@/lib/domain/snapshot";
import { auditActionOf, type WorkflowEvent } from "@/lib/domain/workflow";
import { draftAreasFromSeedPlan, type SeedPlan } from "@/lib/domain/seed-rows";
import { CENTRAL_AREAS, type AreaNode, type MeasureNode } from "@/lib/domain/types";
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
  { email: "polis.skarholmen@demo.se", name: "Per Polis (LPO Skärholmen)", role: "POLICE", scope: "lpo-skarholmen" },
  { email: "styrgrupp.farsta@demo.se", name: "Stig Styrgrupp (Farsta)", role: "STEERING_GROUP", scope: "farsta" },
  { email: "styrgrupp.skarholmen@demo.se", name: "Siv Styrgrupp (Skärholmen)", role: "STEERING_GROUP", scope: "skarholmen" },
  { email: "beredning@demo.se", name: "Berit Beredning", role: "REVIEW_GROUP" },
  { email: "admin@demo.se", name: "Adam Admin", role: "ADMIN" },
];

/** Who did each step of the 2025 cycle, and when (the council decision goes with T1). */
const SEED_PLANS = [
  {
    slug: "farsta",
    file: "farsta-2025.json",
    strategist: "strateg.farsta@demo.se",
    police: "polis.farsta@demo.se",
    steering: "styrgrupp.farsta@demo.se",
    submitted: "2025-01-20",
    decided: "2025-02-11",
    accepted: "2025-03-05",
    council: { on: "2025-04-24", paragraph: "§ 8" },
  },
  {
    slug: "skarholmen",
    file: "skarholmen-2025.json",
    strategist: "strateg.skarholmen@demo.se",
    police: "polis.skarholmen@demo.se",
    steering: "styrgrupp.skarholmen@demo.se",
    submitted: "2025-01-27",
    decided: "2025-02-18",
    accepted: "2025-03-05",
    council: { on: "2025-04-23", paragraph: "§ 11" },
  },
];

const day = (iso: string, hour = 10) => new Date(`${iso}T${String(hour).padStart(2, "0")}:00:00+01:00`);

export async function seedDemo(db: PrismaClient, log: (m: string) => void = console.log): Promise<boolean> {
  if ((await db.municipality.count()) > 0) {
    log("Demodata finns redan: inget läses in.");
    return false;
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
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
        const spec = SEED_PLANS.find((p) => p.slug === slug)!;
        const user = (email: string) => userIds.get(email)!;
        const plan = await tx.plan.create({ data: { districtId: districtIds.get(slug)!, year: seed.year, status: "COUNCIL_DECIDED", version: 5 } });
        const round = await tx.followUpRound.create({ data: { planId: plan.id, kind: "YEAR_END" } });
        const tree: AreaNode[] = [];
        const followUps: { measure: MeasureNode; text: string | null }[] = [];
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
          const areaNode: AreaNode = { id: area.id, name: area.name, centralArea: area.centralArea, position: area.position, problems: [] };
          tree.push(areaNode);
          for (const p of a.problems) {
            const problem = await tx.problem.create({ data: { areaId: area.id, collectiveName: p.collectiveName, description: p.description, position: p.position } });
            const problemNode = { id: problem.id, collectiveName: problem.collectiveName, description: problem.description, position: problem.position, causes: [] as AreaNode["problems"][number]["causes"] };
            areaNode.problems.push(problemNode);
            for (const c of p.causes) {
              const cause = await tx.cause.create({ data: { problemId: problem.id, description: c.description, position: c.position } });
              const causeNode = { id: cause.id, description: cause.description, position: cause.position, measures: [] as MeasureNode[] };
              problemNode.causes.push(causeNode);
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
                  include: { goals: { orderBy: { position: "asc" } } },
                });
                const node: MeasureNode = {
                  id: measure.id,
                  description: measure.description,
                  kind: measure.kind,
                  withPolice: measure.withPolice,
                  deadline: m.deadline,
                  responsibleParties: m.responsibleParties.map((r) => ({ organisation: r.organisation, role: r.role })),
                  youthStrategy: measure.youthStrategy,
                  violentExtremism: measure.violentExtremism,
                  position: measure.position,
                  goals: measure.goals.map((g) => ({ id: g.id, description: g.description, targetValue: g.targetValue === null ? null : Number(g.targetValue), position: g.position })),
                };
                causeNode.measures.push(node);
                followUps.push({ measure: node, text: m.followUp });
              }
            }
          }
        }
        await tx.auditLog.create({ data: { action: "plan.import", entityType: "plan", entityId: plan.id, planId: plan.id, after: { source: file }, at: day(spec.submitted, 8) } });

        // The cycle as it happened: the police sign their measures, the strategist submits, the
        // steering group decides (version 1), the review group accepts, the council decides.
        const policeAreaId = policeIds.get(POLICE_AREAS.find(([, , served]) => served.includes(slug))![0])!;
        for (const { measure } of followUps.filter(({ measure }) => needsPoliceSignature(measure))) {
          await tx.coSignature.create({ data: { measureId: measure.id, userId: user(spec.police), policeAreaId, status: "SIGNED", contentHash: measureContentHash(measure), createdAt: day(spec.submitted, 9) } });
          await tx.auditLog.create({ data: { actorId: user(spec.police), action: "measure.cosign", entityType: "measure", entityId: measure.id, planId: plan.id, before: { signature: "MISSING" }, after: { signature: "SIGNED" }, at: day(spec.submitted, 9) } });
        }
        const version = await tx.planVersion.create({
          data: {
            planId: plan.id,
            number: 1,
            createdById: user(spec.steering),
            reason: `Beslutad av lokal styrgrupp ${spec.decided}`,
            snapshot: JSON.parse(JSON.stringify(makeSnapshot({ planId: plan.id, year: seed.year, districtName: seed.district, areas: tree }))) as object,
            createdAt: day(spec.decided),
          },
        });
        await tx.decision.createMany({
          data: [
            { planId: plan.id, kind: "STEERING_GROUP", decidedOn: new Date(`${spec.decided}T00:00:00Z`), versionId: version.id, recordedById: user(spec.steering), createdAt: day(spec.decided) },
            { planId: plan.id, kind: "REVIEW_ACCEPTED", decidedOn: new Date(`${spec.accepted}T00:00:00Z`), recordedById: user("beredning@demo.se"), createdAt: day(spec.accepted) },
            { planId: plan.id, kind: "COUNCIL", decidedOn: new Date(`${spec.council.on}T00:00:00Z`), paragraph: spec.council.paragraph, recordedById: user(spec.strategist), createdAt: day(spec.council.on) },
          ],
        });
        const steps: [WorkflowEvent, string, string, string, string][] = [
          ["SUBMIT", spec.strategist, spec.submitted, "DRAFT", "SUBMITTED"],
          ["DECIDE", spec.steering, spec.decided, "SUBMITTED", "DECIDED"],
          ["REVIEW_ACCEPT", "beredning@demo.se", spec.accepted, "DECIDED", "ACCEPTED"],
          ["COUNCIL_DECIDE", spec.strategist, spec.council.on, "ACCEPTED", "COUNCIL_DECIDED"],
        ];
        for (const [event, email, on, from, to] of steps) {
          await tx.auditLog.create({ data: { actorId: user(email), action: auditActionOf(event), entityType: "plan", entityId: plan.id, planId: plan.id, before: { status: from }, after: { status: to }, at: day(on, 11) } });
        }

        // The year-end round: the texts as written, a goal status only where the text says so plainly.
        let inferred = 0;
        for (const { measure, text } of followUps) {
          if (text) await tx.measureFollowUp.create({ data: { roundId: round.id, measureId: measure.id, text } });
          const status = inferGoalStatus(text, measure.goals.length);
          if (status) {
            await tx.goalFollowUp.createMany({ data: measure.goals.map((g) => ({ roundId: round.id, goalId: g.id, status })) });
            inferred += measure.goals.length;
          }
        }
        log(`Läste in ${seed.district} ${seed.year} från ${file} (beslutad, årsuppföljning med status för ${inferred} mål).`);
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
