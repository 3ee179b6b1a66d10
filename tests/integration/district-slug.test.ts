import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getDistrictBySlug } from "@/lib/db/districts";
import { uniqueSuffix } from "../support/db";

// A district slug comes straight from the URL (/plans/{slug}/…, the file routes, actions' hidden
// fields). Whatever it holds, the answer is a district or null: never a database error, which
// would be a 500 (PostgreSQL refuses NUL in text: "invalid byte sequence for encoding UTF8: 0x00").

describe("getDistrictBySlug with hostile slugs", () => {
  it.each([
    ["a NUL byte", "farsta\u0000"],
    ["only NUL", "\u0000"],
    ["a very long slug", "x".repeat(5000)],
    ["SQL", `'; DROP TABLE "District"; --`],
    ["a lone surrogate", "farsta\ud800"],
    ["control characters", "far\u0001sta\u001f"],
  ])("%s → null", async (_name, slug) => {
    await expect(getDistrictBySlug(slug)).resolves.toBeNull();
  });

  it("a real slug still finds its district", async () => {
    const suffix = uniqueSuffix();
    const municipality = await db.municipality.create({ data: { slug: `kommun-${suffix}`, name: `Kommun ${suffix}` } });
    await db.district.create({ data: { municipalityId: municipality.id, slug: `sdo-${suffix}`, name: `Stadsdel ${suffix}` } });
    expect((await getDistrictBySlug(`sdo-${suffix}`))?.name).toBe(`Stadsdel ${suffix}`);
  });
});
