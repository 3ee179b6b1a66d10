import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { getActor } from "@/lib/auth/actor";
import { OIDC_PROVIDER_ID } from "@/lib/auth/oidc";
import { signInMethods } from "@/lib/auth/sign-in-methods";
import { LoginForm } from "./login-form";
import { SIGN_IN_FAILED_TITLE, signInErrorMessage } from "./sign-in-errors";
import { SsoButton } from "./sso-button";

export const metadata: Metadata = { title: "Logga in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await getActor()) redirect("/plans");
  // Single sign-on when OIDC_* is configured; the password form only for the demo data (AUTH_DEMO_LOGIN=on).
  const methods = signInMethods();
  // A failed single sign-on comes back here with next-auth's ?error= (a forged state, a refused ID token…).
  const error = signInErrorMessage((await searchParams).error);
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12">
      <h1 className="mb-2 text-3xl font-bold">Logga in</h1>
      <p className="mb-6">Trygghetsplan – stadsdelsområdenas och polisens åtgärdsplaner för brottsförebyggande arbete.</p>
      {error ? (
        <div data-testid="sign-in-error" className="mb-6 border-4 border-danger bg-white p-4">
          <h2 className="text-lg font-bold">{SIGN_IN_FAILED_TITLE}</h2>
          <p className="mt-2">{error}</p>
        </div>
      ) : null}
      {methods.sso ? (
        <section className="mb-8">
          <h2 className="mb-2 text-xl font-bold">Med ditt konto i staden</h2>
          <p id="sso-help" className="mb-3">
            Du skickas till stadens inloggning och kommer sedan tillbaka hit.
          </p>
          <Suspense>
            <SsoButton providerId={OIDC_PROVIDER_ID} label={methods.sso.name} />
          </Suspense>
        </section>
      ) : null}
      {methods.demo && methods.sso ? (
        <section>
          <h2 className="mb-2 text-xl font-bold">Demokonton (endast demodata)</h2>
          <Suspense>
            <LoginForm />
          </Suspense>
        </section>
      ) : methods.demo ? (
        <Suspense>
          <LoginForm />
        </Suspense>
      ) : null}
      {!methods.sso && !methods.demo ? (
        <p className="border-l-4 border-brand bg-white p-4">Inloggning är inte inställd ännu. Kontakta din administratör.</p>
      ) : null}
    </main>
  );
}
