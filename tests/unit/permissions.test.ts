import { describe, expect, it } from "vitest";
import {
  ALL_PERMISSIONS,
  authorize,
  districtsActorCanEdit,
  isEditableStatus,
  PERMISSION_MESSAGES,
  permissionsFor,
  ROLE_LABELS,
  rolesLabel,
  type Authorization,
  type Permission,
} from "../../lib/domain/permissions";
import { PLAN_STATUSES, ROLES, type DistrictScope, type Membership, type PlanStatus, type Role } from "../../lib/domain/types";
import { buildActor, buildScope } from "../support/builders";

const NO_ROLE = "Du har ingen roll i det här stadsdelsområdet.";
const LOCKED = "Planen är skickad eller beslutad och kan inte ändras. Ändringar görs i en ny version.";

/** One membership per role, all in Farsta (Stockholm), police in Farsta's LPO. */
const MEMBERSHIP: Record<Role, Membership> = {
  STRATEGIST: { role: "STRATEGIST", municipalityId: "stockholm", districtId: "farsta" },
  STEERING_GROUP: { role: "STEERING_GROUP", municipalityId: "stockholm", districtId: "farsta" },
  POLICE: { role: "POLICE", municipalityId: "stockholm", policeAreaId: "lpo-farsta" },
  REVIEW_GROUP: { role: "REVIEW_GROUP", municipalityId: "stockholm" },
  ADMIN: { role: "ADMIN", municipalityId: "stockholm" },
};

type Relation = "same district" | "other district" | "other municipality";
const SCOPE: Record<Relation, DistrictScope> = {
  "same district": buildScope({ districtId: "farsta", municipalityId: "stockholm", policeAreaIds: ["lpo-farsta"] }),
  "other district": buildScope({ districtId: "skarholmen", municipalityId: "stockholm", policeAreaIds: ["lpo-skarholmen"] }),
  // the same ids in another municipality must not count
  "other municipality": buildScope({ districtId: "farsta", municipalityId: "goteborg", policeAreaIds: ["lpo-farsta"] }),
};

/** The rule, written out by hand: may the role view / write (create, edit) plans of the district? */
const EXPECTED: Record<Role, Record<Relation, { view: boolean; write: boolean }>> = {
  STRATEGIST: {
    "same district": { view: true, write: true },
    "other district": { view: true, write: false },
    "other municipality": { view: false, write: false },
  },
  STEERING_GROUP: {
    "same district": { view: true, write: false },
    "other district": { view: true, write: false },
    "other municipality": { view: false, write: false },
  },
  POLICE: {
    "same district": { view: true, write: false },
    "other district": { view: false, write: false },
    "other municipality": { view: false, write: false },
  },
  REVIEW_GROUP: {
    "same district": { view: true, write: false },
    "other district": { view: true, write: false },
    "other municipality": { view: false, write: false },
  },
  ADMIN: {
    "same district": { view: true, write: true },
    "other district": { view: true, write: true },
    "other municipality": { view: false, write: false },
  },
};

const EDITABLE: PlanStatus[] = ["DRAFT", "RETURNED"];

/** The three permissions this first matrix covers (with every status); the full table is below. */
type PlanPermission = "plan.view" | "plan.create" | "plan.edit";

function expected(role: Role, relation: Relation, permission: PlanPermission, status: PlanStatus | undefined): Authorization {
  const { view, write } = EXPECTED[role][relation];
  switch (permission) {
    case "plan.view":
      return view ? { ok: true } : { ok: false, code: "FORBIDDEN", message: NO_ROLE };
    case "plan.create":
      return write ? { ok: true } : { ok: false, code: "FORBIDDEN", message: expect.any(String) as string };
    case "plan.edit":
      if (!write) return { ok: false, code: "FORBIDDEN", message: expect.any(String) as string };
      return status !== undefined && EDITABLE.includes(status) ? { ok: true } : { ok: false, code: "LOCKED", message: LOCKED };
  }
}

const PERMISSIONS: PlanPermission[] = ["plan.view", "plan.create", "plan.edit"];
const RELATIONS = Object.keys(SCOPE) as Relation[];
const STATUSES: (PlanStatus | undefined)[] = [...PLAN_STATUSES, undefined];

