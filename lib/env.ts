import { z } from "zod";

/** The embedded PostgreSQL (PGlite over its socket server) that `npm run dev` starts. */
export const EMBEDDED_DATABASE_URL = "postgresql://postgres:postgres@127.0.0.1:54329/postgres";

const ZEnv = z.object({
  DATABASE_URL: z.string().url().default(EMBEDDED_DATABASE_URL),
  /** 1 for PGlite (one session behind the socket); a real server takes a pool. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  NEXTAUTH_SECRET: z.string().min(1).optional(),
});

export type TEnv = z.infer<typeof ZEnv>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): TEnv {
  const parsed = ZEnv.safeParse(source);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  return parsed.data;
}
