import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-12">
      <h1 className="mb-4 text-3xl font-bold">Sidan finns inte</h1>
      <p className="mb-4">Kontrollera adressen, eller gå tillbaka till listan över åtgärdsplaner.</p>
      <p><Link href="/plans">Till åtgärdsplanerna</Link></p>
    </main>
  );
}
