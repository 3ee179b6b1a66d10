import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { readEnv } from "@/lib/env";

/** Builds a Prisma client on the pg driver adapter: the one way the app, the seed and the tests talk to PostgreSQL. */
export function createPrismaClient(databaseUrl?: string): PrismaClient {
  const env = readEnv();
  const adapter = new PrismaPg({ connectionString: databaseUrl ?? env.DATABASE_URL, max: env.DATABASE_POOL_MAX });
  return new PrismaClient({ adapter });
}
