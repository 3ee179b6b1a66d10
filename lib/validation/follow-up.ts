import { z } from "zod";
import { GOAL_STATUSES, ROUND_KINDS } from "@/lib/domain/follow-up";
import { decimal, freeText, LIMITS, ZPlanRef } from "@/lib/validation/chain";

// Input schemas of the follow-up actions and of "start next year's plan".

const round = z.enum(ROUND_KINDS, { error: "Okänd uppföljningsomgång." });
/** The version the user saw; 0 = there was nothing written yet. */
const seenVersion = z.coerce.number({ error: "Versionen saknas." }).int("Versionen är ogiltig.").min(0, "Versionen är ogiltig.").max(2_147_483_647, "Versionen är ogiltig.");
const text = (label: string) =>
  freeText(label, LIMITS.long)
    .optional()
    .transform((v) => v ?? "");

const outcome = decimal("Ange utfallet som ett tal, till exempel 11 eller 80,5.", { min: 0 });

const ZGoalFollowUp = z.object({
  id: z.string({ error: "Målet saknas." }).uuid("Målet är ogiltigt.").transform((v) => v.toLowerCase()),
  version: seenVersion,
  status: z
    .union([z.enum(GOAL_STATUSES), z.literal("")], { error: "Välj en status för målet." })
    .optional()
    .transform((v) => (v ? v : null)),
  outcome,
  comment: text("Kommentaren"),
});

/** One measure's follow-up in one round: its text and (for the strategist) its goals' statuses. */
export const ZMeasureFollowUpInput = ZPlanRef.extend({
  round,
  measureId: z.string({ error: "Åtgärden saknas." }).uuid("Åtgärden är ogiltig.").transform((v) => v.toLowerCase()),
  textVersion: seenVersion,
  text: text("Uppföljningen"),
  goals: z.array(ZGoalFollowUp).max(100, "För många mål.").optional(),
});
export type TMeasureFollowUpInput = z.infer<typeof ZMeasureFollowUpInput>;

export const ZRoundInput = ZPlanRef.extend({ round, roundVersion: seenVersion });

/** Start next year's plan: `carry.<id>=on` for every chosen problem, cause, measure and goal. */
export const ZStartNextYearInput = ZPlanRef.extend({
  carry: z
    .record(z.string().uuid("Ett valt innehåll är ogiltigt."), z.string())
    .optional()
    .transform((r) => new Set(Object.keys(r ?? {})))
    .refine((s) => s.size <= 5000, "För många rader valda."),
});
