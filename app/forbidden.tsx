import Link from "next/link";

export default function Forbidden() {
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-12">
      <h1 className="mb-4 text-3xl font-bold">Du har inte behörighet till den här sidan</h1>
      <p className="mb-4">Du har ingen roll i det här stadsdelsområdet. Be din administratör om behörighet om du behöver den.</p>
      <p><Link href="/plans">Till åtgärdsplanerna</Link></p>
    </main>
  );
}
