import { z } from "zod";
import { findPersonalData, personalDataMessage } from "@/lib/domain/personal-data";
import { parseEvidenceLinks } from "@/lib/domain/evidence";

// Input schemas of the plan editor's actions, shared by the forms (field names) and the actions.
// Texts are trimmed and bounded; the limits are generous (the real plans have cells of several hundred words).
export const LIMITS = { short: 200, long: 10_000, parties: 20 } as const;

/**
 * Plans are public documents: a free text naming a private person (personnummer, mobile
 * number, private e-mail) is refused, with the words pointed out (lib/domain/personal-data.ts).
 */
export function refusePersonalData(text: string | null | undefined, ctx: z.RefinementCtx) {
  // A text over every limit is refused for its length already; it is not searched.
  if (text && text.length > LIMITS.long) return;
  const found = text ? findPersonalData(text) : [];
  if (found.length > 0) ctx.addIssue({ code: "custom", message: personalDataMessage(found) });
}
/** A free text as typed by a user: trimmed, bounded, without personal data. */
export const freeText = (label: string, max: number) =>
  z.string().trim().max(max, `${capitalize(label)} får vara högst ${max.toLocaleString("sv-SE")} tecken.`).superRefine(refusePersonalData);

const requiredText = (label: string, max: number = LIMITS.long) =>
  z
    .string({ error: `Fyll i ${label}.` })
    .trim()
    .min(1, `Fyll i ${label}.`)
    .max(max, `${capitalize(label)} får vara högst ${max.toLocaleString("sv-SE")} tecken.`)
    .superRefine(refusePersonalData);

const optionalText = (label: string, max: number = LIMITS.short) =>
  freeText(label, max)
    .optional()
    .transform((v) => (v ? v : null));

function capitalize(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** `what` in its definite form and the matching adjective: ("Orsaken", "ogiltig"), ("Problemet", "ogiltigt"). */
/** Ids are compared and logged in lower case, however they were sent. */
const id = (what: string, invalid: "ogiltig" | "ogiltigt" = "ogiltig") =>
  z
    .string({ error: `${what} saknas.` })
    .uuid(`${what} är ${invalid}.`)
    .transform((v) => v.toLowerCase());
/** The largest int4: a version beyond it is forged. */
export const MAX_VERSION = 2_147_483_647;
const version = z.coerce.number({ error: "Versionen saknas." }).int("Versionen är ogiltig.").min(1, "Versionen är ogiltig.").max(MAX_VERSION, "Versionen är ogiltig.");
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

export const ZPlanRef = z.object({
  districtSlug: z.string({ error: "Stadsdelsområdet saknas." }).trim().min(1, "Stadsdelsområdet saknas.").max(100, "Okänt stadsdelsområde.").regex(/^[a-z0-9-]+$/, "Okänt stadsdelsområde."),
  year: z.coerce.number({ error: "Ange året med fyra siffror." }).int("Ange året med fyra siffror.").min(2000, "Ange ett år från 2000.").max(2100, "Ange ett år senast 2100."),
});
export type TPlanRef = z.infer<typeof ZPlanRef>;

export const ZCreatePlanInput = ZPlanRef;

export const ZCreateAreaInput = ZPlanRef.extend({ name: requiredText("områdets namn", LIMITS.short) });
export const ZRenameAreaInput = ZPlanRef.extend({ areaId: id("Området", "ogiltigt"), version, name: requiredText("områdets namn", LIMITS.short) });
export const ZDeleteAreaInput = ZPlanRef.extend({ areaId: id("Området", "ogiltigt"), version });

const problemFields = {
  collectiveName: optionalText("samlingsnamnet"),
  description: requiredText("problemet"),
};
export const ZCreateProblemInput = ZPlanRef.extend({ areaId: id("Området", "ogiltigt"), ...problemFields });
export const ZUpdateProblemInput = ZPlanRef.extend({ id: id("Problemet", "ogiltigt"), version, ...problemFields });
export type TCreateProblemInput = z.infer<typeof ZCreateProblemInput>;

const causeFields = { description: requiredText("orsaken") };
export const ZCreateCauseInput = ZPlanRef.extend({ problemId: id("Problemet", "ogiltigt"), ...causeFields });
export const ZUpdateCauseInput = ZPlanRef.extend({ id: id("Orsaken"), version, ...causeFields });

const ZResponsibleParty = z.object({
  organisation: freeText("organisationen", LIMITS.short).default(""),
  role: freeText("rollen", LIMITS.short).default(""),
});

const measureFields = {
  description: requiredText("åtgärden"),
  kind: z
    .enum(["ONE_OFF", "ONGOING_WORK", ""], { error: "Välj punktinsats eller ordinarie arbete." })
    .optional()
    .transform((v) => (v ? v : null)),
  withPolice: checkbox,
  youthStrategy: checkbox,
  violentExtremism: checkbox,
  deadlineKind: z
    .enum(["DATE", "ONGOING", ""], { error: "Välj datum eller linjearbete." })
    .optional()
    .transform((v) => (v ? v : null)),
  deadlineDate: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null)),
  confidential: checkbox,
  // Evidence after EMMIE (lib/domain/evidence.ts), all optional.
  evidenceEffect: optionalText("den förväntade effekten", LIMITS.long),
  evidenceMechanism: optionalText("mekanismen", LIMITS.long),
  evidenceContext: optionalText("sammanhanget", LIMITS.long),
  evidenceImplementation: optionalText("genomförandet", LIMITS.long),
  evidenceEconomy: optionalText("kostnaden", LIMITS.short),
  evidenceLinks: z
    .string()
    .max(5_000, "Länkarna får vara högst 5 000 tecken.")
    .optional()
    .transform((v, ctx) => {
      const parsed = parseEvidenceLinks(v ?? "");
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: parsed.message });
        return z.NEVER;
      }
      return parsed.links;
    }),
  responsible: z
    .array(ZResponsibleParty)
    .max(LIMITS.parties, `Högst ${LIMITS.parties} ansvariga.`)
    .optional()
    .transform((rows) =>
      (rows ?? [])
        .filter((r) => r.organisation || r.role)
        .map((r) => ({ organisation: r.organisation || r.role, role: r.organisation ? r.role || null : null })),
    ),
};