const CASES = ROLES.flatMap((role) =>
  PERMISSIONS.flatMap((permission) =>
    RELATIONS.flatMap((relation) => STATUSES.map((status) => [role, permission, relation, status] as const)),
  ),
);

describe("authorize: every (role, permission, district, status)", () => {
  it("covers the whole matrix", () => {
    expect(CASES).toHaveLength(5 * 3 * 3 * 7);
  });

  it.each(CASES)("%s %s in %s, plan %s", (role, permission, relation, status) => {
    const actor = buildActor([MEMBERSHIP[role]]);
    const result = authorize(actor, permission, { scope: SCOPE[relation], planStatus: status });
    expect(result).toEqual(expected(role, relation, permission, status));
  });
});

describe("authorize: other actors", () => {
  it.each(ALL_PERMISSIONS)("an actor without memberships is FORBIDDEN to %s", (permission) => {
    const result = authorize(buildActor([]), permission, { scope: SCOPE["same district"], planStatus: "DRAFT" });
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("police of one of several LPOs serving the district may view", () => {
    const actor = buildActor([{ role: "POLICE", municipalityId: "stockholm", policeAreaId: "lpo-2" }]);
    const scope = buildScope({ policeAreaIds: ["lpo-1", "lpo-2"] });
    expect(authorize(actor, "plan.view", { scope })).toEqual({ ok: true });
  });

  it("any one membership that allows it is enough", () => {
    const actor = buildActor([
      { role: "POLICE", municipalityId: "stockholm", policeAreaId: "lpo-other" },
      { role: "STRATEGIST", municipalityId: "stockholm", districtId: "skarholmen" },
      { role: "STRATEGIST", municipalityId: "stockholm", districtId: "farsta" },
    ]);
    expect(authorize(actor, "plan.edit", { scope: SCOPE["same district"], planStatus: "RETURNED" })).toEqual({ ok: true });
  });

  it("says FORBIDDEN, not LOCKED, to someone who could never edit a locked plan", () => {
    const actor = buildActor([MEMBERSHIP.POLICE]);
    expect(authorize(actor, "plan.edit", { scope: SCOPE["same district"], planStatus: "DECIDED" })).toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("refuses in Swedish", () => {
    const result = authorize(buildActor([MEMBERSHIP.STEERING_GROUP]), "plan.edit", { scope: SCOPE["same district"], planStatus: "DRAFT" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/behörighet/);
  });
});

describe("isEditableStatus", () => {
  it.each(PLAN_STATUSES.map((s) => [s, EDITABLE.includes(s)] as const))("%s → %s", (status, editable) => {
    expect(isEditableStatus(status)).toBe(editable);
  });
});

describe("role labels", () => {
  it("names every role in Swedish", () => {
    expect(ROLE_LABELS).toEqual({
      STRATEGIST: "Trygghetsstrateg",
      POLICE: "Polis",
      STEERING_GROUP: "Lokal styrgrupp",
      REVIEW_GROUP: "Beredningsgrupp",
      ADMIN: "Administratör",
    });
  });

  it.each<[Role[], string]>([
    [[], ""],
    [["POLICE"], "Polis"],
    [["ADMIN", "STRATEGIST", "ADMIN"], "Trygghetsstrateg, Administratör"],
  ])("rolesLabel(%j) → %j", (roles, label) => {
    expect(rolesLabel(roles)).toBe(label);
  });
});

describe("districtsActorCanEdit", () => {
  it("lists the districts of strategist memberships, each once", () => {
    const actor = buildActor([
      { role: "STRATEGIST", municipalityId: "stockholm", districtId: "farsta" },
      { role: "STEERING_GROUP", municipalityId: "stockholm", districtId: "bromma" },
      { role: "POLICE", municipalityId: "stockholm", policeAreaId: "lpo-farsta" },
      { role: "ADMIN", municipalityId: "stockholm" },
      { role: "STRATEGIST", municipalityId: "stockholm", districtId: "skarholmen" },
      { role: "STRATEGIST", municipalityId: "stockholm", districtId: "farsta" },
    ]);
    expect(districtsActorCanEdit(actor)).toEqual(["farsta", "skarholmen"]);
  });

  it("is empty without strategist memberships", () => {
    expect(districtsActorCanEdit(buildActor([MEMBERSHIP.ADMIN, MEMBERSHIP.POLICE]))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The whole table: every role × every permission × where the district lies.

/**
 * Written out by hand. Where the role's membership reaches for each permission:
 * D = its own district only, P = every district its police area serves,
 * M = every district of its municipality, - = nowhere.
 */
const TABLE = `
permission               STRATEGIST POLICE STEERING_GROUP REVIEW_GROUP ADMIN
plan.view                M          P      M              M            M
plan.create              D          -      -              -            M
plan.edit                D          -      -              -            M
plan.submit              D          -      -              -            M
plan.decide              -          -      D              -            -
plan.returnFromSteering  -          -      D              -            -
plan.review              -          -      -              M            -
plan.councilDecision     D          -      -              -            M
plan.reopen              D          -      -              -            M
measure.cosign           -          P      -              -            -
measure.readConfidential D          P      D              -            M
followUp.write           D          P      -              -            M
followUp.assess          D          -      -              -            M
comment.create           D          P      D              M            -
audit.view               M          P      M              M            M
admin.manage             -          -      -              -            M
`;

type Reach = "D" | "P" | "M" | "-";
const [header = "", ...rows] = TABLE.trim().split("\n");
const COLUMNS = header.split(/\s+/u).slice(1) as Role[];
const ACCESS = Object.fromEntries(
  rows.map((row) => {
    const [permission = "", ...cells] = row.split(/\s+/u);
    return [permission, Object.fromEntries(COLUMNS.map((role, i) => [role, cells[i] as Reach]))];
  }),
) as Record<Permission, Record<Role, Reach>>;

/** Where the district lies, seen from the memberships in MEMBERSHIP (Farsta, Farsta's LPO, Stockholm). */
type Place = "own district" | "district served by the same LPO" | "other district and LPO" | "other municipality";
const PLACE: Record<Place, { scope: DistrictScope; reached: Reach[] }> = {
  "own district": {
    scope: buildScope({ districtId: "farsta", municipalityId: "stockholm", policeAreaIds: ["lpo-farsta"] }),
    reached: ["D", "P", "M"],
  },
  // Farsta's LPO also covers Vantör.
  "district served by the same LPO": {
    scope: buildScope({ districtId: "vantor", municipalityId: "stockholm", policeAreaIds: ["lpo-farsta"] }),
    reached: ["P", "M"],
  },
  "other district and LPO": {
    scope: buildScope({ districtId: "skarholmen", municipalityId: "stockholm", policeAreaIds: ["lpo-skarholmen"] }),
    reached: ["M"],
  },
  // the same ids in another municipality never count
  "other municipality": {
    scope: buildScope({ districtId: "farsta", municipalityId: "goteborg", policeAreaIds: ["lpo-farsta"] }),
    reached: [],
  },
};
const PLACES = Object.keys(PLACE) as Place[];

const MATRIX = ALL_PERMISSIONS.flatMap((permission) =>
  ROLES.flatMap((role) => PLACES.map((place) => [permission, role, place, PLACE[place].reached.includes(ACCESS[permission][role])] as const)),
);

describe("authorize: the whole table (plan in DRAFT)", () => {
  it("the table has a row for every permission and nothing else", () => {
    expect(Object.keys(ACCESS).sort()).toEqual([...ALL_PERMISSIONS].sort());
    expect([...COLUMNS].sort()).toEqual([...ROLES].sort());
    expect(MATRIX).toHaveLength(16 * 5 * 4);
  });

  it.each(MATRIX)("%s: %s in %s → %s", (permission, role, place, allowed) => {
    const result = authorize(buildActor([MEMBERSHIP[role]]), permission, { scope: PLACE[place].scope, planStatus: "DRAFT" });
    if (allowed) expect(result).toEqual({ ok: true });
    else expect(result).toEqual({ ok: false, code: "FORBIDDEN", message: expect.any(String) as string });
  });
});

describe("authorize: refusals", () => {
  const stranger = buildActor([{ role: "STRATEGIST", municipalityId: "goteborg", districtId: "hisingen" }]);

  it.each(ALL_PERMISSIONS)("%s is refused in Swedish, with its own message", (permission) => {
    const result = authorize(stranger, permission, { scope: PLACE["own district"].scope, planStatus: "DRAFT" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/^Du (?:har inte behörighet|har ingen roll)/u);
  });

  it("no two permissions share a refusal", () => {
    const messages = ALL_PERMISSIONS.map((permission) => {
      const result = authorize(stranger, permission, { scope: PLACE["own district"].scope, planStatus: "DRAFT" });
      return result.ok ? "" : result.message;
    });
    expect(new Set(messages).size).toBe(ALL_PERMISSIONS.length);
  });

  it("keeps the existing messages", () => {
    expect(PERMISSION_MESSAGES.noRole).toBe(NO_ROLE);
    expect(PERMISSION_MESSAGES.locked).toBe(LOCKED);
  });
});

describe("authorize: only plan.edit depends on the plan's status", () => {
  /** Every role in the own district at once. */
  const everyone = buildActor(ROLES.map((role) => MEMBERSHIP[role]));
  const CASES_BY_STATUS = ALL_PERMISSIONS.flatMap((permission) => STATUSES.map((status) => [permission, status] as const));

  it.each(CASES_BY_STATUS)("%s with the plan %s", (permission, status) => {
    const result = authorize(everyone, permission, { scope: PLACE["own district"].scope, planStatus: status });
    const locked = permission === "plan.edit" && (status === undefined || !EDITABLE.includes(status));
    expect(result).toEqual(locked ? { ok: false, code: "LOCKED", message: LOCKED } : { ok: true });
  });
});

describe("permissionsFor", () => {
  it.each(ROLES.flatMap((role) => PLACES.map((place) => [role, place] as const)))("%s in %s: what the table says", (role, place) => {
    const expectedList = ALL_PERMISSIONS.filter((p) => PLACE[place].reached.includes(ACCESS[p][role]));
    expect(permissionsFor(buildActor([MEMBERSHIP[role]]), PLACE[place].scope, "DRAFT")).toEqual(expectedList);
  });

  it.each<[Role, Permission[]]>([
    ["STRATEGIST", ["plan.view", "plan.create", "plan.edit", "plan.submit", "plan.councilDecision", "plan.reopen", "measure.readConfidential", "followUp.write", "followUp.assess", "comment.create", "audit.view"]],
    ["POLICE", ["plan.view", "measure.cosign", "measure.readConfidential", "followUp.write", "comment.create", "audit.view"]],
    ["STEERING_GROUP", ["plan.view", "plan.decide", "plan.returnFromSteering", "measure.readConfidential", "comment.create", "audit.view"]],
    ["REVIEW_GROUP", ["plan.view", "plan.review", "comment.create", "audit.view"]],
    ["ADMIN", ["plan.view", "plan.create", "plan.edit", "plan.submit", "plan.councilDecision", "plan.reopen", "measure.readConfidential", "followUp.write", "followUp.assess", "audit.view", "admin.manage"]],
  ])("%s in its own district, plan in DRAFT", (role, list) => {
    expect(permissionsFor(buildActor([MEMBERSHIP[role]]), PLACE["own district"].scope, "DRAFT")).toEqual(list);
  });

  it("without a plan status, plan.edit is not included (as authorize)", () => {
    const list = permissionsFor(buildActor([MEMBERSHIP.STRATEGIST]), PLACE["own district"].scope);
    expect(list).not.toContain("plan.edit");
    expect(list).toContain("plan.create");
  });

  it("joins several memberships", () => {
    const actor = buildActor([MEMBERSHIP.POLICE, MEMBERSHIP.REVIEW_GROUP]);
    expect(permissionsFor(actor, PLACE["own district"].scope, "DECIDED")).toEqual(["plan.view", "plan.review", "measure.cosign", "measure.readConfidential", "followUp.write", "comment.create", "audit.view"]);
  });
});
