import { describe, expect, it, vi } from "vitest";
import { checkHealth, healthResponse, HealthTimeoutError } from "@/lib/http/health";

describe("checkHealth", () => {
  it("200 ok when the database answers", async () => {
    const ping = vi.fn(async () => [{ "?column?": 1 }]);
    expect(await checkHealth(ping)).toEqual({ status: 200, body: { status: "ok", database: "ok" } });
    expect(ping).toHaveBeenCalledOnce();
  });

  it("503 when the database refuses, with a body that says nothing about why (the reason goes to the log)", async () => {
    const failure = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432 — SELECT 1 FROM "User"'), { code: "P1001" });
    const onFailure = vi.fn();
    const result = await checkHealth(async () => Promise.reject(failure), { onFailure });
    expect(result).toEqual({ status: 503, body: { status: "error", database: "unavailable" } });
    expect(onFailure).toHaveBeenCalledWith(failure);
  });

  it("503 when the check throws synchronously", async () => {
    const result = await checkHealth(() => {
      throw new Error("pool destroyed");
    });
    expect(result.status).toBe(503);
  });

  it("503 when the database does not answer in time", async () => {
    const onFailure = vi.fn();
    const started = Date.now();
    const result = await checkHealth(() => new Promise(() => {}), { timeoutMs: 50, onFailure });
    expect(result.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(onFailure.mock.calls[0]![0]).toBeInstanceOf(HealthTimeoutError);
  });
});

describe("healthResponse", () => {
  it.each([
    [200, { status: "ok", database: "ok" }],
    [503, { status: "error", database: "unavailable" }],
  ] as const)("%i: exactly the JSON body, never cached", async (status, body) => {
    const response = healthResponse({ status, body } as Parameters<typeof healthResponse>[0]);
    expect(response.status).toBe(status);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.text()).toBe(JSON.stringify(body));
  });
});
