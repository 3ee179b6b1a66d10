import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Inget konto i Trygghetsplan" };

/** Where single sign-on sends a person who signed in at the city but has no active user with a role here (lib/auth/oidc-sign-in.ts). */
export default function NoAccessPage() {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-12">
      <h1 className="mb-4 text-3xl font-bold">Du har inget konto i Trygghetsplan ännu</h1>
      <p className="mb-4">
        Du loggade in med ditt konto i staden, men det finns ingen användare med en roll i Trygghetsplan för dig. Du har inte loggats in
        här.
      </p>
      <p className="mb-4">
        Be din administratör att lägga upp dig med din e-postadress i staden och den roll du ska ha, till exempel trygghetsstrateg för din
        stadsdel. Har du haft ett konto kan det ha stängts av; då kan administratören öppna det igen.
      </p>
      <p className="mb-6">När det är gjort loggar du in igen som vanligt.</p>
      <p>
        <Link href="/login">Tillbaka till inloggningen</Link>
      </p>
    </main>
  );
}
