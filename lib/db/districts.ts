import "server-only";
import type { DistrictScope } from "@/lib/domain/types";
import { db } from "@/lib/db/client";

/** Longer than any slug the admin form accepts (60). */
const MAX_SLUG_LENGTH = 200;

export type DistrictWithScope = DistrictScope & { slug: string; name: string };

export async function getDistrictBySlug(slug: string): Promise<DistrictWithScope | null> {
  // A slug from a URL may hold anything: no district's slug is that long or contains NUL, which
  // PostgreSQL refuses in text ("invalid byte sequence", a 500 instead of "not found").
  if (slug.length > MAX_SLUG_LENGTH || slug.includes("\u0000")) return null;
  const d = await db.district.findUnique({
    where: { slug },
    include: { policeAreas: { select: { policeAreaId: true } } },
  });
  if (!d) return null;
  return {
    districtId: d.id,
    municipalityId: d.municipalityId,
    policeAreaIds: d.policeAreas.map((p) => p.policeAreaId),
    slug: d.slug,
    name: d.name,
  };
}

/** Every district of the given municipalities with its plans' years and statuses (for the plan list). */
export async function listDistrictsWithPlans(municipalityIds: string[]) {
  return db.district.findMany({
    where: { municipalityId: { in: municipalityIds } },
    orderBy: { name: "asc" },
    select: {
      id: true,
      slug: true,
      name: true,
      municipalityId: true,
      policeAreas: { select: { policeAreaId: true } },
      plans: { select: { id: true, year: true, status: true, updatedAt: true }, orderBy: { year: "desc" } },
    },
  });
}

/** Every district of the given municipalities with what the permission rules need (for cross-district lists and search). */
export async function listDistrictScopes(municipalityIds: string[]): Promise<DistrictWithScope[]> {
  if (municipalityIds.length === 0) return [];
  const rows = await db.district.findMany({
    where: { municipalityId: { in: municipalityIds } },
    orderBy: { name: "asc" },
    include: { policeAreas: { select: { policeAreaId: true } } },
  });
  return rows.map((d) => ({
    districtId: d.id,
    municipalityId: d.municipalityId,
    policeAreaIds: d.policeAreas.map((p) => p.policeAreaId),
    slug: d.slug,
    name: d.name,
  }));
}
