// The plan's yearly cycle as a state machine: which step (event) may be taken from which
// status, by whom (a permission in permissions.ts), with what input, and what must be done
// first. Pure: the caller loads the status, the completeness list and the police signatures,
// and writes the new status only when `transition` says ok.

import type { CompletenessIssue } from "./completeness";
import { authorize, type Permission } from "./permissions";
import { TEXT_LIMITS } from "./text";
import type { Actor, DistrictScope, PlanStatus } from "./types";

export const WORKFLOW_EVENTS = [
  "SUBMIT",
  "DECIDE",
  "RETURN_FROM_STEERING",
  "REVIEW_ACCEPT",
  "REVIEW_RETURN",
  "COUNCIL_DECIDE",
  "REOPEN",
] as const;
export type WorkflowEvent = (typeof WORKFLOW_EVENTS)[number];

/** What a user may have to type in for a step. */
export type PayloadField = "comment" | "decidedOn" | "paragraph";
export type WorkflowPayload = { comment?: string | null; decidedOn?: string | null; paragraph?: string | null };

export type WorkflowRule = {
  from: readonly PlanStatus[];
  to: PlanStatus;
  permission: Permission;
  /** Fields that must be filled in (comment = the reason for REOPEN). */
  requires: readonly PayloadField[];
  /** The plan must be complete and every measure with the police validly signed. */
  requiresComplete: boolean;
  /** The step freezes the plan's content as a numbered version. */
  freezesVersion: boolean;
};

/** The whole cycle. Read a row as: "<event>: from <from> to <to>, by <permission>". */
export const WORKFLOW: Readonly<Record<WorkflowEvent, WorkflowRule>> = {
  SUBMIT: { from: ["DRAFT", "RETURNED"], to: "SUBMITTED", permission: "plan.submit", requires: [], requiresComplete: true, freezesVersion: false },
  DECIDE: { from: ["SUBMITTED"], to: "DECIDED", permission: "plan.decide", requires: ["decidedOn"], requiresComplete: false, freezesVersion: true },
  RETURN_FROM_STEERING: { from: ["SUBMITTED"], to: "RETURNED", permission: "plan.returnFromSteering", requires: ["comment"], requiresComplete: false, freezesVersion: false },
  REVIEW_ACCEPT: { from: ["DECIDED"], to: "ACCEPTED", permission: "plan.review", requires: [], requiresComplete: false, freezesVersion: false },
  REVIEW_RETURN: { from: ["DECIDED"], to: "RETURNED", permission: "plan.review", requires: ["comment"], requiresComplete: false, freezesVersion: false },
  COUNCIL_DECIDE: { from: ["ACCEPTED"], to: "COUNCIL_DECIDED", permission: "plan.councilDecision", requires: ["decidedOn", "paragraph"], requiresComplete: false, freezesVersion: false },
  REOPEN: { from: ["DECIDED", "ACCEPTED", "COUNCIL_DECIDED"], to: "DRAFT", permission: "plan.reopen", requires: ["comment"], requiresComplete: false, freezesVersion: false },
};

/** What a user calls each status. */
export const STATUS_LABELS: Record<PlanStatus, string> = {
  DRAFT: "Utkast",
  SUBMITTED: "Skickad till styrgruppen",
  DECIDED: "Beslutad av lokal styrgrupp",
  RETURNED: "Återsänd för ändring",
  ACCEPTED: "Godkänd av beredningsgruppen",
  COUNCIL_DECIDED: "Beslutad av stadsdelsnämnden",
};

/** Button texts: each says what happens. */
export const EVENT_LABELS: Record<WorkflowEvent, string> = {
  SUBMIT: "Skicka till styrgruppen för beslut",
  DECIDE: "Besluta planen",
  RETURN_FROM_STEERING: "Skicka tillbaka till strategen",
  REVIEW_ACCEPT: "Godkänn planen",
  REVIEW_RETURN: "Skicka tillbaka för revidering",
  COUNCIL_DECIDE: "Registrera nämndbeslut",
  REOPEN: "Öppna planen för ändringar",
};

/** The step once taken, as the plan list and the plan page say who did it ("… av Anna, 2026-02-10"). */
export const EVENT_DONE_LABELS: Record<WorkflowEvent, string> = {
  SUBMIT: "Skickad till styrgruppen",
  DECIDE: "Beslutad av lokal styrgrupp",
  RETURN_FROM_STEERING: "Skickad tillbaka av styrgruppen",
  REVIEW_ACCEPT: "Godkänd av beredningsgruppen",
  REVIEW_RETURN: "Skickad tillbaka av beredningsgruppen",
  COUNCIL_DECIDE: "Nämndbeslut registrerat",
  REOPEN: "Öppnad för ändringar",
};

