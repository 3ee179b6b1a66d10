import type { Metadata } from "next";
import Link from "next/link";
import { requirePlan } from "@/lib/auth/plan-access";

export const metadata: Metadata = { title: "Planen är skickad" };

export default async function SubmittedPage({ params }: { params: Promise<{ district: string; year: string }> }) {
  const { district: slug, year } = await params;
  const { district, plan } = await requirePlan(slug, year);
  return (
    <>
      <div className="mb-6 bg-ok p-6 text-white">
        <h2 className="text-2xl font-bold">Planen är skickad till styrgruppen</h2>
        <p className="mt-2">Åtgärdsplan {plan.year} för {district.name} väntar nu på beslut av den lokala styrgruppen.</p>
      </div>
      <h3 className="mb-2 text-xl font-bold">Vad händer nu</h3>
      <p className="mb-4">Styrgruppen beslutar planen eller skickar tillbaka den med kommentarer. Under tiden kan planen inte ändras.</p>
      <p><Link href={`/plans/${district.slug}/${plan.year}`}>Till planens översikt</Link></p>
    </>
  );
}
