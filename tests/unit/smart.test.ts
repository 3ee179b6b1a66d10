import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseDeadline } from "../../lib/domain/deadline";
import { splitGoals } from "../../lib/domain/goals";
import { isSmart, smartCheck, VAGUE_VERBS, type SmartContext, type SmartFlag } from "../../lib/domain/smart";
import type { Deadline } from "../../lib/domain/types";

type Code = SmartFlag["code"];
type Case = {
  name: string;
  text: string;
  targetValue?: number | null;
  qualitative?: boolean;
  deadline?: Deadline;
  codes: Code[];
  /** The `words` of the VAGUE_VERB flags, in order. */
  words?: string[];
};

function check(c: Pick<Case, "text" | "targetValue" | "qualitative" | "deadline">): SmartFlag[] {
  const context: SmartContext = c.deadline === undefined ? {} : { measureDeadline: c.deadline };
  return smartCheck({ description: c.text, targetValue: c.targetValue ?? null, qualitative: c.qualitative }, context);
}

function expectCase(c: Case): void {
  const flags = check(c);
  expect(flags.map((f) => f.code)).toEqual(c.codes);
  expect(flags.filter((f) => f.code === "VAGUE_VERB").map((f) => f.words)).toEqual(c.words ?? []);
}

const DATE: Deadline = { kind: "DATE", date: "2025-12-31" };
const ONGOING: Deadline = { kind: "ONGOING" };
const NONE: Deadline = { kind: "NONE", note: "Trygghetsdagarna" };

// ---------------------------------------------------------------------------------------------
// Numbers and time

