import type { Metadata } from "next";
import Link from "next/link";
import { readerReach } from "@/lib/domain/confidential";
import { SEARCH_KIND_LABELS, headlineSegments, hitsLabel, normalizeQuery, SEARCH_LIMITS } from "@/lib/domain/search";
import { requireActor } from "@/lib/auth/actor";
import { listDistrictScopes } from "@/lib/db/districts";
import { searchPlans, type SearchHit } from "@/lib/db/search";
import { Highlighted } from "@/components/search/highlighted";

export const metadata: Metadata = { title: "Sök i åtgärdsplanerna" };

type Params = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));

function hitHref(h: SearchHit): string {
  return `/plans/${h.districtSlug}/${h.year}/areas/${h.areaId}#${h.kind}-${h.id}`;
}

/**
 * Search across every plan and year the user may read (PostgreSQL full-text search, Swedish
 * configuration: "trygghetsvandringar" finds "trygghetsvandring"), best match first, matched
 * words marked, each hit with its district, year, area and chain. Measures with sekretess are
 * found only by those who may read them (lib/domain/confidential.ts).
 */
export default async function SearchPage({ searchParams }: Params) {
  const actor = await requireActor();
  const sp = await searchParams;
  const query = normalizeQuery(one(sp.q));
  const districts = await listDistrictScopes([...new Set(actor.memberships.map((m) => m.municipalityId))]);
  const reach = readerReach(actor, districts);
  const visible = districts.filter((d) => reach.viewable.includes(d.districtId));
  const yearParam = one(sp.year);
  const year = /^\d{4}$/.test(yearParam) ? Number(yearParam) : undefined;
  const district = visible.find((d) => d.slug === one(sp.district));
  const canCopy = actor.memberships.some((m) => m.role === "STRATEGIST" || m.role === "ADMIN");
  const result = query ? await searchPlans(query, reach, { year, districtId: district?.districtId }) : null;

  const label = "mb-1 block font-semibold";
  const input = "w-full border-2 border-gray-700 bg-white px-2 py-1";
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">Sök i åtgärdsplanerna</h1>
      <p className="mb-4 max-w-3xl">
        Sök bland problem, orsaker, åtgärder och operativa mål i alla stadsdelsområdens planer, alla år. Sökningen hittar också
        andra böjningar av orden: ”trygghetsvandringar” hittar ”trygghetsvandring”. Skriv ”citattecken” runt en fras och ett
        minustecken före ett ord som inte ska finnas med.
      </p>
      <form method="get" action="/search" role="search" className="mb-6 grid max-w-4xl gap-4 sm:grid-cols-[2fr_1fr_1fr_auto]">
        <div>
          <label htmlFor="search-q" className={label}>
            Sökord
          </label>
          <input id="search-q" name="q" type="search" defaultValue={query ?? ""} maxLength={SEARCH_LIMITS.queryLength} className={input} />
        </div>
        <div>
          <label htmlFor="search-year" className={label}>
            År
          </label>
          <input id="search-year" name="year" type="text" inputMode="numeric" pattern="\d{4}" defaultValue={year ?? ""} placeholder="Alla år" className={input} />
        </div>
        <div>
          <label htmlFor="search-district" className={label}>
            Stadsdelsområde
          </label>
          <select id="search-district" name="district" defaultValue={district?.slug ?? ""} className={input}>
            <option value="">Alla</option>
            {visible.map((d) => (
              <option key={d.districtId} value={d.slug}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-end">
          <button type="submit" className="border-2 border-brand bg-brand px-4 py-1.5 font-semibold text-white">
            Sök
          </button>
        </div>
      </form>

      {result ? (
        <section aria-labelledby="hits-heading">
          <h2 id="hits-heading" className="mb-1 text-2xl font-bold">
            {hitsLabel(result.total)} för ”{query}”
          </h2>
          {result.total > result.hits.length ? (
            <p className="mb-3 text-sm">
              Visar de {result.hits.length} bästa. Begränsa med år eller stadsdelsområde, eller skriv fler ord, för att se andra.
            </p>
          ) : null}
          {result.hits.length === 0 ? (
            <p data-testid="search-empty">Inget i planerna matchar sökningen. Pröva ett annat ord eller färre ord.</p>
          ) : (
            <ol className="space-y-4" data-testid="search-hits">
              {result.hits.map((h) => (
                <li key={`${h.kind}-${h.id}`} className="border-l-4 border-gray-400 pl-3" data-testid="search-hit" data-district={h.districtSlug} data-kind={h.kind}>
                  <p className="text-sm">
                    <strong>{SEARCH_KIND_LABELS[h.kind]}</strong> · {h.districtName} {h.year} · {h.areaName}
                    {h.confidential ? <strong className="ml-2 border border-amber-800 px-1">Sekretess</strong> : null}
                  </p>
                  <p className="prose-cell">
                    <Link href={hitHref(h)}>
                      <Highlighted segments={headlineSegments(h.headline)} />
                    </Link>
                  </p>
                  <dl className="mt-1 grid gap-x-3 text-sm text-muted sm:grid-cols-[auto_1fr]">
                    {h.kind !== "problem" ? (
                      <>
                        <dt className="font-semibold">Problem</dt>
                        <dd className="line-clamp-2">{h.problem}</dd>
                      </>
                    ) : null}
                    {h.cause && h.kind !== "cause" ? (
                      <>
                        <dt className="font-semibold">Orsak</dt>
                        <dd className="line-clamp-2">{h.cause}</dd>
                      </>
                    ) : null}
                    {h.measure && h.kind === "goal" ? (
                      <>
                        <dt className="font-semibold">Åtgärd</dt>
                        <dd className="line-clamp-2">{h.measure}</dd>
                      </>
                    ) : null}
                  </dl>
                  {h.measureId ? (
                    <p className="mt-1 flex flex-wrap gap-4 text-sm">
                      <Link href={`/search/similar/${h.measureId}`}>
                        Liknande åtgärder<span className="sr-only"> som den här ({h.districtName} {h.year})</span>
                      </Link>
                      {canCopy ? (
                        <Link href={`/search/copy/${h.measureId}`}>
                          Kopiera åtgärden till min plan<span className="sr-only"> ({h.districtName} {h.year})</span>
                        </Link>
                      ) : null}
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
        </section>
      ) : null}
    </>
  );
}
