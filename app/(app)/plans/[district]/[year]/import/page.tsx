import type { Metadata } from "next";
import Link from "next/link";
import { IMPORT_LIMITS } from "@/lib/domain/import";
import { requirePlan } from "@/lib/auth/plan-access";
import { UPLOAD_LIMITS } from "@/lib/xlsx/read";
import { UploadForm } from "@/components/import/import-forms";

export const metadata: Metadata = { title: "Läs in från Excel" };

const LIMITS = `Högst ${UPLOAD_LIMITS.bytes / 1024 / 1024} MB, ${IMPORT_LIMITS.sheets} flikar och ${IMPORT_LIMITS.rowsPerSheet.toLocaleString("sv-SE")} rader per flik. Lösenordsskyddade filer och gamla .xls-filer går inte att läsa: spara som .xlsx utan lösenord.`;

/** Import step 1: the city's workbook (or a file exported from here) into this plan. */
export default async function ImportPage({ params }: { params: Promise<{ district: string; year: string }> }) {
  const { district: slug, year } = await params;
  const { district, plan, canEdit } = await requirePlan(slug, year);
  const base = `/plans/${district.slug}/${plan.year}`;
  return (
    <>
      <h2 className="mb-2 text-2xl font-bold">Läs in från Excel</h2>
      <div className="mb-6 max-w-3xl space-y-2">
        <p>
          Läs in en åtgärdsplan i stadens Excel-mall: en flik per prioriterat område med kolumnerna Problem, Orsak, Åtgärd, Operativa mål, När och Vem. Rubrikraden hittas var den än står, och flikarna matchas mot planens områden; okända flikar kan bli egna områden.
        </p>
        <p>
          Du ser först en förhandsgranskning av vad som läggs till och ändras, och vilka rader som inte går att läsa. Inget sparas förrän du bekräftar. En fil som har laddats ner härifrån läses in mot samma rader (inget tas bort).
        </p>
      </div>
      {canEdit ? (
        <UploadForm planRef={{ districtSlug: district.slug, year: plan.year }} limits={LIMITS} />
      ) : (
        <p className="border-l-4 border-brand bg-blue-50 p-3">
          Den här planen kan inte ändras av dig nu, så inget kan läsas in i den. <Link href={base}>Till översikten</Link>
        </p>
      )}
    </>
  );
}