const NUMBER_AND_TIME: Case[] = [
  { name: "digits and 'under året'", text: "Ungdomsutsättningar genomförs 12 gånger under året.", codes: [] },
  { name: "percent sign and ISO date", text: "Minst 80 % av deltagarna är nöjda senast 2025-12-31.", codes: [] },
  { name: "'procent' with no time", text: "80 procent av ungdomarna tackar ja till kontakten.", codes: ["NO_TIME"] },
  { name: "'en gång per månad': a number and a time", text: "Styrgruppen träffas en gång per månad.", codes: [] },
  { name: "'en' as an article is no number", text: "Genomföra en workshop.", codes: ["NO_NUMBER", "NO_TIME"] },
  { name: "article and a season", text: "Genomföra en workshop under hösten.", codes: ["NO_NUMBER"] },
  { name: "'minst en dag per vecka'", text: "Socialsekreterare finns hos polisen minst en dag per vecka.", codes: [] },
  { name: "'ett möte i månaden'", text: "Ett möte i månaden med fastighetsägarna.", codes: [] },
  { name: "number word and 'våren'", text: "Tre trygghetsvandringar genomförs under våren.", codes: [] },
  { name: "compound number word", text: "Tjugofem deltagare under 2025.", codes: [] },
  { name: "'sex' before a count noun is a number", text: "Sex träffar under hösten.", codes: [] },
  { name: "'köp av sex' is not a number", text: "Informera om köp av sex under hösten.", codes: ["NO_NUMBER"] },
  { name: "'samtliga' counts as 100 %", text: "Samtliga skolor är informerade under 2025.", codes: [] },
  { name: "'alla' counts, but no time", text: "Alla chefer är informerade.", codes: ["NO_TIME"] },
  { name: "'inga' counts as 0", text: "Inga fasta bosättningar vid årsskiftet.", codes: [] },
  { name: "'hälften' and 'läsåret'", text: "Hälften av eleverna deltar under läsåret.", codes: [] },
  { name: "a year alone is a time, not a number", text: "Genomföra workshop under 2025.", codes: ["NO_NUMBER"] },
  { name: "compact date YYMMDD is not a number", text: "Rutinen är klar 251231.", codes: ["NO_NUMBER"] },
  { name: "day and month name", text: "Kartläggningen är klar 31 december.", codes: ["NO_NUMBER"] },
  { name: "short month with year", text: "Utbildning för personalen jun-25.", codes: ["NO_NUMBER"] },
  { name: "tertial code is not a number", text: "Rapportera läget under T2.", codes: ["NO_NUMBER"] },
  { name: "four digits after 'minst' are a count, not a year", text: "Minst 2000 besökare under året.", codes: [] },
  { name: "'varje tertial' is a frequency: number and time", text: "Lägesbilden rapporteras varje tertial.", codes: [] },
  { name: "'veckovis' is a frequency", text: "Presentera veckovis lägesbild", codes: [] },
  { name: "'terminsvis' is a frequency", text: "Möten hålls terminsvis med rektorerna.", codes: [] },
  { name: "'var tredje månad'", text: "Uppföljning var tredje månad.", codes: [] },
  { name: "'/år' after a count", text: "35 träffar/år.", codes: [] },
  { name: "'ett par gånger per år': time, but no number", text: "Torgträffar ska arrangeras ett par gånger per år", codes: ["NO_NUMBER"] },
  { name: "comparative without a size", text: "Antalet anmälningar ökar jämfört med föregående år.", codes: ["NO_NUMBER"] },
  { name: "'fler' without a size or time", text: "Fler aktörer deltar i samverkan.", codes: ["NO_NUMBER", "NO_TIME"] },
  { name: "digits but no time", text: "Genomföra 4 möten med fastighetsägarna.", codes: ["NO_TIME"] },
  { name: "duration after 'inom'", text: "Minst 5 ärenden får svar inom 3 veckor.", codes: [] },
  { name: "'efter 9 månader'", text: "Minst 80 % av åtgärderna har genomförts efter 9 månader.", codes: [] },
  { name: "a single list marker is no number", text: "1) Utreda behov av lokalt nätverk.", codes: ["NO_NUMBER", "NO_TIME"] },
  { name: "'löpande' and 'kontinuerligt' are no time", text: "Löpande och kontinuerligt kontakt med skolorna.", codes: ["NO_NUMBER", "NO_TIME"] },
  { name: "'senast i juni'", text: "Senast i juni ska rutinen vara klar.", codes: ["NO_NUMBER"] },
  { name: "'Vår:' at the start is spring", text: "Vår: forma en arbetsgrupp.", codes: ["NO_NUMBER"] },
  { name: "'vår och höst'", text: "Två tillfällen, vår och höst.", codes: [] },
  { name: "'vår' as the pronoun is no time", text: "Vår verksamhet ska vara känd bland föräldrarna.", codes: ["NO_NUMBER", "NO_TIME"] },
  { name: "'Sommar-' in a name is no time", text: "Platsanalys inom ramen för Sommar- och Vintertorg.", codes: ["NO_NUMBER", "NO_TIME"] },
  { name: "'under sommaren'", text: "Aktiviteter på torget under sommaren.", codes: ["NO_NUMBER"] },
  { name: "'under 18 år' is an age, not a time", text: "Samtliga unga under 18 år erbjuds stöd.", codes: ["NO_TIME"] },
  { name: "upper case with Å", text: "KLART UNDER ÅRET", codes: ["NO_NUMBER"] },
  { name: "empty text", text: "", codes: ["NO_NUMBER", "NO_TIME"] },
  { name: "text spread over lines", text: "Minst 4 möten\nunder\nhösten.", codes: [] },
];

// ---------------------------------------------------------------------------------------------
// Vague verbs, their forms, and look-alikes

