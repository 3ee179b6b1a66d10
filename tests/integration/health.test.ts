import { afterAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";
import { pingDatabase } from "@/lib/db/health";
import { checkHealth } from "@/lib/http/health";

// GET /api/health's check through the app's own Prisma client (pingDatabase: SELECT 1), against the
// test database, and the same check against a database that is not there. The HTTP answer itself
// is checked against `next start` in tests/e2e/security.spec.ts.

const nowhere = createPrismaClient("postgresql://postgres@127.0.0.1:1/none");
afterAll(() => nowhere.$disconnect());

describe("the health check", () => {
  it("is ok through the app's client", async () => {
    expect(await checkHealth(pingDatabase)).toEqual({ status: 200, body: { status: "ok", database: "ok" } });
  });

  it("is 503 when the database cannot be reached, and tells the log why (not the answer)", async () => {
    const onFailure = vi.fn();
    const result = await checkHealth(async () => nowhere.$queryRaw`SELECT 1`, { onFailure });
    expect(result).toEqual({ status: 503, body: { status: "error", database: "unavailable" } });
    expect(onFailure).toHaveBeenCalledOnce();
    expect(String(onFailure.mock.calls[0]![0])).toMatch(/ECONNREFUSED|connect|reach/i);
  });
});
