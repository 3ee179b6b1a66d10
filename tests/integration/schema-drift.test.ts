// The SQL migrations and prisma/schema.prisma must describe the same database: the app's
// queries are built from the schema, the database is built from the SQL. This file reads the
// schema, checks its reading against the generated client, compares it with the catalog of the
// migrated database, and then writes and reads every model once through Prisma.

import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import * as GeneratedEnums from "@/lib/generated/prisma/enums";
import { db, testDatabaseUrl, uniqueSuffix } from "@/tests/support/db";

// A real database, and Prisma compiles each query shape on its first use: more than the 5 s default.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

// ---------------------------------------------------------------------------------------------
// Reading schema.prisma. The schema uses a small part of the language (models, enums, scalar and
// relation fields, @id @unique @default @db.* @relation @map, @@id @@unique @@index @@map); the
// reading is checked against Prisma's own generated client below, so a field it missed fails.

type Field = {
  name: string;
  column: string;
  type: string;
  optional: boolean;
  list: boolean;
  attrs: string;
  nativeType: string | null;
};
type Relation = {
  field: string;
  target: string;
  fields: string[];
  references: string[];
  onDelete: string;
  onUpdate: string;
};
type Model = {
  name: string;
  table: string;
  scalars: Field[];
  relations: Relation[];
  id: string[];
  uniques: string[][];
  indexes: string[][];
};
type Schema = { models: Model[]; enums: Map<string, string[]> };

const SCALARS = new Set(["String", "Int", "BigInt", "Boolean", "DateTime", "Decimal", "Json", "Float", "Bytes"]);

function stripComments(text: string): string {
  // No string literal in this schema contains "//"; a comment runs to the end of its line.
  return text
    .split("\n")
    .map((line) => line.replace(/\/\/.*$/, ""))
    .join("\n");
}

function listArg(attrs: string, key: string): string[] | null {
  const m = new RegExp(`${key}\\s*:\\s*\\[([^\\]]*)\\]`).exec(attrs);
  return m ? m[1]!.split(",").map((s) => s.trim()).filter(Boolean) : null;
}

function blockList(line: string): string[] {
  const m = /\[([^\]]*)\]/.exec(line);
  if (!m) throw new Error(`Cannot read the field list of: ${line}`);
  return m[1]!.split(",").map((s) => s.trim().replace(/\(.*\)$/, "")).filter(Boolean);
}

