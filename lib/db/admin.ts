import "server-only";
import { db } from "@/lib/db/client";

/** Everything the admin page of one municipality shows. */
export async function getMunicipalityForAdmin(municipalityId: string) {
  const [municipality, districts, policeAreas, users] = await Promise.all([
    db.municipality.findUnique({ where: { id: municipalityId }, select: { id: true, name: true } }),
    db.district.findMany({ where: { municipalityId }, orderBy: { name: "asc" }, select: { id: true, slug: true, name: true } }),
    db.policeArea.findMany({
      where: { municipalityId },
      orderBy: { name: "asc" },
      select: { id: true, slug: true, name: true, districts: { select: { districtId: true } } },
    }),
    db.user.findMany({
      where: { memberships: { some: { OR: [{ municipalityId }, { district: { municipalityId } }, { policeArea: { municipalityId } }] } } },
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        email: true,
        disabledAt: true,
        memberships: { select: { id: true, role: true, district: { select: { name: true } }, policeArea: { select: { name: true } } } },
      },
    }),
  ]);
  return municipality && { municipality, districts, policeAreas, users };
}
