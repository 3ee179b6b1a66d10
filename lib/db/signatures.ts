import "server-only";
import { db, type Tx } from "@/lib/db/client";

export type SignatureRow = {
  measureId: string;
  status: "SIGNED" | "DECLINED" | "WITHDRAWN";
  contentHash: string;
  createdAt: string;
  comment: string | null;
  userName: string;
  policeAreaName: string;
};

/** Every co-signature of the plan's measures, oldest first, grouped by measure. */
export async function getSignaturesByMeasure(planId: string, client: Tx = db): Promise<Map<string, SignatureRow[]>> {
  const rows = await client.coSignature.findMany({
    where: { measure: { cause: { problem: { area: { planId } } } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { user: { select: { name: true } }, policeArea: { select: { name: true } } },
  });
  const byMeasure = new Map<string, SignatureRow[]>();
  for (const r of rows) {
    const list = byMeasure.get(r.measureId) ?? [];
    list.push({
      measureId: r.measureId,
      status: r.status,
      contentHash: r.contentHash,
      createdAt: r.createdAt.toISOString(),
      comment: r.comment,
      userName: r.user.name,
      policeAreaName: r.policeArea.name,
    });
    byMeasure.set(r.measureId, list);
  }
  return byMeasure;
}

/** Open plans (draft or sent back) of the districts these police areas serve: the police worklist's source. */
export async function listOpenPlansServedBy(policeAreaIds: string[]) {
  return db.plan.findMany({
    where: { status: { in: ["DRAFT", "RETURNED"] }, district: { policeAreas: { some: { policeAreaId: { in: policeAreaIds } } } } },
    orderBy: [{ year: "desc" }],
    select: { id: true, year: true, status: true, district: { select: { slug: true, name: true } } },
  });
}
