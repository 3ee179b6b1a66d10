import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/lib/domain/result";

const prisma = (code: string, message = "x") => Object.assign(new Error(message), { code });

describe("isDatabaseUnavailable: the database out of reach gets 'try again', a bug does not", () => {
  it.each([
    ["Prisma can't reach the server (P1001)", prisma("P1001")],
    ["pool timeout (P2024)", prisma("P2024")],
    ["a transaction that could not start in time (P2028)", prisma("P2028", "Transaction API error: Unable to start a transaction in the given time.")],
    ["connection refused from the driver", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
    ["the server shutting down (57P01)", prisma("57P01", "terminating connection due to administrator command")],
    ["wrapped in a cause", Object.assign(new Error("query failed"), { cause: Object.assign(new Error("Connection terminated unexpectedly"), {}) })],
    ["in Prisma's driver adapter meta", Object.assign(new Error("Invalid invocation"), { code: "P2010", meta: { driverAdapterError: prisma("ECONNRESET") } })],
    ["the server starting up", new Error("the database system is starting up")],
  ])("%s → yes", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation (P2002)", prisma("P2002", "Unique constraint failed")],
    ["a write conflict (P2034)", prisma("P2034")],
    ["a plain bug", new TypeError("Cannot read properties of undefined")],
    ["not an error at all", "ECONNREFUSED as a string"],
    ["null", null],
  ])("%s → no", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("does not loop on an error that is its own cause", () => {
    const e = new Error("loop") as Error & { cause?: unknown };
    e.cause = e;
    expect(isDatabaseUnavailable(e)).toBe(false);
  });
});
