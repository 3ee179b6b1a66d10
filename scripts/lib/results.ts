import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./common.ts";

/** Where the test runners write their JSON reports, so `npm test` can close with one line of totals. */
export const RESULTS_DIR = path.join(ROOT, "test-results", "reports");
export const resultFile = (name: "unit" | "integration" | "e2e") => path.join(RESULTS_DIR, `${name}.json`);

export function clearResults() {
  rmSync(RESULTS_DIR, { recursive: true, force: true });
}

type Totals = { passed: number; failed: number; skipped: number };
type VitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { status: string; assertionResults: { status: string }[] }[];
};

function read(file: string): unknown {
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null;
}

/** Sums vitest's and Playwright's JSON reports (the ones that ran). */
export function totals(): Totals {
  const t: Totals = { passed: 0, failed: 0, skipped: 0 };
  for (const name of ["unit", "integration"] as const) {
    const r = read(resultFile(name)) as VitestReport | null;
    if (!r) continue;
    // A file whose setup failed reports its tests as skipped: they count as failed here, and a
    // file that failed before it declared any test counts as one failure.
    const brokenFiles = r.testResults.filter((f) => f.status === "failed");
    const notRun = brokenFiles.reduce((n, f) => n + f.assertionResults.filter((a) => a.status !== "passed" && a.status !== "failed").length, 0);
    const empty = brokenFiles.filter((f) => f.assertionResults.length === 0).length;
    t.passed += r.numPassedTests;
    t.failed += r.numFailedTests + notRun + empty;
    t.skipped += r.numPendingTests + r.numTodoTests - notRun;
  }
  const e2e = read(resultFile("e2e")) as { stats: { expected: number; unexpected: number; skipped: number; flaky: number } } | null;
  if (e2e) {
    t.passed += e2e.stats.expected + e2e.stats.flaky;
    t.failed += e2e.stats.unexpected;
    t.skipped += e2e.stats.skipped;
  }
  return t;
}
