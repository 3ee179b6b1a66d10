import { describe, expect, it } from "vitest";
import { findIncomplete } from "../../lib/domain/completeness";
import { unsignedPoliceMeasures } from "../../lib/domain/cosign";
import { PLAN_STATUSES, ROLES, type Membership, type PlanStatus, type Role } from "../../lib/domain/types";
import {
  auditActionOf,
  availableEvents,
  EVENT_DONE_LABELS,
  eventOfAuditAction,
  EVENT_LABELS,
  isIsoDate,
  STATUS_LABELS,
  transition,
  WORKFLOW_EVENTS,
  type TransitionInput,
  type WorkflowEvent,
} from "../../lib/domain/workflow";
import { buildActor, buildArea, buildCause, buildMeasure, buildPlanTree, buildPoliceMeasure, buildProblem, buildScope } from "../support/builders";

const MEMBERSHIP: Record<Role, Membership> = {
  STRATEGIST: { role: "STRATEGIST", municipalityId: "stockholm", districtId: "farsta" },
  STEERING_GROUP: { role: "STEERING_GROUP", municipalityId: "stockholm", districtId: "farsta" },
  POLICE: { role: "POLICE", municipalityId: "stockholm", policeAreaId: "lpo-farsta" },
  REVIEW_GROUP: { role: "REVIEW_GROUP", municipalityId: "stockholm" },
  ADMIN: { role: "ADMIN", municipalityId: "stockholm" },
};
const SCOPE = buildScope({ districtId: "farsta", municipalityId: "stockholm", policeAreaIds: ["lpo-farsta"] });

/** The cycle, written out by hand: who (in the own district), from which statuses, to which. */
const EXPECTED: Record<WorkflowEvent, { roles: Role[]; from: PlanStatus[]; to: PlanStatus }> = {
  SUBMIT: { roles: ["STRATEGIST", "ADMIN"], from: ["DRAFT", "RETURNED"], to: "SUBMITTED" },
  DECIDE: { roles: ["STEERING_GROUP"], from: ["SUBMITTED"], to: "DECIDED" },
  RETURN_FROM_STEERING: { roles: ["STEERING_GROUP"], from: ["SUBMITTED"], to: "RETURNED" },
  REVIEW_ACCEPT: { roles: ["REVIEW_GROUP"], from: ["DECIDED"], to: "ACCEPTED" },
  REVIEW_RETURN: { roles: ["REVIEW_GROUP"], from: ["DECIDED"], to: "RETURNED" },
  COUNCIL_DECIDE: { roles: ["STRATEGIST", "ADMIN"], from: ["ACCEPTED"], to: "COUNCIL_DECIDED" },
  REOPEN: { roles: ["STRATEGIST", "ADMIN"], from: ["DECIDED", "ACCEPTED", "COUNCIL_DECIDED"], to: "DRAFT" },
};

const FULL_PAYLOAD = { comment: "Förtydliga målen i område 2.", decidedOn: "2025-03-14", paragraph: "§ 45" };
const NO_GUARDS: TransitionInput["guards"] = { incomplete: [], unsignedPoliceMeasures: [] };

function input(overrides: Partial<TransitionInput> & Pick<TransitionInput, "event" | "status">): TransitionInput {
  return { actor: buildActor([MEMBERSHIP.STRATEGIST]), scope: SCOPE, guards: NO_GUARDS, payload: FULL_PAYLOAD, ...overrides };
}

const ALL = PLAN_STATUSES.flatMap((status) =>
  WORKFLOW_EVENTS.flatMap((event) => ROLES.map((role) => [status, event, role] as const)),
);

describe("transition: every (status, event, role), complete plan and full payload", () => {
  it("covers every combination", () => {
    expect(ALL).toHaveLength(6 * 7 * 5);
  });

  it.each(ALL)("%s + %s by %s", (status, event, role) => {
    const result = transition(input({ actor: buildActor([MEMBERSHIP[role]]), status, event }));
    const rule = EXPECTED[event];
    if (!rule.roles.includes(role)) {
      expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
    } else if (!rule.from.includes(status)) {
      expect(result).toMatchObject({ ok: false, code: "CONFLICT" });
    } else {
      expect(result).toEqual({ ok: true, to: rule.to, freezesVersion: event === "DECIDE" });
    }
  });
});

