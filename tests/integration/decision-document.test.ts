// The decision document of a decided plan (Farsta 2025 from the seeds), rendered as a PDF and read
// back with poppler (Debian's poppler-utils): turned into PNG pages by pdftoppm, its text by
// pdftotext, page by page. No database: the renderer is a function of plain data.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { measureContentHash, needsPoliceSignature } from "@/lib/domain/cosign";
import { type AreaNode, type MeasureNode } from "@/lib/domain/types";
import { renderDecisionDocument } from "@/lib/pdf/decision-document";
import { planForDocument, type PlanForDocument, type StoredDecision, type StoredSignature } from "@/lib/pdf/document";
import { toWinAnsi, wrapText } from "@/lib/pdf/text";
import { seedPlanTree } from "@/tests/support/builders";

vi.setConfig({ testTimeout: 60_000 });

const dir = mkdtempSync(path.join(tmpdir(), "decision-pdf-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));


const measuresOf = (areas: AreaNode[]): MeasureNode[] => areas.flatMap((a) => a.problems.flatMap((p) => p.causes.flatMap((c) => c.measures)));

/** As the demo data records it: steering group (version 1), review group, council § 8. */
const DECISIONS: StoredDecision[] = [
  { kind: "STEERING_GROUP", decidedOn: new Date("2025-02-11T00:00:00Z"), paragraph: null, createdAt: new Date("2025-02-11T09:00:00Z"), version: { number: 1 } },
  { kind: "REVIEW_ACCEPTED", decidedOn: new Date("2025-03-05T00:00:00Z"), paragraph: null, createdAt: new Date("2025-03-05T09:00:00Z"), version: null },
  { kind: "COUNCIL", decidedOn: new Date("2025-04-24T00:00:00Z"), paragraph: "§ 8", createdAt: new Date("2025-04-24T09:00:00Z"), version: null },
];

function pdftotext(file: string, page?: number): string {
  const range = page === undefined ? [] : ["-f", String(page), "-l", String(page)];
  return execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", ...range, file, "-"], { encoding: "utf8" });
}

/** pdftotext -layout spreads a line over columns; compare texts with white space collapsed. */
const flat = (s: string) => s.replace(/\s+/gu, " ");

describe("the decision document as a PDF (Farsta 2025)", () => {
  let areas: AreaNode[];
  let plan: PlanForDocument;
  let file: string;
  let pages: string[];

  beforeAll(async () => {
    areas = seedPlanTree("farsta-2025");
    const police = measuresOf(areas).filter(needsPoliceSignature);
    // Every police measure signed, except one declined and one signed to an earlier wording.
    const signatures = new Map<string, StoredSignature[]>(
      police.map((m, i) => {
        const base = { createdAt: "2025-01-20T08:00:00.000Z", comment: null, userName: "Per Polis", policeAreaName: "Lokalpolisområde Farsta" };
        if (i === 0) return [m.id, [{ ...base, status: "DECLINED", contentHash: measureContentHash(m) }]];
        if (i === 1) return [m.id, [{ ...base, status: "SIGNED", contentHash: "0000000000000000" }]];
        return [m.id, [{ ...base, status: "SIGNED", contentHash: measureContentHash(m) }]];
      }),
    );
    plan = planForDocument({ districtName: "Farsta", year: 2025, versionNumber: 1, areas, decisions: DECISIONS, signaturesOf: (id) => signatures.get(id) ?? [] });
    file = path.join(dir, "farsta-2025.pdf");
    writeFileSync(file, await renderDecisionDocument(plan));
    const count = Number(/Pages:\s+(\d+)/u.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))![1]);
    pages = Array.from({ length: count }, (_, i) => pdftotext(file, i + 1));
  });

  it("is a PDF that pdftoppm turns into PNG pages: a title page, one page or more per area, the summary", () => {
    execFileSync("pdftoppm", ["-png", "-r", "50", file, path.join(dir, "page")], { stdio: "pipe", timeout: 50_000 });
    const pngs = readdirSync(dir).filter((f) => /^page-\d+\.png$/u.test(f));
    expect(pngs).toHaveLength(pages.length);
    for (const png of pngs) expect(statSync(path.join(dir, png)).size).toBeGreaterThan(1000);
    expect(pages.length).toBeGreaterThanOrEqual(1 + areas.length + 1);
  });

  it("names the district, the year, the decisions with dates and §, and keeps å ä ö", () => {
    const all = flat(pdftotext(file));
    expect(all).toContain("Åtgärdsplan 2025 – Farsta");
    expect(all).toContain("BILAGA TILL STADSDELSNÄMNDENS BESLUT");
    expect(all).toContain("Beslutad av lokal styrgrupp 2025-02-11 (version 1)");
    expect(all).toContain("Godkänd av beredningsgruppen 2025-03-05");
    expect(all).toContain("Beslutad av stadsdelsnämnden 2025-04-24, § 8");
    for (const word of ["Särskilt utsatta och sårbara brottsoffer", "Åtgärd", "Operativa mål", "Sammanställning", "Polisens underskrifter"]) expect(all).toContain(word);
    expect(all).not.toMatch(/Ã|Â|\uFFFD/u); // no mojibake
  });

  it("starts every area on a page of its own, in plan order, with its table's headings", () => {
    const starts = areas.map((a) => pages.findIndex((p) => flat(p).includes(a.name) && !flat(p).includes(`${a.name} (forts.)`) && flat(p).includes("Prioriterat område")));
    for (const [i, start] of starts.entries()) {
      expect(start, areas[i]!.name).toBeGreaterThan(0); // page 1 is the title page
      if (i > 0) expect(start).toBeGreaterThan(starts[i - 1]!);
      const page = flat(pages[start]!);
      for (const heading of ["Problem", "Orsak", "Åtgärd", "Operativa mål", "När", "Vem"]) expect(page).toContain(heading);
      for (const other of areas.filter((_, j) => j !== i)) expect(page.includes(`${other.name} (forts.)`)).toBe(false);
    }
    expect(new Set(starts).size).toBe(areas.length);
  });

  it("repeats the area's name and the headings on a page its table goes on to", () => {
    const continued = pages.map((p, i) => ({ i, p: flat(p) })).filter(({ p }) => p.includes("(forts.)"));
    expect(continued.length).toBeGreaterThan(0);
    for (const { i, p } of continued) {
      const area = areas.find((a) => p.includes(`${a.name} (forts.)`)) ?? null;
      const sectionTitle = area?.name ?? ["Sammanställning", "Polisens underskrifter"].find((t) => p.includes(`${t} (forts.)`));
      expect(sectionTitle, `page ${i + 1}`).toBeDefined();
      if (!area) continue;
      for (const heading of ["Problem", "Orsak", "Åtgärd", "Operativa mål"]) expect(p).toContain(heading);
      // the page belongs to that area: after its first page, before the next area's
      const index = areas.indexOf(area);
      const start = pages.findIndex((q) => flat(q).includes(`Prioriterat område ${index + 1} av ${areas.length}`));
      const next = index + 1 < areas.length ? pages.findIndex((q) => flat(q).includes(`Prioriterat område ${index + 2} av ${areas.length}`)) : pages.length;
      expect(i).toBeGreaterThan(start);
      expect(i).toBeLessThan(next);
    }
  });

  it("numbers every page 'Sida N av M'", () => {
    pages.forEach((p, i) => expect(flat(p)).toContain(`Sida ${i + 1} av ${pages.length}`));
  });

  it("shows every measure, goals numbered, deadlines the Swedish way, and the summary's totals", () => {
    const all = flat(pdftotext(file));
    const multi = measuresOf(areas).find((m) => m.goals.length > 1)!;
    expect(all).toContain("1) ");
    expect(all).toContain("2) ");
    expect(multi).toBeDefined();
    expect(all).toMatch(/\b\d{1,2} (jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec) 2025\b/u);
    const summaryPage = flat(pages.find((p) => p.includes("Sammanställning") && p.includes("Antal operativa mål"))!);
    expect(summaryPage).toMatch(/Totalt 30 32 32 47/u);
  });

  it("lists the police co-signatures: who, police area and date, and which do not count", () => {
    const all = flat(pdftotext(file));
    const police = plan.signatures;
    expect(police.length).toBeGreaterThan(2);
    expect(police.filter((s) => s.state === "SIGNED")).toHaveLength(police.length - 2);
    expect(police[0]!.state).toBe("DECLINED");
    expect(police[1]!.state).toBe("OUTDATED");
    expect(all).toContain(`${police.length - 2} av ${police.length} åtgärder som genomförs med polisen är underskrivna av polisen.`);
    expect(all).toContain("Per Polis");
    expect(all).toContain("Lokalpolisområde Farsta");
    expect(all).toContain("2025-01-20");
    expect(all).toContain("Avböjd");
  });
});