const VAGUE: Case[] = [
  { name: "'Verka för' at the start", text: "Verka för ökad trygghet.", codes: ["NO_NUMBER", "NO_TIME", "VAGUE_VERB"], words: ["Verka för"] },
  { name: "'verkar för'", text: "Stadsdelen verkar för 4 nya mötesplatser under 2025.", codes: ["VAGUE_VERB"], words: ["verkar för"] },
  { name: "'verkat för'", text: "Vi har verkat för 2 träffar under året.", codes: ["VAGUE_VERB"], words: ["verkat för"] },
  { name: "'verka aktivt för'", text: "Verka aktivt för 3 trygghetsvandringar under hösten.", codes: ["VAGUE_VERB"], words: ["Verka aktivt för"] },
  { name: "'arbeta för att'", text: "Arbeta för att 10 föreningar ansluter under 2025.", codes: ["VAGUE_VERB"], words: ["Arbeta för"] },
  { name: "'arbetar för'", text: "Skolan arbetar för att minst 90 % av eleverna deltar under läsåret.", codes: ["VAGUE_VERB"], words: ["arbetar för"] },
  { name: "'arbetade för'", text: "Vi arbetade för 5 nya kontakter per månad.", codes: ["VAGUE_VERB"], words: ["arbetade för"] },
  { name: "'arbetar tillsammans för'", text: "Parterna arbetar tillsammans för 6 gemensamma insatser under 2025.", codes: ["VAGUE_VERB"], words: ["arbetar tillsammans för"] },
  { name: "'sträva efter'", text: "Sträva efter 100 % närvaro varje vecka.", codes: ["VAGUE_VERB"], words: ["Sträva efter"] },
  { name: "'strävar efter'", text: "Vi strävar efter att nå 50 familjer under 2025.", codes: ["VAGUE_VERB"], words: ["strävar efter"] },
  { name: "'strävan efter'", text: "I strävan efter 2 möten per termin.", codes: ["VAGUE_VERB"], words: ["strävan efter"] },
  { name: "'eftersträvas'", text: "Minst 3 träffar per år eftersträvas.", codes: ["VAGUE_VERB"], words: ["eftersträvas"] },
  { name: "'bidra till'", text: "Bidra till 20 % färre anmälningar under 2025.", codes: ["VAGUE_VERB"], words: ["Bidra till"] },
  { name: "'bidrar till'", text: "Insatsen bidrar till att 30 unga får sommarjobb under sommaren.", codes: ["VAGUE_VERB"], words: ["bidrar till"] },
  { name: "'försöka'", text: "Försöka nå 40 föräldrar under våren.", codes: ["VAGUE_VERB"], words: ["Försöka"] },
  { name: "'försöker'", text: "Vi försöker genomföra 2 möten per månad.", codes: ["VAGUE_VERB"], words: ["försöker"] },
  { name: "'främja'", text: "Främja trygghet för 200 boende under 2025.", codes: ["VAGUE_VERB"], words: ["Främja"] },
  { name: "'öka medvetenheten'", text: "Öka medvetenheten hos 100 föräldrar under hösten.", codes: ["VAGUE_VERB"], words: ["Öka medvetenheten"] },
  { name: "'höja medvetenheten'", text: "Höja medvetenheten om bedrägerier hos 50 äldre senast i juni.", codes: ["VAGUE_VERB"], words: ["Höja medvetenheten"] },
  {
    name: "two phrases: two flags in text order",
    text: "Samtliga aktörer arbetar tillsammans för att identifiera åtgärder som kan bidra till ett tryggare torg under 2025.",
    codes: ["VAGUE_VERB", "VAGUE_VERB"],
    words: ["arbetar tillsammans för", "bidra till"],
  },
  {
    name: "one phrase in two forms: one flag",
    text: "Stadsdelen verkar för 3 möten under 2025 och ska verka för 2 till.",
    codes: ["VAGUE_VERB"],
    words: ["verkar för, verka för"],
  },
  // Look-alikes that must not be flagged.
  { name: "'arbetsgrupp'", text: "Arbetsgruppen träffas 4 gånger under året.", codes: [] },
  { name: "'Arbetsförmedlingen'", text: "Arbetsförmedlingen deltar i 3 möten under 2025.", codes: [] },
  { name: "'arbeta in' is not 'arbeta för'", text: "Arbeta in 2 nya rutiner under hösten.", codes: [] },
  { name: "'verkan för'", text: "Insatsens verkan för unga följs upp 2 gånger under 2025.", codes: [] },
  { name: "'verkar förebyggande'", text: "Fritidsgården verkar förebyggande med 3 aktiviteter i veckan.", codes: [] },
  { name: "'bidrag till' (a grant)", text: "Fördela bidrag till 5 föreningar under 2025.", codes: [] },
  { name: "'försök' (noun) and 'försöksverksamhet'", text: "Ett försök med 2 nattvandringar per månad inom försöksverksamheten.", codes: [] },
  { name: "'främjande' and 'hälsofrämjande'", text: "Erbjuda 4 främjande och hälsofrämjande aktiviteter under året.", codes: [] },
  { name: "'ökad medvetenhet' is not the verb phrase", text: "Minst 60 % uppger ökad medvetenhet vid enkäten i december.", codes: [] },
];

// ---------------------------------------------------------------------------------------------
// Qualitative goals, target values and the measure's deadline