function readSchema(text: string): Schema {
  const source = stripComments(text);
  const enums = new Map<string, string[]>();
  for (const m of source.matchAll(/^enum\s+(\w+)\s*\{([^}]*)\}/gm)) {
    enums.set(
      m[1]!,
      m[2]!
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith("@@"))
        .map((l) => l.split(/\s+/)[0]!),
    );
  }

  const rawModels = [...source.matchAll(/^model\s+(\w+)\s*\{([^}]*)\}/gm)];
  const modelNames = new Set(rawModels.map((m) => m[1]!));
  const models: Model[] = rawModels.map((m) => {
    const name = m[1]!;
    const model: Model = { name, table: name, scalars: [], relations: [], id: [], uniques: [], indexes: [] };
    const lines = m[2]!
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    for (const line of lines) {
      if (line.startsWith("@@")) {
        if (line.startsWith("@@id")) model.id = blockList(line);
        else if (line.startsWith("@@unique")) model.uniques.push(blockList(line));
        else if (line.startsWith("@@index")) model.indexes.push(blockList(line));
        else if (line.startsWith("@@map")) model.table = /@@map\("([^"]+)"\)/.exec(line)![1]!;
        else throw new Error(`Block attribute not understood by this test: ${line}`);
        continue;
      }
      // A column Prisma cannot type (a generated tsvector): the SQL type is named in the schema.
      const um = /^(\w+)\s+Unsupported\("([^"]+)"\)(\?)?\s*(.*)$/.exec(line);
      if (um) {
        model.scalars.push({ name: um[1]!, column: um[1]!, type: "Unsupported", optional: !!um[3], list: false, attrs: um[4]!, nativeType: um[2]! });
        continue;
      }
      const fm = /^(\w+)\s+(\w+)(\[\])?(\?)?\s*(.*)$/.exec(line);
      if (!fm) throw new Error(`Field line not understood by this test: ${line}`);
      const [, fieldName, type, list, optional, attrs] = fm as unknown as [string, string, string, string, string, string];
      if (modelNames.has(type)) {
        // A relation field; only the side holding `fields:` has a foreign key.
        const fields = listArg(attrs, "fields");
        if (fields) {
          const onDelete = /onDelete\s*:\s*(\w+)/.exec(attrs)?.[1] ?? (optional ? "SetNull" : "Restrict");
          const onUpdate = /onUpdate\s*:\s*(\w+)/.exec(attrs)?.[1] ?? "Cascade";
          model.relations.push({ field: fieldName, target: type, fields, references: listArg(attrs, "references") ?? [], onDelete, onUpdate });
        }
        continue;
      }
      if (!SCALARS.has(type) && !enums.has(type)) throw new Error(`Unknown type ${type} in ${name}.${fieldName}`);
      const column = /@map\("([^"]+)"\)/.exec(attrs)?.[1] ?? fieldName;
      const nativeType = /@db\.(\w+(?:\([^)]*\))?)/.exec(attrs)?.[1] ?? null;
      model.scalars.push({ name: fieldName, column, type, optional: !!optional, list: !!list, attrs, nativeType });
      if (/@id\b/.test(attrs)) model.id = [fieldName];
      if (/@unique\b/.test(attrs)) model.uniques.push([fieldName]);
    }
    return model;
  });

  // Constraint lists name fields; the database names columns.
  for (const model of models) {
    const col = (f: string) => model.scalars.find((s) => s.name === f)?.column ?? f;
    model.id = model.id.map(col);
    model.uniques = model.uniques.map((u) => u.map(col));
    model.indexes = model.indexes.map((u) => u.map(col));
    for (const r of model.relations) {
      r.fields = r.fields.map(col);
      const target = models.find((t) => t.name === r.target);
      r.references = r.references.map((f) => target?.scalars.find((s) => s.name === f)?.column ?? f);
    }
  }
  return { models, enums };
}

/** The column type PostgreSQL must report (format_type) for a scalar field. */
function expectedColumnType(f: Field, enums: Map<string, string[]>): string {
  const native = f.nativeType;
  let base: string;
  if (f.type === "Unsupported") base = native!;
  else if (enums.has(f.type)) base = f.type;
  else if (f.type === "String") base = native === "Uuid" ? "uuid" : native === null ? "text" : `unsupported:${native}`;
  else if (f.type === "Int") base = "integer";
  else if (f.type === "BigInt") base = "bigint";
  else if (f.type === "Boolean") base = "boolean";
  else if (f.type === "Json") base = "jsonb";
  else if (f.type === "Float") base = "double precision";
  else if (f.type === "Bytes") base = "bytea";
  else if (f.type === "DateTime") {
    const p = native && /\((\d+)\)/.exec(native)?.[1];
    if (native === "Date") base = "date";
    else if (native?.startsWith("Timestamptz")) base = `timestamp(${p ?? 3}) with time zone`;
    else base = "timestamp(3) without time zone"; // Prisma's default for DateTime on PostgreSQL
  } else if (f.type === "Decimal") {
    const args = native && /\((\d+)\s*,\s*(\d+)\)/.exec(native);
    base = args ? `numeric(${args[1]},${args[2]})` : "numeric(65,30)";
  } else throw new Error(`No column type known for ${f.type}`);
  return f.list ? `${base}[]` : base;
}