describe("text for the standard fonts", () => {
  it("keeps Swedish letters and replaces what WinAnsi cannot show", () => {
    expect(toWinAnsi("Åtgärd för ungas trygghet – é ü")).toBe("Åtgärd för ungas trygghet – é ü");
    expect(toWinAnsi("a\u030Angest")).toBe("ångest"); // decomposed å
    expect(toWinAnsi("skola ↔ fritid ≥ 3\u00A0st\tx")).toBe("skola <-> fritid >= 3 st x");
    expect(toWinAnsi("Łódź 😀")).toBe("?ódz ?");
  });

  it("wraps at spaces, keeps line breaks and breaks a word longer than the line", () => {
    const measure = (s: string) => s.length;
    expect(wrapText("ett två tre fyra", 8, measure)).toEqual(["ett två", "tre fyra"]);
    expect(wrapText("a\n\n\nb\n", 10, measure)).toEqual(["a", "", "b"]);
    expect(wrapText("kommunpolis/lokalpolisområdet", 14, measure)).toEqual(["kommunpolis/", "lokalpolisområ", "det"]);
  });

  it("renders a plan with an area without problems, a huge row and odd characters", async () => {
    const [area] = seedPlanTree("farsta-2025");
    const long = Array.from({ length: 400 }, (_, i) => `ord${i}`).join(" ");
    const measure = area!.problems[0]!.causes[0]!.measures[0]!;
    const huge: AreaNode = { ...area!, problems: [{ ...area!.problems[0]!, description: `${long} ↔ Łódź`, causes: [{ ...area!.problems[0]!.causes[0]!, measures: [{ ...measure, goals: [] }] }] }] };
    const empty: AreaNode = { id: randomUUID(), name: "Eget område: Trygg i Farsta", centralArea: null, position: 1, problems: [] };
    const plan = planForDocument({ districtName: "Farsta", year: 2026, versionNumber: null, areas: [huge, empty], decisions: [], signaturesOf: () => [] });
    const out = path.join(dir, "edge.pdf");
    writeFileSync(out, await renderDecisionDocument(plan));
    const text = flat(pdftotext(out));
    expect(text).toContain("ord399");
    expect(text).toContain("<-> ?ódz");
    expect(text).toContain("Inga problem är angivna för området.");
    expect(text).toContain("Beslutad av stadsdelsnämnden: beslutet är ännu inte registrerat");
    expect(text).toContain(`${area!.name} (forts.)`);
  });
});
