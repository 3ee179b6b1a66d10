"use client";

import { signIn } from "next-auth/react";
import { useRouter, useSearchParams } from "next/navigation";
import { useState, useTransition } from "react";
import { ErrorSummary, type SummaryError } from "@/components/ui/error-summary";
import { TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { RATE_LIMITED_MESSAGE } from "@/lib/domain/session";

type Errors = { email?: string[]; password?: string[]; form?: string };

export function LoginForm() {
  const router = useRouter();
  const params = useSearchParams();
  const [errors, setErrors] = useState<Errors>({});
  const [pending, startTransition] = useTransition();

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const next: Errors = {};
    if (!email) next.email = ["Fyll i din e-postadress."];
    if (!password) next.password = ["Fyll i ditt lösenord."];
    if (next.email || next.password) return setErrors(next);
    startTransition(async () => {
      const res = await signIn("credentials", { email, password, redirect: false });
      if (res?.status === 429 || res?.error === "RateLimited") {
        setErrors({ form: RATE_LIMITED_MESSAGE });
        return;
      }
      if (!res || res.error) {
        setErrors({ form: "E-postadressen eller lösenordet stämmer inte. Kontrollera och försök igen." });
        return;
      }
      const callback = params.get("callbackUrl");
      router.push(callback && callback.startsWith("/") ? callback : "/plans");
      router.refresh();
    });
  }

  const summary: SummaryError[] = [
    ...(errors.email ?? []).map((m) => ({ message: m, href: "#email" })),
    ...(errors.password ?? []).map((m) => ({ message: m, href: "#password" })),
    ...(errors.form ? [{ message: errors.form, href: "#email" }] : []),
  ];

  return (
    // method="post": should scripts fail to load, the browser must never put the password in the address.
    <form method="post" onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={summary} />
      <TextInput id="email" name="email" type="email" label="E-post" autoComplete="username" errors={errors.email} />
      <TextInput id="password" name="password" type="password" label="Lösenord" autoComplete="current-password" errors={errors.password} />
      <Button type="submit" disabled={pending}>
        {pending ? "Loggar in…" : "Logga in"}
      </Button>
    </form>
  );
}
