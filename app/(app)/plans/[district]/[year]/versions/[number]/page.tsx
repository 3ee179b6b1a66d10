import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { parseSnapshot } from "@/lib/domain/snapshot";
import { requirePlan } from "@/lib/auth/plan-access";
import { visibleAreas } from "@/lib/domain/confidential";
import { confidentialMeasureIds } from "@/lib/db/plans";
import { getPlanVersion } from "@/lib/db/versions";
import { PlanReadView } from "@/components/plan/plan-read-view";

type Params = { params: Promise<{ district: string; year: string; number: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { number } = await params;
  return { title: `Version ${number}` };
}

/** A frozen version of the plan, readable forever. */
export default async function VersionPage({ params }: Params) {
  const { district: slug, year, number } = await params;
  const { district, plan, canReadConfidential } = await requirePlan(slug, year);
  if (!/^\d{1,6}$/.test(number)) notFound();
  const version = await getPlanVersion(plan.id, Number(number));
  if (!version) notFound();
  const snapshot = parseSnapshot(version.snapshot);
  const areas = visibleAreas(snapshot.areas, canReadConfidential, canReadConfidential ? undefined : await confidentialMeasureIds(plan.id));
  return (
    <>
      <p className="mb-2 text-sm"><Link href={`/plans/${district.slug}/${plan.year}/versions`}>Alla versioner</Link></p>
      <h2 className="mb-1 text-2xl font-bold">Version {version.number}</h2>
      <p className="mb-6">{version.reason} · sparad {version.createdAt.toLocaleString("sv-SE", { timeZone: "Europe/Stockholm", dateStyle: "short", timeStyle: "short" })} av {version.createdBy.name}. Den här versionen kan inte ändras.</p>
      <PlanReadView areas={areas} />
    </>
  );
}