const OPTIONS: Case[] = [
  { name: "qualitative: no number or time needed", text: "Stärka samverkan kring barn och unga.", qualitative: true, codes: [] },
  { name: "qualitative: vague verbs still flagged", text: "Verka för en god samverkan.", qualitative: true, codes: ["VAGUE_VERB"], words: ["Verka för"] },
  { name: "qualitative: false is the default", text: "Stärka samverkan.", qualitative: false, codes: ["NO_NUMBER", "NO_TIME"] },
  { name: "targetValue stands for the number", text: "Trygghetsvandringar under året.", targetValue: 12, codes: [] },
  { name: "targetValue 0 is a number", text: "Skadegörelse på skolgården under året.", targetValue: 0, codes: [] },
  { name: "targetValue does not give a time", text: "Trygghetsvandringar.", targetValue: 12, codes: ["NO_TIME"] },
  { name: "a DATE deadline gives the time", text: "Genomföra 4 möten med fastighetsägarna.", deadline: DATE, codes: [] },
  { name: "a DATE deadline does not give a number", text: "Genomföra en översyn.", deadline: DATE, codes: ["NO_NUMBER"] },
  { name: "ONGOING alone gives no time", text: "Genomföra 4 möten med fastighetsägarna.", deadline: ONGOING, codes: ["NO_TIME"] },
  { name: "ONGOING with a per-period frequency", text: "Styrgruppen träffas en gång per månad.", deadline: ONGOING, codes: [] },
  { name: "ONGOING with 'varje vecka'", text: "Fältgruppen finns på torget varje vecka.", deadline: ONGOING, codes: [] },
  { name: "NONE adds nothing", text: "Genomföra 4 möten.", deadline: NONE, codes: ["NO_TIME"] },
  { name: "DATE deadline and a vague verb", text: "Verka för trygghet.", deadline: DATE, codes: ["NO_NUMBER", "VAGUE_VERB"], words: ["Verka för"] },
];

describe("smartCheck: numbers and time", () => {
  it.each(NUMBER_AND_TIME)("$name", expectCase);
});

describe("smartCheck: vague verbs", () => {
  it.each(VAGUE)("$name", expectCase);
});

describe("smartCheck: qualitative, targetValue, measure deadline", () => {
  it.each(OPTIONS)("$name", expectCase);
});

describe("smartCheck: messages", () => {
  it("NO_NUMBER asks how many, how often or how large a share, with an example", () => {
    const [flag] = check({ text: "Stärka samverkan under 2025." });
    expect(flag?.code).toBe("NO_NUMBER");
    expect(flag?.message).toBe("Målet har inget tal: hur många, hur ofta eller hur stor andel?");
    expect(flag?.suggestion).toContain("”minst 12 trygghetsvandringar under året”");
    expect(flag?.words).toBeUndefined();
  });

  it("NO_TIME for an ONGOING measure asks how often", () => {
    const plain = check({ text: "Genomföra 4 möten." });
    const ongoing = check({ text: "Genomföra 4 möten.", deadline: ONGOING });
    expect(ongoing[0]?.message).toContain("linjearbete");
    expect(ongoing[0]?.message).not.toBe(plain[0]?.message);
    expect(ongoing[0]?.suggestion).toContain("per månad");
  });

  it("VAGUE_VERB quotes the words and suggests saying what will be done", () => {
    const [flag] = check({ text: "Vi strävar efter 3 möten under året." });
    expect(flag).toMatchObject({ code: "VAGUE_VERB", words: "strävar efter" });
    expect(flag?.message).toContain("”strävar efter”");
    expect(flag?.suggestion).toContain("”sträva efter”");
    expect(flag?.suggestion).toContain("vad som ska göras");
  });

  it("returns fresh flag objects", () => {
    const a = check({ text: "Stärka samverkan." });
    const b = check({ text: "Stärka samverkan." });
    expect(a).toEqual(b);
    expect(a[0]).not.toBe(b[0]);
  });
});

describe("VAGUE_VERBS", () => {
  it("includes the three verbs Brå names", () => {
    expect(VAGUE_VERBS.map((v) => v.phrase)).toEqual(expect.arrayContaining(["verka för", "arbeta för", "sträva efter"]));
  });

  it.each(VAGUE_VERBS.map((v) => [v.phrase]))("'%s' written as such is flagged", (phrase) => {
    const flags = check({ text: `${phrase} 3 möten under 2025`, qualitative: true });
    expect(flags).toHaveLength(1);
    expect(flags[0]?.words?.toLocaleLowerCase("sv-SE")).toBe(phrase);
  });

  it("every form of every verb is flagged", () => {
    for (const v of VAGUE_VERBS) {
      for (const form of v.forms) {
        const text = `Vi ${form}${v.particles[0] === undefined ? "" : ` ${v.particles[0]}`} 3 möten under 2025.`;
        expect(check({ text }).map((f) => f.code), text).toEqual(["VAGUE_VERB"]);
      }
    }
  });
});

