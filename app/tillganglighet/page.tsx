import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Tillgänglighetsredogörelse" };

/** Required of public-sector digital services by lagen (2018:1937) om tillgänglighet till digital offentlig service (DOS-lagen). */
export default function AccessibilityStatementPage() {
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8">
      <p className="mb-4"><Link href="/plans">Till åtgärdsplanerna</Link></p>
      <h1 className="mb-4 text-3xl font-bold">Tillgänglighetsredogörelse</h1>
      <p className="mb-4">
        Den här redogörelsen beskriver hur Trygghetsplan uppfyller lagen (2018:1937) om tillgänglighet till digital
        offentlig service, kända tillgänglighetsproblem och hur du kan rapportera brister till oss så att vi kan åtgärda dem.
      </p>
      <h2 className="mb-2 mt-6 text-2xl font-bold">Hur tillgänglig är tjänsten?</h2>
      <p className="mb-4">
        Tjänsten är byggd för att uppfylla nivå AA i standarden WCAG 2.1. Alla sidor går att använda med tangentbord och
        skärmläsare, fel i formulär visas både vid fältet och i en sammanfattning överst, och status visas alltid med text,
        aldrig bara med färg. Varje sida kontrolleras automatiskt med verktyget axe i våra tester.
      </p>
      <h2 className="mb-2 mt-6 text-2xl font-bold">Kända brister</h2>
      <p className="mb-4">Vi känner inte till några brister mot WCAG 2.1 AA just nu. Hittar du en, berätta det för oss.</p>
      <h2 className="mb-2 mt-6 text-2xl font-bold">Rapportera brister</h2>
      <p className="mb-4">
        Kontakta förvaltningens trygghetsstrateg eller systemförvaltare om du inte kan använda någon del av tjänsten, så
        hjälper vi dig att få tillgång till innehållet på annat sätt och åtgärdar bristen.
      </p>
      <h2 className="mb-2 mt-6 text-2xl font-bold">Tillsyn</h2>
      <p className="mb-4">
        Myndigheten för digital förvaltning (Digg) har ansvar för tillsyn av lagen. Om du inte är nöjd med hur vi hanterar
        dina synpunkter kan du kontakta Digg och påtala det.
      </p>
      <h2 className="mb-2 mt-6 text-2xl font-bold">Hur vi testat tjänsten</h2>
      <p>Vi testar tjänsten automatiskt med axe (WCAG 2.1 och 2.2, nivå A och AA) vid varje ändring, och manuellt med tangentbord.</p>
    </main>
  );
}