/** The audit log's action for a step ("plan.return_from_steering"), and back. */
export const auditActionOf = (event: WorkflowEvent) => `plan.${event.toLowerCase()}`;
export function eventOfAuditAction(action: string): WorkflowEvent | null {
  return WORKFLOW_EVENTS.find((e) => auditActionOf(e) === action) ?? null;
}

/** First half of a CONFLICT: where the plan is now. */
const STATUS_NOW: Record<PlanStatus, string> = {
  DRAFT: "Planen är ett utkast och har inte skickats till styrgruppen.",
  SUBMITTED: "Planen har redan skickats till styrgruppen.",
  DECIDED: "Planen är redan beslutad av den lokala styrgruppen.",
  RETURNED: "Planen är återsänd för ändring och har inte skickats till styrgruppen igen.",
  ACCEPTED: "Planen är redan godkänd av beredningsgruppen.",
  COUNCIL_DECIDED: "Planen är redan beslutad av stadsdelsnämnden.",
};

/** Second half of a CONFLICT: when the step can be taken. */
const EVENT_WHEN: Record<WorkflowEvent, string> = {
  SUBMIT: "Bara ett utkast eller en återsänd plan kan skickas till styrgruppen.",
  DECIDE: "Styrgruppen kan bara besluta en plan som har skickats till den.",
  RETURN_FROM_STEERING: "Styrgruppen kan bara skicka tillbaka en plan som väntar på dess beslut.",
  REVIEW_ACCEPT: "Beredningsgruppen granskar planen när den lokala styrgruppen har beslutat den.",
  REVIEW_RETURN: "Beredningsgruppen granskar planen när den lokala styrgruppen har beslutat den.",
  COUNCIL_DECIDE: "Nämndbeslutet registreras när beredningsgruppen har godkänt planen.",
  REOPEN: "Bara en beslutad eller godkänd plan behöver öppnas för ändringar.",
};

/** VALIDATION: what to fill in, per step and field. */
const REQUIRED_MESSAGES: Record<WorkflowEvent, Partial<Record<PayloadField, string>>> = {
  SUBMIT: {},
  DECIDE: { decidedOn: "Ange vilket datum den lokala styrgruppen beslutade planen." },
  RETURN_FROM_STEERING: { comment: "Skriv vad strategen behöver ändra innan planen skickas tillbaka." },
  REVIEW_ACCEPT: {},
  REVIEW_RETURN: { comment: "Skriv vad som behöver revideras innan planen skickas tillbaka." },
  COUNCIL_DECIDE: {
    decidedOn: "Ange vilket datum stadsdelsnämnden beslutade planen.",
    paragraph: "Ange paragraf (§) för stadsdelsnämndens beslut.",
  },
  REOPEN: { comment: "Skriv varför planen behöver öppnas för ändringar." },
};

export const WORKFLOW_MESSAGES = {
  validation: "Uppgifterna behöver rättas. Se felen nedan.",
  invalidDate: "Datumet ska skrivas som ÅÅÅÅ-MM-DD, till exempel 2025-03-14, och finnas i kalendern.",
  commentTooLong: `Texten får vara högst ${TEXT_LIMITS.long} tecken.`,
  paragraphTooLong: `Paragrafen får vara högst ${TEXT_LIMITS.short} tecken.`,
  unsigned: (label: string) => `Åtgärden "${label}" saknar giltig underskrift från polisen.`,
  incomplete: (n: number) =>
    `Planen kan inte skickas till styrgruppen än: ${n} ${n === 1 ? "sak saknas" : "saker saknas"}. Åtgärda dem och försök igen.`,
} as const;

/** A measure that needs the police's signature but has no valid one (see cosign.ts). */
export type UnsignedGuard = {
  measureId: string;
  label: string;
  message?: string;
  areaId?: string;
  areaName?: string;
  anchor?: string;
};

export type MissingStep = { message: string; anchor?: string; areaId?: string };

export type TransitionInput = {
  actor: Actor;
  scope: DistrictScope;
  status: PlanStatus;
  event: WorkflowEvent;
  guards: { incomplete: readonly CompletenessIssue[]; unsignedPoliceMeasures: readonly UnsignedGuard[] };
  payload: WorkflowPayload;
};

