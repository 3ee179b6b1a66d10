import "server-only";
import { notFound } from "next/navigation";
import { readerReach } from "@/lib/domain/confidential";
import { requireActor } from "@/lib/auth/actor";
import { listDistrictScopes } from "@/lib/db/districts";
import { getMeasureWithChain } from "@/lib/db/search";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A measure of the library (search, "Liknande åtgärder", copying) with its chain, when the actor
 * may read it: its district visible to them and, with sekretess, readable. Else 404 — an outsider
 * learns nothing, not even that it exists. Also the actor's reach, for the lists on the page.
 */
export async function loadLibraryMeasure(measureId: string) {
  const actor = await requireActor();
  if (!UUID.test(measureId)) notFound();
  const [measure, districts] = await Promise.all([getMeasureWithChain(measureId), listDistrictScopes([...new Set(actor.memberships.map((m) => m.municipalityId))])]);
  const reach = readerReach(actor, districts);
  if (!measure || !reach.viewable.includes(measure.districtId)) notFound();
  if (measure.confidential && !reach.confidential.includes(measure.districtId)) notFound();
  return { actor, measure, reach, districts };
}