function refineDeadline<T extends { deadlineKind: string | null; deadlineDate: string | null }>(v: T, ctx: z.RefinementCtx) {
  if (v.deadlineKind !== "DATE") return;
  if (!v.deadlineDate) {
    ctx.addIssue({ code: "custom", path: ["deadlineDate"], message: "Ange datum för när åtgärden ska vara genomförd." });
    return;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v.deadlineDate);
  const d = m ? new Date(`${v.deadlineDate}T00:00:00Z`) : null;
  if (!m || !d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v.deadlineDate) {
    ctx.addIssue({ code: "custom", path: ["deadlineDate"], message: "Ange ett riktigt datum, till exempel 2025-12-31." });
  }
}

export const ZCreateMeasureInput = ZPlanRef.extend({ causeId: id("Orsaken"), ...measureFields }).superRefine(refineDeadline);
export const ZUpdateMeasureInput = ZPlanRef.extend({ id: id("Åtgärden"), version, ...measureFields }).superRefine(refineDeadline);
export type TMeasureFields = Omit<z.infer<typeof ZCreateMeasureInput>, "districtSlug" | "year" | "causeId">;

/**
 * An optional number as Swedes type it ("1 200", "80,5"), rounded to two decimals; empty → null.
 * numeric(14,2) in the database: at most 12 digits before the decimal comma, checked after rounding.
 */
export const decimal = (message: string, { min = -999_999_999_999.99 }: { min?: number } = {}) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const n = Math.round(Number(v.replace(/\s/g, "").replace(",", ".")) * 100) / 100;
      if (!Number.isFinite(n) || n < min || Math.abs(n) > 999_999_999_999.99) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return n;
    });

const goalFields = {
  description: requiredText("målet"),
  targetValue: decimal("Ange målvärdet som ett tal, till exempel 12 eller 80,5."),
  targetUnit: optionalText("enheten"),
  qualitative: checkbox,
};
export const ZCreateGoalInput = ZPlanRef.extend({ measureId: id("Åtgärden"), ...goalFields });
export const ZUpdateGoalInput = ZPlanRef.extend({ id: id("Målet", "ogiltigt"), version, ...goalFields });

/** Copy a measure of another district's plan (`sourceId`) under one of this plan's causes. */
export const ZCopyMeasureInput = ZPlanRef.extend({ causeId: id("Orsaken"), sourceId: id("Åtgärden att kopiera") });

export const ZDeleteInput = ZPlanRef.extend({ id: id("Raden"), version });
export const ZMoveInput = ZPlanRef.extend({ id: id("Raden"), direction: z.enum(["up", "down"]) });

// Workflow steps: the plan's version as the user saw it, so nobody decides on a plan that changed under them.
const isoDate = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(new Date(`${v}T00:00:00Z`).getTime()) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)), `Ange ${label} som ett riktigt datum, till exempel 2025-03-18.`);

export const ZWorkflowInput = ZPlanRef.extend({
  planVersion: z.coerce.number({ error: "Planens version saknas." }).int("Planens version är ogiltig.").min(1, "Planens version är ogiltig.").max(MAX_VERSION, "Planens version är ogiltig."),
  comment: freeText("kommentaren", LIMITS.long).optional().transform((v) => (v ? v : undefined)),
  decidedOn: isoDate("beslutsdatum"),
  paragraph: z.string().trim().max(50, "Paragrafen får vara högst 50 tecken.").optional().transform((v) => (v ? v : undefined)),
});
export type TWorkflowInput = z.infer<typeof ZWorkflowInput>;

export const ZCosignInput = ZPlanRef.extend({
  measureId: id("Åtgärden"),
  /** The measure's content hash as the police user read it: a sign-off always refers to that text. */
  contentHash: z.string().trim().min(1).max(100),
  comment: freeText("kommentaren", LIMITS.long).optional().transform((v) => (v ? v : undefined)),
});

export const ZCreateCommentInput = ZPlanRef.extend({
  measureId: z.string().uuid("Åtgärden är ogiltig.").transform((v) => v.toLowerCase()).optional().or(z.literal("").transform(() => undefined)),
  body: requiredText("kommentaren"),
});
export const ZResolveCommentInput = ZPlanRef.extend({ commentId: id("Kommentaren") });