describe("isSmart", () => {
  it.each<[string, Pick<Case, "text" | "targetValue" | "qualitative" | "deadline">, boolean]>([
    ["number and time", { text: "Minst 12 trygghetsvandringar under året." }, true],
    ["no time", { text: "Minst 12 trygghetsvandringar." }, false],
    ["no time, DATE deadline", { text: "Minst 12 trygghetsvandringar.", deadline: DATE }, true],
    ["qualitative", { text: "Stärka samverkan.", qualitative: true }, true],
    ["qualitative but vague", { text: "Arbeta för samverkan.", qualitative: true }, false],
  ])("%s", (_name, c, smart) => {
    const context: SmartContext | undefined = c.deadline === undefined ? undefined : { measureDeadline: c.deadline };
    expect(isSmart({ description: c.text, targetValue: c.targetValue ?? null, qualitative: c.qualitative }, context)).toBe(smart);
  });
});

// ---------------------------------------------------------------------------------------------
// The real goals of the seeds

type SeedRowLite = { goals: string | null; when: string | null };
type SeedFileLite = { year: number; areas: { rows: SeedRowLite[] }[] };
type SeedGoal = { file: string; text: string; deadline: Deadline };

function seedGoals(): SeedGoal[] {
  return ["farsta-2025", "skarholmen-2025"].flatMap((file) => {
    const path = fileURLToPath(new URL(`../fixtures/seeds/${file}.json`, import.meta.url));
    const plan = JSON.parse(readFileSync(path, "utf8")) as SeedFileLite;
    return plan.areas.flatMap((a) =>
      a.rows.flatMap((r) => splitGoals(r.goals).map((text) => ({ file, text, deadline: parseDeadline(r.when, plan.year) }))),
    );
  });
}

const SEED_GOALS = seedGoals();

/** Real goals, as splitGoals gives them, with the flags they get (with their measure's deadline where given). */
const REAL: Case[] = [
  { name: "Farsta: 12 gånger under året (line work)", text: "Ungdomsutsättningar genomförs 12 gånger under året.", deadline: ONGOING, codes: [] },
  { name: "Farsta: minst en dag per vecka", text: "Socialsekreterare befinner sig hos polisen minst en dag per vecka.", codes: [] },
  {
    name: "Farsta: 80 procent, no time in the text",
    text: "80 procent av ungdomarna som erbjuds insatsen \"BUPANB (allvarligt normbrytande beteende)\" tackar ja till kontakten.",
    codes: ["NO_TIME"],
  },
  {
    name: "Farsta: 80 procent, the measure's date gives the time",
    text: "80 procent av ungdomarna som erbjuds insatsen \"BUPANB (allvarligt normbrytande beteende)\" tackar ja till kontakten.",
    deadline: DATE,
    codes: [],
  },
  {
    name: "Farsta: samtliga skolor under 2025",
    text: "Samtliga kommunala grundskolor i Farsta ska under 2025 vara informerade om metoden MVP i syfte att under 2026 ha påbörjat implementeringen på skolorna.",
    codes: [],
  },
  {
    name: "Farsta: two vague phrases",
    text: "Samtliga aktörer arbetar tillsammans för att identifiera möjliga åtgärder som kan bidra till ett tryggare Farsta strand. En åtgärdsplan utarbetas utifrån en gemensam analys.",
    codes: ["NO_TIME", "VAGUE_VERB", "VAGUE_VERB"],
    words: ["arbetar tillsammans för", "bidra till"],
  },
  { name: "Farsta: veckovis", text: "Presentera veckovis lägesbild", codes: [] },
  {
    name: "Farsta: list with '1.' numbering",
    text: "1. Minst två trygghetsvandringar genomförs per år. 2. Minst 80 % av åtgärderna har genomförts efter 9 månader. 3) Minst fem boende deltar vid varje trygghetsvandring",
    codes: [],
  },
  { name: "Farsta: ett par gånger per år", text: "Torgträffar ska arrangeras ett par gånger per år", codes: ["NO_NUMBER"] },
  { name: "Farsta: ökar jämfört med föregående år", text: "Antalet som beviljas insatsen SIG ökar jämfört med föregående år.", codes: ["NO_NUMBER"] },
  { name: "Farsta: workshop (one of a list)", text: "genomföra workshop", codes: ["NO_NUMBER", "NO_TIME"] },
  {
    name: "Skärholmen: innan årets slut",
    text: "Beslut om hur befintlig samverkan ska kompletteras och förstärkas (BOB-råd) ska fattas innan årets slut.",
    codes: ["NO_NUMBER"],
  },
  {
    name: "Skärholmen: arbeta för",
    text: "Gemensamt arbeta för att utmana destruktiva manlighetsnormer och ge elever/besökare kunskap kring vad som definierar våld samtidigt som de tränas i att reagera på och emot våldsamma beteenden.",
    codes: ["NO_NUMBER", "NO_TIME", "VAGUE_VERB"],
    words: ["arbeta för"],
  },
  {
    name: "Skärholmen: Vår: / Höst:",
    text: "Vår: Forma en arbetsgrupp och genomföra möten för att blicka framåt.\nHöst: Sätta form, mål och syfte för framtida trygghetsvandringar.",
    codes: ["NO_NUMBER"],
  },
  {
    name: "Skärholmen: inga fasta bosättningar (line work)",
    text: "Etablera rutin för kontakt med Enheten för hemlösa.\nInga fasta bosättningar.\nFastighetsägare har kunskapen om var de kan vända sig om individer uppehåller sig i exempelvis trapphus.",
    deadline: ONGOING,
    codes: ["NO_TIME"],
  },
  {
    name: "Skärholmen: Vårberg and Sommar- och Vintertorg are names",
    text: "Påbörjat och genomfört arbete med Galleri Bredäng (trygghetsinvesteringsmedel)\nPåbörjat och genomfört arbete med tunnel i Vårberg (förverkliga Medborgarförslag)\nPlatsanalys av Sätra torg inom ramen för Sommar- och Vintertorg",
    codes: ["NO_NUMBER", "NO_TIME"],
  },
  { name: "Skärholmen: stärka (not a listed verb)", text: "Stärka de äldres kunskap om bedrägeribrott.", codes: ["NO_NUMBER", "NO_TIME"] },
];

