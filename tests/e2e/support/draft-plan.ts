import { test as base } from "@playwright/test";
import { deleteDraftPlanLeftovers, deletePlanById, insertDraftPlan, type DraftPlan } from "./db";

// The demo plans (Farsta 2025, Skärholmen 2025) are decided and read-only. A test that edits a
// plan asks for a fixture below and gets a DRAFT plan of its own (a free year 2030–2099, the five
// central areas and one chain, see insertDraftPlan), deleted after the test whatever happened.
// Set E2E_KEEP_PLAN=1 to keep it for a look.

async function ownDraft(districtSlug: string, provide: (plan: DraftPlan) => Promise<void>): Promise<void> {
  const plan = await insertDraftPlan(districtSlug);
  try {
    await provide(plan);
  } finally {
    if (!process.env.E2E_KEEP_PLAN) await deletePlanById(plan.id);
  }
}

export const test = base.extend<{ farstaDraft: DraftPlan; skarholmenDraft: DraftPlan }>({
  // Playwright reads a fixture's dependencies from the destructuring pattern: none here.
  farstaDraft: async ({}, use) => ownDraft("farsta", use),
  skarholmenDraft: async ({}, use) => ownDraft("skarholmen", use),
});

/** Draft plans left by an interrupted earlier run (a killed run skips the fixtures' teardown). */
export async function deleteDraftLeftovers(): Promise<void> {
  for (const slug of ["farsta", "skarholmen"]) await deleteDraftPlanLeftovers(slug);
}

export { expect } from "@playwright/test";
export type { DraftPlan };
