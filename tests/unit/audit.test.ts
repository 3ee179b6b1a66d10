import { describe, expect, it } from "vitest";
import { readAuditOutput } from "../../scripts/lib/audit.ts";

// The npm audit step of `npm test` (scripts/lib/audit.ts) reads npm's JSON: a report, or the error
// npm prints when the registry has no advisory endpoint (this machine's: 405, "allow: GET,HEAD").

const report = (vulnerabilities: Record<string, { name: string; severity: string; range?: string; fixAvailable?: boolean }>, counts: Record<string, number>) =>
  JSON.stringify({ auditReportVersion: 2, vulnerabilities, metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0, ...counts } } });

describe("readAuditOutput", () => {
  it("a report without advisories is clean", () => {
    expect(readAuditOutput(report({}, {}))).toMatchObject({ kind: "clean" });
  });

  it("moderate and low advisories do not fail the step (--audit-level=high)", () => {
    const out = readAuditOutput(report({ a: { name: "a", severity: "moderate" }, b: { name: "b", severity: "low" } }, { moderate: 1, low: 1, total: 2 }));
    expect(out.kind).toBe("clean");
  });

  it("high and critical advisories are listed, with whether a fix exists", () => {
    const out = readAuditOutput(
      report(
        { next: { name: "next", severity: "critical", range: "16.0.0 - 16.0.6", fixAvailable: true }, x: { name: "x", severity: "high" }, y: { name: "y", severity: "low" } },
        { critical: 1, high: 1, low: 1, total: 3 },
      ),
    );
    expect(out).toEqual({
      kind: "vulnerable",
      counts: expect.objectContaining({ critical: 1, high: 1 }),
      findings: ["CRITICAL next 16.0.0 - 16.0.6 (a fix is available: npm audit fix)", "HIGH x"],
    });
  });

  it("npm's error when the endpoint is missing is 'unreachable', with npm's reason", () => {
    const npmError = JSON.stringify({
      message: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
      method: "POST",
      statusCode: 405,
      body: "",
      error: { summary: "", detail: "" },
    });
    expect(readAuditOutput(npmError)).toEqual({ kind: "unreachable", reason: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk (HTTP 405)" });
  });

  it("an offline error with a code only", () => {
    expect(readAuditOutput(JSON.stringify({ error: { code: "ENOTFOUND", summary: "request to https://registry.npmjs.org failed", detail: "" } }))).toEqual({
      kind: "unreachable",
      reason: "ENOTFOUND: request to https://registry.npmjs.org failed",
    });
  });

  it("output that is not JSON fails the step", () => {
    expect(() => readAuditOutput("npm ERR! something else")).toThrow(/no JSON/);
  });
});
