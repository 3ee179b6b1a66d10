import { describe, expect, it } from "vitest";
import { DEFAULT_SESSION_LIMITS, sessionLimitsFrom, sessionState, shouldTouch } from "@/lib/domain/session";

const T0 = new Date("2026-11-23T08:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const limits = { idleMinutes: 60, absoluteHours: 10 };

describe("sessionState: when a signed-in session stops working", () => {
  it.each([
    ["just signed in", { createdAt: T0, lastSeenAt: T0, revokedAt: null }, at(0), "active"],
    ["active 59 minutes after the last request", { createdAt: T0, lastSeenAt: T0, revokedAt: null }, at(59), "active"],
    ["idle exactly 60 minutes", { createdAt: T0, lastSeenAt: T0, revokedAt: null }, at(60), "idle"],
    ["busy all day but past 10 hours", { createdAt: T0, lastSeenAt: at(599), revokedAt: null }, at(600), "expired"],
    ["busy for 9 h 59 min", { createdAt: T0, lastSeenAt: at(590), revokedAt: null }, at(599), "active"],
    ["signed out (revoked) a minute ago", { createdAt: T0, lastSeenAt: T0, revokedAt: at(1) }, at(2), "revoked"],
    ["revoked wins over expired", { createdAt: T0, lastSeenAt: T0, revokedAt: at(1) }, at(6000), "revoked"],
    ["expired wins over idle", { createdAt: T0, lastSeenAt: T0, revokedAt: null }, at(600), "expired"],
  ] as const)("%s → %s", (_name, row, now, state) => {
    expect(sessionState(row, now, limits)).toBe(state);
  });

  it("uses 60 minutes idle and 10 hours in all by default", () => {
    expect(DEFAULT_SESSION_LIMITS).toEqual({ idleMinutes: 60, absoluteHours: 10 });
    expect(sessionState({ createdAt: T0, lastSeenAt: T0, revokedAt: null }, at(61))).toBe("idle");
  });
});

describe("shouldTouch: lastSeenAt is written at most once a minute", () => {
  it.each([
    [0, false],
    [0.5, false],
    [1, true],
    [30, true],
  ])("%s minutes after the last write → %s", (minutes, touch) => {
    expect(shouldTouch(T0, at(minutes))).toBe(touch);
  });
});

describe("sessionLimitsFrom: AUTH_IDLE_MINUTES and AUTH_MAX_HOURS", () => {
  it.each([
    [{}, { idleMinutes: 60, absoluteHours: 10 }],
    [{ AUTH_IDLE_MINUTES: "15", AUTH_MAX_HOURS: "8" }, { idleMinutes: 15, absoluteHours: 8 }],
    [{ AUTH_IDLE_MINUTES: "0", AUTH_MAX_HOURS: "-3" }, { idleMinutes: 60, absoluteHours: 10 }],
    [{ AUTH_IDLE_MINUTES: "abc", AUTH_MAX_HOURS: "" }, { idleMinutes: 60, absoluteHours: 10 }],
    [{ AUTH_IDLE_MINUTES: "0.5" }, { idleMinutes: 0.5, absoluteHours: 10 }],
  ])("%j → %j", (env, expected) => {
    expect(sessionLimitsFrom(env)).toEqual(expected);
  });
});