describe("smartCheck on real seed goals", () => {
  it.each(REAL)("$name", (c) => {
    expect(SEED_GOALS.map((g) => g.text)).toContain(c.text);
    expectCase(c);
  });
});

describe("smartCheck over every seed goal", () => {
  const contexts = (g: SeedGoal): (SmartContext | undefined)[] => [undefined, {}, { measureDeadline: g.deadline }];

  it("reads the goals of both plans", () => {
    expect(SEED_GOALS.length).toBeGreaterThan(60);
    expect(new Set(SEED_GOALS.map((g) => g.file))).toEqual(new Set(["farsta-2025", "skarholmen-2025"]));
  });

  it("never throws and returns well-formed flags with Swedish messages", () => {
    for (const g of SEED_GOALS) {
      for (const context of contexts(g)) {
        for (const qualitative of [false, true]) {
          const flags = smartCheck({ description: g.text, targetValue: null, qualitative }, context);
          const codes = flags.map((f) => f.code);
          expect(new Set(codes.filter((c) => c !== "VAGUE_VERB")).size).toBe(codes.filter((c) => c !== "VAGUE_VERB").length);
          if (qualitative) expect(codes.every((c) => c === "VAGUE_VERB")).toBe(true);
          for (const f of flags) {
            expect(["NO_NUMBER", "NO_TIME", "VAGUE_VERB"]).toContain(f.code);
            expect(f.message.trim()).not.toBe("");
            expect(f.suggestion.trim()).not.toBe("");
            expect(`${f.message} ${f.suggestion}`).toMatch(/[åäö]/u);
            expect(`${f.message} ${f.suggestion}`).not.toMatch(/undefined|null|NaN/u);
            if (f.code === "VAGUE_VERB") {
              expect(f.words).toBeTruthy();
              for (const w of (f.words ?? "").split(", ")) expect(g.text.replace(/\s+/gu, " ")).toContain(w);
            } else {
              expect(f.words).toBeUndefined();
            }
          }
        }
      }
    }
  });

  it("a DATE deadline never leaves NO_TIME, and a target value never leaves NO_NUMBER", () => {
    for (const g of SEED_GOALS) {
      const codes = smartCheck({ description: g.text, targetValue: 1 }, { measureDeadline: DATE }).map((f) => f.code);
      expect(codes.filter((c) => c !== "VAGUE_VERB")).toEqual([]);
    }
  });
});