describe("availableEvents: every (status, role)", () => {
  const CASES = PLAN_STATUSES.flatMap((status) => ROLES.map((role) => [status, role] as const));

  it.each(CASES)("%s for %s", (status, role) => {
    const expected = WORKFLOW_EVENTS.filter((e) => EXPECTED[e].roles.includes(role) && EXPECTED[e].from.includes(status));
    expect(availableEvents(buildActor([MEMBERSHIP[role]]), SCOPE, status)).toEqual(expected);
  });

  it.each<[PlanStatus, WorkflowEvent[]]>([
    ["DRAFT", ["SUBMIT"]],
    ["SUBMITTED", []],
    ["DECIDED", ["REOPEN"]],
    ["COUNCIL_DECIDED", ["REOPEN"]],
  ])("the strategist in %s: %j", (status, events) => {
    expect(availableEvents(buildActor([MEMBERSHIP.STRATEGIST]), SCOPE, status)).toEqual(events);
  });

  it("nothing in another district", () => {
    const other = buildScope({ districtId: "skarholmen", policeAreaIds: ["lpo-skarholmen"] });
    for (const role of ["STRATEGIST", "STEERING_GROUP"] as const) {
      for (const status of PLAN_STATUSES) expect(availableEvents(buildActor([MEMBERSHIP[role]]), other, status)).toEqual([]);
    }
  });
});

