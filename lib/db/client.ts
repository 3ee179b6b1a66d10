import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "@/lib/db/create-client";

export { Prisma } from "@/lib/generated/prisma/client";

/** A transaction client: every write inside `db.$transaction` goes through it, never `db`. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/** The one Prisma client of the app (one per process, also across dev hot reloads). */
export const db: PrismaClient = globalForPrisma.prisma ?? createPrismaClient();
// Cached in production too: Next loads this module in more than one bundle layer, and PGlite takes one connection.
globalForPrisma.prisma = db;
