import { describe, expect, it } from "vitest";
import {
  authorize,
  districtsActorCanEdit,
  isEditableStatus,
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

function expected(role: Role, relation: Relation, permission: Permission, status: PlanStatus | undefined): Authorization {
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

const PERMISSIONS: Permission[] = ["plan.view", "plan.create", "plan.edit"];
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
  it.each(PERMISSIONS)("an actor without memberships is FORBIDDEN to %s", (permission) => {
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
