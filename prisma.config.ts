import path from "node:path";
import { existsSync } from "node:fs";
import { defineConfig } from "prisma/config";

// Prisma's CLI would download a native schema engine first, which this network blocks.
// `prisma generate` does not use it, so point the CLI at any existing file. Migrations are
// plain SQL applied by scripts/migrate.ts (see docs/ARCHITECTURE.md).
if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(process.env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
}

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  datasource: {
    url: process.env.DATABASE_URL ?? "postgresql://postgres:postgres@127.0.0.1:54329/postgres",
  },
});