export type TransitionResult =
  | { ok: true; to: PlanStatus; freezesVersion: boolean }
  | {
      ok: false;
      code: "FORBIDDEN" | "CONFLICT" | "VALIDATION" | "INCOMPLETE";
      message: string;
      /** INCOMPLETE: every gap, in plan order, then every unsigned measure, in plan order. */
      missing?: MissingStep[];
      /** VALIDATION: per payload field, the same shape as ActionResult's fieldErrors. */
      fieldErrors?: Partial<Record<PayloadField, string[]>>;
    };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

function validatePayload(event: WorkflowEvent, payload: WorkflowPayload): Partial<Record<PayloadField, string[]>> {
  const errors: Partial<Record<PayloadField, string[]>> = {};
  const required = WORKFLOW[event].requires;
  for (const field of required) {
    const value = (payload[field] ?? "").trim();
    const message = REQUIRED_MESSAGES[event][field] ?? WORKFLOW_MESSAGES.validation;
    if (value === "") {
      errors[field] = [message];
      continue;
    }
    if (field === "decidedOn" && !isIsoDate(value)) errors[field] = [WORKFLOW_MESSAGES.invalidDate];
    if (field === "comment" && value.length > TEXT_LIMITS.long) errors[field] = [WORKFLOW_MESSAGES.commentTooLong];
    if (field === "paragraph" && value.length > TEXT_LIMITS.short) errors[field] = [WORKFLOW_MESSAGES.paragraphTooLong];
  }
  return errors;
}

function missingSteps(guards: TransitionInput["guards"]): MissingStep[] {
  const gaps = guards.incomplete.map((issue) => ({
    message: `${issue.areaName}: ${issue.message}`,
    anchor: issue.anchor,
    areaId: issue.areaId,
  }));
  const unsigned = guards.unsignedPoliceMeasures.map((u) => {
    const message = u.message ?? WORKFLOW_MESSAGES.unsigned(u.label);
    return {
      message: u.areaName ? `${u.areaName}: ${message}` : message,
      anchor: u.anchor ?? `measure-${u.measureId}`,
      ...(u.areaId !== undefined ? { areaId: u.areaId } : {}),
    };
  });
  return [...gaps, ...unsigned];
}

/**
 * One step of the cycle. Checked in this order, the first failure wins:
 * 1. FORBIDDEN: the actor lacks the step's permission in the district (whatever the status);
 * 2. CONFLICT: the step cannot be taken from the current status (someone else was first);
 * 3. VALIDATION: a required field is empty or malformed (every field is reported);
 * 4. INCOMPLETE (SUBMIT only): the plan has gaps or unsigned police measures (all listed).
 */
export function transition(input: TransitionInput): TransitionResult {
  const { actor, scope, status, event, guards, payload } = input;
  const rule = WORKFLOW[event];

  const allowed = authorize(actor, rule.permission, { scope, planStatus: status });
  if (!allowed.ok) return { ok: false, code: "FORBIDDEN", message: allowed.message };

  if (!rule.from.includes(status)) {
    return { ok: false, code: "CONFLICT", message: `${STATUS_NOW[status]} ${EVENT_WHEN[event]}` };
  }

  const fieldErrors = validatePayload(event, payload);
  const messages = Object.values(fieldErrors).flat();
  if (messages.length > 0) {
    return { ok: false, code: "VALIDATION", message: messages.join(" "), fieldErrors };
  }

  if (rule.requiresComplete) {
    const missing = missingSteps(guards);
    if (missing.length > 0) {
      return { ok: false, code: "INCOMPLETE", message: WORKFLOW_MESSAGES.incomplete(missing.length), missing };
    }
  }

  return { ok: true, to: rule.to, freezesVersion: rule.freezesVersion };
}

/**
 * The steps the actor may take from this status (permission and status only: a SUBMIT listed
 * here can still fail as INCOMPLETE or VALIDATION). In WORKFLOW_EVENTS order.
 */
export function availableEvents(actor: Actor, scope: DistrictScope, status: PlanStatus): WorkflowEvent[] {
  return WORKFLOW_EVENTS.filter((event) => {
    const rule = WORKFLOW[event];
    return rule.from.includes(status) && authorize(actor, rule.permission, { scope, planStatus: status }).ok;
  });
}
