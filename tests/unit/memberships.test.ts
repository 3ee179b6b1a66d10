import { describe, expect, it } from "vitest";
import { ROLE_SCOPE, canRemoveAdminRole } from "@/lib/domain/memberships";

describe("role scopes", () => {
  it.each([
    ["STRATEGIST", "district"],
    ["STEERING_GROUP", "district"],
    ["POLICE", "policeArea"],
    ["REVIEW_GROUP", "municipality"],
    ["ADMIN", "municipality"],
  ] as const)("%s is held in a %s", (role, scope) => {
    expect(ROLE_SCOPE[role]).toBe(scope);
  });
});

describe("removing an admin role", () => {
  it.each([
    ["another role, even one's own", { actorUserId: "a", targetUserId: "a", role: "STRATEGIST" as const, activeAdminCount: 1 }, true],
    ["another admin while two remain", { actorUserId: "a", targetUserId: "b", role: "ADMIN" as const, activeAdminCount: 2 }, true],
    ["one's own admin role", { actorUserId: "a", targetUserId: "a", role: "ADMIN" as const, activeAdminCount: 5 }, false],
    ["the last admin", { actorUserId: "a", targetUserId: "b", role: "ADMIN" as const, activeAdminCount: 1 }, false],
  ])("%s → allowed: %s", (_label, input, allowed) => {
    const result = canRemoveAdminRole(input);
    expect(result.ok).toBe(allowed);
    if (!result.ok) expect(result.message).toMatch(/administratör/);
  });
});
