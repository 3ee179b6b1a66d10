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

function read(file: string): unknown {
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null;
}

/** Sums vitest's and Playwright's JSON reports (the ones that ran). */
export function totals(): Totals {
  const t: Totals = { passed: 0, failed: 0, skipped: 0 };
  for (const name of ["unit", "integration"] as const) {
    const r = read(resultFile(name)) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number } | null;
    if (!r) continue;
    t.passed += r.numPassedTests;
    t.failed += r.numFailedTests;
    t.skipped += r.numPendingTests + r.numTodoTests;
  }
  const e2e = read(resultFile("e2e")) as { stats: { expected: number; unexpected: number; skipped: number; flaky: number } } | null;
  if (e2e) {
    t.passed += e2e.stats.expected + e2e.stats.flaky;
    t.failed += e2e.stats.unexpected;
    t.skipped += e2e.stats.skipped;
  }
  return t;
}
