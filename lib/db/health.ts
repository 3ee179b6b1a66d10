import "server-only";
import { db } from "@/lib/db/client";

/** One round trip through the app's own Prisma client and pool: `SELECT 1`. Throws when the database cannot answer. */
export async function pingDatabase(): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}
