import type { Metadata } from "next";
import Link from "next/link";
import { SIGN_IN_FAILED_TITLE, signInErrorMessage } from "../sign-in-errors";

export const metadata: Metadata = { title: SIGN_IN_FAILED_TITLE };

/** next-auth's error page (pages.error in lib/auth/options.ts): Configuration, AccessDenied, Verification and anything unknown. */
export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { error } = await searchParams;
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-12">
      <h1 className="mb-4 text-3xl font-bold">{SIGN_IN_FAILED_TITLE}</h1>
      <p className="mb-6">{signInErrorMessage(error ?? "Default")}</p>
      <p>
        <Link href="/login">Försök logga in igen</Link>
      </p>
    </main>
  );
}