/** What the column default must look like for a @default, or undefined to not compare. */
function expectedDefault(f: Field): string | null | undefined {
  const m = /@default\((.*?)\)(?=\s|$)/.exec(f.attrs);
  if (!m) return f.type === "BigInt" || f.type === "Int" ? null : undefined;
  const value = m[1]!;
  if (value === "now()") return "CURRENT_TIMESTAMP";
  if (value === "autoincrement()") return "nextval";
  if (value === "uuid()" || value === "cuid()") return undefined; // generated by the client; SQL may add its own
  if (value === "true" || value === "false" || /^-?\d+(\.\d+)?$/.test(value)) return value;
  if (/^[A-Z_]+$/.test(value)) return `'${value}'::"${f.type}"`;
  return undefined;
}

const FK_RULE: Record<string, string> = { a: "NoAction", r: "Restrict", c: "Cascade", n: "SetNull", d: "SetDefault" };

// ---------------------------------------------------------------------------------------------

const schemaText = readFileSync(path.join(process.cwd(), "prisma", "schema.prisma"), "utf8");
const schema = readSchema(schemaText);

type ColumnRow = { table: string; column: string; type: string; notnull: boolean; default: string | null; generated: boolean };
type IndexRow = { table: string; name: string; unique: boolean; primary: boolean; columns: string[]; partial: boolean };
type FkRow = { table: string; name: string; columns: string[]; target: string; targetColumns: string[]; ondelete: string; onupdate: string };

let tables: string[] = [];
let columns: ColumnRow[] = [];
let indexes: IndexRow[] = [];
let foreignKeys: FkRow[] = [];
let dbEnums = new Map<string, string[]>();

// The catalog is read through the app's own client: PGlite (the fallback server) serves one session only.
const sql = <R>(text: string) => db.$queryRawUnsafe<R[]>(text);

