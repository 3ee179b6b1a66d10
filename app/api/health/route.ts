import { pingDatabase } from "@/lib/db/health";
import { checkHealth, healthResponse } from "@/lib/http/health";

// Answered on every request, never prerendered at build time.
export const dynamic = "force-dynamic";

/**
 * GET /api/health, for load balancers and monitoring, without sign-in: 200
 * {"status":"ok","database":"ok"} or 503 {"status":"error","database":"unavailable"}.
 */
export async function GET(): Promise<Response> {
  const result = await checkHealth(pingDatabase, {
    onFailure: (error) => console.error(`Health check: the database is unavailable: ${error instanceof Error ? error.message : String(error)}`),
  });
  return healthResponse(result);
}