describe("transition: refusals say why", () => {
  it.each<[PlanStatus, WorkflowEvent, Role, RegExp]>([
    ["SUBMITTED", "SUBMIT", "STRATEGIST", /^Planen har redan skickats/u],
    ["DECIDED", "DECIDE", "STEERING_GROUP", /^Planen är redan beslutad/u],
    ["ACCEPTED", "REVIEW_ACCEPT", "REVIEW_GROUP", /^Planen är redan godkänd av beredningsgruppen/u],
    ["COUNCIL_DECIDED", "COUNCIL_DECIDE", "ADMIN", /^Planen är redan beslutad av stadsdelsnämnden/u],
    ["DRAFT", "DECIDE", "STEERING_GROUP", /^Planen är ett utkast.*Styrgruppen kan bara besluta en plan som har skickats till den\.$/u],
    ["RETURNED", "REOPEN", "STRATEGIST", /^Planen är återsänd för ändring/u],
  ])("CONFLICT from %s on %s by %s", (status, event, role, message) => {
    const result = transition(input({ actor: buildActor([MEMBERSHIP[role]]), status, event }));
    expect(result).toMatchObject({ ok: false, code: "CONFLICT" });
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it("FORBIDDEN wins over CONFLICT (the police cannot submit, whatever the status)", () => {
    const result = transition(input({ actor: buildActor([MEMBERSHIP.POLICE]), status: "SUBMITTED", event: "SUBMIT" }));
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN", message: expect.stringMatching(/behörighet/u) as string });
  });

  it("a strategist of another district is FORBIDDEN", () => {
    const actor = buildActor([{ role: "STRATEGIST", municipalityId: "stockholm", districtId: "skarholmen" }]);
    expect(transition(input({ actor, status: "DRAFT", event: "SUBMIT" }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });
});

describe("transition: what must be filled in", () => {
  const ROLE_FOR: Record<WorkflowEvent, Role> = {
    SUBMIT: "STRATEGIST",
    DECIDE: "STEERING_GROUP",
    RETURN_FROM_STEERING: "STEERING_GROUP",
    REVIEW_ACCEPT: "REVIEW_GROUP",
    REVIEW_RETURN: "REVIEW_GROUP",
    COUNCIL_DECIDE: "STRATEGIST",
    REOPEN: "STRATEGIST",
  };
  const FROM: Record<WorkflowEvent, PlanStatus> = {
    SUBMIT: "DRAFT",
    DECIDE: "SUBMITTED",
    RETURN_FROM_STEERING: "SUBMITTED",
    REVIEW_ACCEPT: "DECIDED",
    REVIEW_RETURN: "DECIDED",
    COUNCIL_DECIDE: "ACCEPTED",
    REOPEN: "COUNCIL_DECIDED",
  };
  const run = (event: WorkflowEvent, payload: TransitionInput["payload"]) =>
    transition(input({ actor: buildActor([MEMBERSHIP[ROLE_FOR[event]]]), status: FROM[event], event, payload }));

  it.each<[WorkflowEvent, TransitionInput["payload"], string[]]>([
    ["DECIDE", {}, ["decidedOn"]],
    ["DECIDE", { decidedOn: "  " }, ["decidedOn"]],
    ["DECIDE", { decidedOn: "2025-02-30" }, ["decidedOn"]],
    ["DECIDE", { decidedOn: "14/3 2025" }, ["decidedOn"]],
    ["RETURN_FROM_STEERING", {}, ["comment"]],
    ["RETURN_FROM_STEERING", { comment: " \n " }, ["comment"]],
    ["REVIEW_RETURN", { comment: null }, ["comment"]],
    ["REVIEW_RETURN", { comment: "x".repeat(10001) }, ["comment"]],
    ["COUNCIL_DECIDE", {}, ["decidedOn", "paragraph"]],
    ["COUNCIL_DECIDE", { decidedOn: "2025-05-20" }, ["paragraph"]],
    ["COUNCIL_DECIDE", { paragraph: "§ 12" }, ["decidedOn"]],
    ["REOPEN", { comment: "" }, ["comment"]],
  ])("%s with %j → VALIDATION on %j", (event, payload, fields) => {
    const result = run(event, payload);
    expect(result).toMatchObject({ ok: false, code: "VALIDATION" });
    if (!result.ok) {
      expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual([...fields].sort());
      expect(result.message).not.toBe("");
    }
  });

  it.each<[WorkflowEvent, TransitionInput["payload"]]>([
    ["SUBMIT", {}],
    ["DECIDE", { decidedOn: "2024-02-29" }],
    ["RETURN_FROM_STEERING", { comment: "Målen i område 3 behöver bli mätbara." }],
    ["REVIEW_ACCEPT", {}],
    ["REVIEW_RETURN", { comment: "Jämför med Skärholmens plan." }],
    ["COUNCIL_DECIDE", { decidedOn: "2025-05-20", paragraph: "§ 12" }],
    ["REOPEN", { comment: "Nytt beslut i nämnden." }],
  ])("%s with %j is enough", (event, payload) => {
    expect(run(event, payload)).toMatchObject({ ok: true });
  });

  it("reports every missing field at once, in Swedish", () => {
    const result = run("COUNCIL_DECIDE", {});
    expect(result).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: {
        decidedOn: ["Ange vilket datum stadsdelsnämnden beslutade planen."],
        paragraph: ["Ange paragraf (§) för stadsdelsnämndens beslut."],
      },
    });
  });
});

describe("transition: SUBMIT needs a complete, signed plan", () => {
  const strategist = buildActor([MEMBERSHIP.STRATEGIST]);

  it("INCOMPLETE lists exactly the gaps and unsigned measures, in plan order", () => {
    const noGoal = buildMeasure({ id: "m-nogoal", description: "Trygghetsvandringar", goals: [] });
    const police = buildPoliceMeasure({ id: "m-police", description: "Ungdomsutsättningar med polisen" });
    const tree = buildPlanTree({
      areas: [
        buildArea({ id: "a1", name: "Otrygga och brottsutsatta platser", problems: [buildProblem({ causes: [buildCause({ measures: [noGoal, police] })] })] }),
        buildArea({ id: "a2", name: "Eget område", centralArea: null, problems: [buildProblem({ id: "p-empty", description: "Klotter", causes: [] })] }),
      ],
    });
    const guards = { incomplete: findIncomplete(tree), unsignedPoliceMeasures: unsignedPoliceMeasures(tree, new Map()) };
    const result = transition(input({ actor: strategist, status: "DRAFT", event: "SUBMIT", guards }));
    expect(result).toEqual({
      ok: false,
      code: "INCOMPLETE",
      message: "Planen kan inte skickas till styrgruppen än: 3 saker saknas. Åtgärda dem och försök igen.",
      missing: [
        { message: 'Otrygga och brottsutsatta platser: Åtgärden "Trygghetsvandringar" saknar operativt mål.', anchor: "measure-m-nogoal", areaId: "a1" },
        { message: 'Eget område: Problemet "Klotter" saknar orsak.', anchor: "problem-p-empty", areaId: "a2" },
        {
          message: 'Otrygga och brottsutsatta platser: Åtgärden "Ungdomsutsättningar med polisen" saknar polisens underskrift.',
          anchor: "measure-m-police",
          areaId: "a1",
        },
      ],
    });
  });

  it("one missing thing is counted in the singular", () => {
    const guards = { incomplete: [], unsignedPoliceMeasures: [{ measureId: "m1", label: "Ungdomsutsättningar" }] };
    const result = transition(input({ actor: strategist, status: "RETURNED", event: "SUBMIT", guards }));
    expect(result).toEqual({
      ok: false,
      code: "INCOMPLETE",
      message: "Planen kan inte skickas till styrgruppen än: 1 sak saknas. Åtgärda dem och försök igen.",
      missing: [{ message: 'Åtgärden "Ungdomsutsättningar" saknar giltig underskrift från polisen.', anchor: "measure-m1" }],
    });
  });

  it("a complete plan whose police measures are signed can be submitted", () => {
    expect(transition(input({ actor: strategist, status: "DRAFT", event: "SUBMIT", guards: NO_GUARDS }))).toEqual({
      ok: true,
      to: "SUBMITTED",
      freezesVersion: false,
    });
  });

  it("CONFLICT comes before INCOMPLETE (an already submitted plan is not re-checked)", () => {
    const guards = { incomplete: [], unsignedPoliceMeasures: [{ measureId: "m1", label: "x" }] };
    expect(transition(input({ actor: strategist, status: "SUBMITTED", event: "SUBMIT", guards }))).toMatchObject({ code: "CONFLICT" });
  });

  it.each(WORKFLOW_EVENTS.filter((e) => e !== "SUBMIT"))("%s ignores the guards", (event) => {
    const guards = { incomplete: [], unsignedPoliceMeasures: [{ measureId: "m1", label: "x" }] };
    const role = EXPECTED[event].roles[0] ?? "ADMIN";
    const status = EXPECTED[event].from[0] ?? "DRAFT";
    expect(transition(input({ actor: buildActor([MEMBERSHIP[role]]), status, event, guards }))).toMatchObject({ ok: true });
  });
});

describe("labels", () => {
  it("names every status", () => {
    expect(STATUS_LABELS).toEqual({
      DRAFT: "Utkast",
      SUBMITTED: "Skickad till styrgruppen",
      DECIDED: "Beslutad av lokal styrgrupp",
      RETURNED: "Återsänd för ändring",
      ACCEPTED: "Godkänd av beredningsgruppen",
      COUNCIL_DECIDED: "Beslutad av stadsdelsnämnden",
    });
  });

  it("every button says what happens", () => {
    expect(EVENT_LABELS).toEqual({
      SUBMIT: "Skicka till styrgruppen för beslut",
      DECIDE: "Besluta planen",
      RETURN_FROM_STEERING: "Skicka tillbaka till strategen",
      REVIEW_ACCEPT: "Godkänn planen",
      REVIEW_RETURN: "Skicka tillbaka för revidering",
      COUNCIL_DECIDE: "Registrera nämndbeslut",
      REOPEN: "Öppna planen för ändringar",
    });
  });
});

describe("isIsoDate", () => {
  it.each<[string, boolean]>([
    ["2025-03-14", true],
    ["2024-02-29", true],
    ["2025-02-29", false],
    ["2100-02-29", false],
    ["2000-02-29", true],
    ["2025-13-01", false],
    ["2025-04-31", false],
    ["2025-4-1", false],
    ["250314", false],
  ])("%s → %s", (s, ok) => {
    expect(isIsoDate(s)).toBe(ok);
  });
});

describe("the audit action of a step", () => {
  it("reads back every step from its audit action, and nothing else", () => {
    for (const event of WORKFLOW_EVENTS) expect(eventOfAuditAction(auditActionOf(event))).toBe(event);
    expect(auditActionOf("RETURN_FROM_STEERING")).toBe("plan.return_from_steering");
    expect(eventOfAuditAction("plan.create")).toBeNull();
    expect(eventOfAuditAction("measure.update")).toBeNull();
  });

  it("names every step as done, in Swedish", () => {
    expect(EVENT_DONE_LABELS.SUBMIT).toBe("Skickad till styrgruppen");
    expect(EVENT_DONE_LABELS.REVIEW_RETURN).toBe("Skickad tillbaka av beredningsgruppen");
    expect(Object.keys(EVENT_DONE_LABELS).sort()).toEqual([...WORKFLOW_EVENTS].sort());
  });
});