beforeAll(async () => {
  testDatabaseUrl();
  tables = (
    await sql<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY 1`,
    )
  ).map((r) => r.name);
  columns = await sql<ColumnRow>(
    `SELECT c.relname AS "table", a.attname AS "column", format_type(a.atttypid, a.atttypmod) AS "type",
            a.attnotnull AS "notnull", pg_get_expr(d.adbin, d.adrelid) AS "default", a.attgenerated <> '' AS "generated"
     FROM pg_attribute a
     JOIN pg_class c ON c.oid = a.attrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped`,
  );
  indexes = await sql<IndexRow>(
    `SELECT t.relname AS "table", i.relname AS "name", x.indisunique AS "unique", x.indisprimary AS "primary",
            x.indpred IS NOT NULL AS "partial",
            ARRAY(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY AS k(attnum, ord)
                  JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS "columns"
     FROM pg_index x
     JOIN pg_class t ON t.oid = x.indrelid
     JOIN pg_class i ON i.oid = x.indexrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = current_schema()`,
  );
  foreignKeys = await sql<FkRow>(
    `SELECT t.relname AS "table", con.conname AS "name", rt.relname AS "target",
            con.confdeltype::text AS "ondelete", con.confupdtype::text AS "onupdate",
            ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                  JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS "columns",
            ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                  JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS "targetColumns"
     FROM pg_constraint con
     JOIN pg_class t ON t.oid = con.conrelid
     JOIN pg_class rt ON rt.oid = con.confrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE con.contype = 'f' AND n.nspname = current_schema()`,
  );
  const enumRows = await sql<{ name: string; value: string }>(
    `SELECT t.typname AS "name", e.enumlabel AS "value"
     FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = current_schema() ORDER BY t.typname, e.enumsortorder`,
  );
  dbEnums = new Map();
  for (const r of enumRows) dbEnums.set(r.name, [...(dbEnums.get(r.name) ?? []), r.value]);
});

afterAll(async () => {
  await db.$disconnect();
});

const unquote = (type: string) => type.replace(/"/g, "");

describe("reading schema.prisma", () => {
  it("finds the same models, scalar fields and enums as the generated Prisma client", () => {
    expect(schema.models.map((m) => m.name).sort()).toEqual(Object.values(Prisma.ModelName).sort());
    for (const model of schema.models) {
      const generated = (Prisma as unknown as Record<string, Record<string, string> | undefined>)[`${model.name}ScalarFieldEnum`];
      expect(generated, `Prisma.${model.name}ScalarFieldEnum`).toBeDefined();
      // Unsupported fields are left out of the generated client by design.
      expect(model.scalars.filter((f) => f.type !== "Unsupported").map((f) => f.name), model.name).toEqual(Object.values(generated!));
    }
    const generatedEnums = Object.fromEntries(
      Object.entries(GeneratedEnums).map(([name, values]) => [name, Object.values(values as Record<string, string>)]),
    );
    expect(Object.fromEntries(schema.enums)).toEqual(generatedEnums);
  });
});

describe("migrations ↔ schema.prisma", () => {
  it("has one table per model and no other table except _app_migrations", () => {
    const expected = schema.models.map((m) => m.table).sort();
    expect(tables.filter((t) => t !== "_app_migrations")).toEqual(expected);
  });

  it("has one column per scalar field, of the matching type and nullability, and no other column", () => {
    const problems: string[] = [];
    for (const model of schema.models) {
      const dbColumns = columns.filter((c) => c.table === model.table);
      for (const f of model.scalars) {
        const c = dbColumns.find((x) => x.column === f.column);
        if (!c) {
          problems.push(`${model.table}.${f.column}: missing in the database`);
          continue;
        }
        const want = expectedColumnType(f, schema.enums);
        if (unquote(c.type) !== want) problems.push(`${model.table}.${f.column}: type ${c.type}, schema says ${want}`);
        if (c.notnull === f.optional) {
          problems.push(`${model.table}.${f.column}: ${c.notnull ? "NOT NULL" : "nullable"} in SQL, ${f.optional ? "optional" : "required"} in the schema`);
        }
        // Unsupported columns are generated by PostgreSQL (the app never writes them); no other column is.
        if (c.generated !== (f.type === "Unsupported")) problems.push(`${model.table}.${f.column}: ${c.generated ? "generated" : "not generated"} in SQL`);
        if (c.generated) continue;
        const wantDefault = expectedDefault(f);
        if (wantDefault === null && c.default !== null && !model.id.includes(f.column)) {
          problems.push(`${model.table}.${f.column}: SQL default ${c.default}, none in the schema`);
        } else if (wantDefault === "nextval") {
          if (!c.default?.startsWith("nextval(")) problems.push(`${model.table}.${f.column}: not autoincrement in SQL (${c.default})`);
        } else if (typeof wantDefault === "string" && c.default !== wantDefault) {
          problems.push(`${model.table}.${f.column}: SQL default ${c.default}, schema says ${wantDefault}`);
        }
      }
      for (const c of dbColumns) {
        if (!model.scalars.some((f) => f.column === c.column)) problems.push(`${model.table}.${c.column}: in SQL only`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("has every enum with the same values in the same order, and no other enum", () => {
    expect(Object.fromEntries([...dbEnums].sort(([a], [b]) => a.localeCompare(b)))).toEqual(
      Object.fromEntries([...schema.enums].sort(([a], [b]) => a.localeCompare(b))),
    );
  });

  it("has the primary key of every model", () => {
    for (const model of schema.models) {
      const pk = indexes.find((i) => i.table === model.table && i.primary);
      expect(pk?.columns, `${model.table} primary key`).toEqual(model.id);
    }
  });

  it("has a unique index for every @unique and @@unique, and no unique index the schema does not know", () => {
    const problems: string[] = [];
    for (const model of schema.models) {
      const dbUniques = indexes.filter((i) => i.table === model.table && i.unique && !i.primary);
      for (const u of model.uniques) {
        const found = dbUniques.find((i) => !i.partial && i.columns.join() === u.join());
        if (!found) problems.push(`${model.table}(${u.join(", ")}): unique in the schema, no unique index in SQL`);
      }
      for (const i of dbUniques) {
        if (!model.uniques.some((u) => u.join() === i.columns.join())) {
          problems.push(`${model.table}: unique index ${i.name} (${i.columns.join(", ")}) in SQL only`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("has an index for every @@index", () => {
    const problems: string[] = [];
    for (const model of schema.models) {
      for (const cols of model.indexes) {
        if (!indexes.some((i) => i.table === model.table && !i.partial && i.columns.join() === cols.join())) {
          problems.push(`${model.table}(${cols.join(", ")}): @@index without an index in SQL`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("has a foreign key with the same columns and onDelete/onUpdate rule for every relation, and no other", () => {
    const expected = schema.models
      .flatMap((m) =>
        m.relations.map((r) => ({
          table: m.table,
          columns: r.fields,
          target: schema.models.find((t) => t.name === r.target)!.table,
          targetColumns: r.references,
          onDelete: r.onDelete,
          onUpdate: r.onUpdate,
        })),
      )
      .map((fk) => JSON.stringify(fk))
      .sort();
    const actual = foreignKeys
      .map((fk) =>
        JSON.stringify({
          table: fk.table,
          columns: fk.columns,
          target: fk.target,
          targetColumns: fk.targetColumns,
          onDelete: FK_RULE[fk.ondelete],
          onUpdate: FK_RULE[fk.onupdate],
        }),
      )
      .sort();
    expect(actual).toEqual(expected);
    // The reading found the relations at all (a reader that saw none would compare [] with []).
    expect(expected.length).toBeGreaterThanOrEqual(30);
  });
});

// ---------------------------------------------------------------------------------------------

class Rollback extends Error {}

describe("every model through Prisma", () => {
  it("creates and reads back one row of every model in a transaction that is then rolled back", async () => {
    const s = uniqueSuffix();
    const touched = new Set<string>();
    const ids: Record<string, string> = {};
    const rollback = new Rollback("undo");

    await expect(
      db.$transaction(async (tx) => {
        const municipality = await tx.municipality.create({ data: { slug: `drift-${s}`, name: "Driftkommun" } });
        expect(await tx.municipality.findUniqueOrThrow({ where: { slug: `drift-${s}` } })).toMatchObject({ id: municipality.id, name: "Driftkommun" });
        touched.add("Municipality");
        ids.municipality = municipality.id;

        const district = await tx.district.create({ data: { municipalityId: municipality.id, slug: `drift-d-${s}`, name: "Driftdistrikt" } });
        expect(await tx.district.findUniqueOrThrow({ where: { id: district.id }, include: { municipality: true } })).toMatchObject({
          slug: `drift-d-${s}`,
          municipality: { id: municipality.id },
        });
        touched.add("District");

        const policeArea = await tx.policeArea.create({ data: { municipalityId: municipality.id, slug: `drift-p-${s}`, name: "Driftpolis" } });
        expect((await tx.policeArea.findUniqueOrThrow({ where: { id: policeArea.id } })).slug).toBe(`drift-p-${s}`);
        touched.add("PoliceArea");

        await tx.districtPoliceArea.create({ data: { districtId: district.id, policeAreaId: policeArea.id } });
        expect(
          await tx.districtPoliceArea.findUniqueOrThrow({ where: { districtId_policeAreaId: { districtId: district.id, policeAreaId: policeArea.id } } }),
        ).toEqual({ districtId: district.id, policeAreaId: policeArea.id });
        touched.add("DistrictPoliceArea");

        const disabledAt = new Date("2026-01-02T03:04:05.678Z");
        const user = await tx.user.create({ data: { email: `drift-${s}@example.test`, name: "Drift", passwordHash: "x", disabledAt } });
        expect(await tx.user.findUniqueOrThrow({ where: { email: `drift-${s}@example.test` } })).toMatchObject({ id: user.id, disabledAt });
        touched.add("User");

        await tx.membership.create({ data: { userId: user.id, role: "ADMIN", municipalityId: municipality.id } });
        await tx.membership.create({ data: { userId: user.id, role: "STRATEGIST", districtId: district.id } });
        await tx.membership.create({ data: { userId: user.id, role: "POLICE", policeAreaId: policeArea.id } });
        expect((await tx.membership.findMany({ where: { userId: user.id }, orderBy: { role: "asc" } })).map((m) => m.role)).toEqual([
          "STRATEGIST",
          "POLICE",
          "ADMIN",
        ]);
        touched.add("Membership");

        const plan = await tx.plan.create({ data: { districtId: district.id, year: 2031 } });
        expect(await tx.plan.findUniqueOrThrow({ where: { districtId_year: { districtId: district.id, year: 2031 } } })).toMatchObject({
          status: "DRAFT",
          version: 1,
        });
        touched.add("Plan");
        ids.plan = plan.id;

        const snapshot = { areas: [{ name: "Å", problems: [] }], note: "åäö ✓" };
        const planVersion = await tx.planVersion.create({ data: { planId: plan.id, number: 1, snapshot, reason: "Beslut", createdById: user.id } });
        expect((await tx.planVersion.findUniqueOrThrow({ where: { planId_number: { planId: plan.id, number: 1 } } })).snapshot).toEqual(snapshot);
        touched.add("PlanVersion");

        const area = await tx.priorityArea.create({ data: { planId: plan.id, centralArea: "UNSAFE_PLACES", name: "Otrygga platser", position: 0 } });
        expect(await tx.priorityArea.findUniqueOrThrow({ where: { planId_centralArea: { planId: plan.id, centralArea: "UNSAFE_PLACES" } } })).toMatchObject({
          id: area.id,
          version: 1,
        });
        touched.add("PriorityArea");

        const problem = await tx.problem.create({ data: { areaId: area.id, description: "Problem", position: 0 } });
        expect(await tx.problem.findUniqueOrThrow({ where: { id: problem.id } })).toMatchObject({ collectiveName: null, version: 1 });
        touched.add("Problem");

        const cause = await tx.cause.create({ data: { problemId: problem.id, description: "Orsak", position: 0 } });
        expect((await tx.cause.findUniqueOrThrow({ where: { id: cause.id } })).description).toBe("Orsak");
        touched.add("Cause");

        const measure = await tx.measure.create({
          data: {
            causeId: cause.id,
            description: "Åtgärd",
            kind: "ONGOING_WORK",
            withPolice: true,
            deadlineKind: "DATE",
            deadlineDate: new Date("2031-12-31T00:00:00Z"),
            position: 0,
          },
        });
        expect(await tx.measure.findUniqueOrThrow({ where: { id: measure.id } })).toMatchObject({
          kind: "ONGOING_WORK",
          withPolice: true,
          youthStrategy: false,
          deadlineDate: new Date("2031-12-31T00:00:00Z"),
        });
        touched.add("Measure");

        await tx.responsibleParty.create({ data: { measureId: measure.id, organisation: "Polisen", role: null, position: 0 } });
        expect(await tx.responsibleParty.findMany({ where: { measureId: measure.id } })).toMatchObject([{ organisation: "Polisen", role: null }]);
        touched.add("ResponsibleParty");

        const goal = await tx.goal.create({ data: { measureId: measure.id, description: "Mål", targetValue: "123456789012.34", targetUnit: "st", position: 0 } });
        expect((await tx.goal.findUniqueOrThrow({ where: { id: goal.id } })).targetValue?.toString()).toBe("123456789012.34");
        touched.add("Goal");

        const coSignature = await tx.coSignature.create({
          data: { measureId: measure.id, userId: user.id, policeAreaId: policeArea.id, status: "SIGNED", contentHash: "abc" },
        });
        expect((await tx.coSignature.findUniqueOrThrow({ where: { id: coSignature.id } })).status).toBe("SIGNED");
        touched.add("CoSignature");

        const decision = await tx.decision.create({
          data: { planId: plan.id, kind: "COUNCIL", decidedOn: new Date("2031-03-15T00:00:00Z"), versionId: planVersion.id, recordedById: user.id },
        });
        expect(await tx.decision.findUniqueOrThrow({ where: { id: decision.id } })).toMatchObject({
          kind: "COUNCIL",
          decidedOn: new Date("2031-03-15T00:00:00Z"),
        });
        touched.add("Decision");

        const comment = await tx.reviewComment.create({ data: { planId: plan.id, measureId: measure.id, authorId: user.id, body: "Kommentar" } });
        expect((await tx.reviewComment.findUniqueOrThrow({ where: { id: comment.id } })).body).toBe("Kommentar");
        touched.add("ReviewComment");

        const round = await tx.followUpRound.create({ data: { planId: plan.id, kind: "T1" } });
        expect(await tx.followUpRound.findUniqueOrThrow({ where: { planId_kind: { planId: plan.id, kind: "T1" } } })).toMatchObject({ completedAt: null });
        touched.add("FollowUpRound");

        await tx.goalFollowUp.create({ data: { roundId: round.id, goalId: goal.id, status: "PARTLY_MET", outcomeValue: "7.5" } });
        const gf = await tx.goalFollowUp.findUniqueOrThrow({ where: { roundId_goalId: { roundId: round.id, goalId: goal.id } } });
        expect([gf.status, gf.outcomeValue?.toString()]).toEqual(["PARTLY_MET", "7.5"]);
        touched.add("GoalFollowUp");

        await tx.measureFollowUp.create({ data: { roundId: round.id, measureId: measure.id, text: "Genomförd" } });
        expect((await tx.measureFollowUp.findUniqueOrThrow({ where: { roundId_measureId: { roundId: round.id, measureId: measure.id } } })).text).toBe("Genomförd");
        touched.add("MeasureFollowUp");

        const audit = await tx.auditLog.create({ data: { actorId: user.id, action: "drift.test", entityType: "plan", entityId: plan.id, planId: plan.id, after: { ok: true } } });
        expect(typeof audit.id).toBe("bigint");
        expect((await tx.auditLog.findUniqueOrThrow({ where: { id: audit.id } })).after).toEqual({ ok: true });
        touched.add("AuditLog");

        const session = await tx.importSession.create({ data: { planId: plan.id, userId: user.id, fileName: "plan.xlsx", planVersion: 1, content: { sheets: [] } } });
        expect(await tx.importSession.findUniqueOrThrow({ where: { id: session.id } })).toMatchObject({ appliedAt: null, content: { sheets: [] } });
        touched.add("ImportSession");

        const userSession = await tx.userSession.create({ data: { userId: user.id, method: "credentials" } });
        expect(await tx.userSession.findUniqueOrThrow({ where: { id: userSession.id } })).toMatchObject({ revokedAt: null, method: "credentials" });
        await tx.user.update({ where: { id: user.id }, data: { oidcSubject: `sub-${s}` } });
        expect((await tx.user.findUniqueOrThrow({ where: { oidcSubject: `sub-${s}` } })).id).toBe(user.id);
        touched.add("UserSession");

        await tx.loginAttempt.create({ data: { key: `drift:${s}`, points: 1, expire: new Date(Date.now() + 60_000) } });
        expect((await tx.loginAttempt.findUniqueOrThrow({ where: { key: `drift:${s}` } })).points).toBe(1);
        touched.add("LoginAttempt");

        // SetNull and Cascade behave as declared: deleting the measure keeps the comment, drops the rest.
        await tx.measure.delete({ where: { id: measure.id } });
        expect((await tx.reviewComment.findUniqueOrThrow({ where: { id: comment.id } })).measureId).toBeNull();
        expect(await tx.goal.count({ where: { id: goal.id } })).toBe(0);
        expect(await tx.coSignature.count({ where: { id: coSignature.id } })).toBe(0);

        throw rollback;
      }, { timeout: 60_000 }), // the first use of each query shape is compiled: slower than the 5 s default allows
    ).rejects.toBe(rollback);

    expect([...touched].sort()).toEqual(Object.values(Prisma.ModelName).sort());
    // The transaction really was rolled back.
    expect(await db.municipality.count({ where: { id: ids.municipality } })).toBe(0);
    expect(await db.plan.count({ where: { id: ids.plan } })).toBe(0);
  });
});
