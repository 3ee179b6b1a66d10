import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { getActor } from "@/lib/auth/actor";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Logga in" };

export default async function LoginPage() {
  if (await getActor()) redirect("/plans");
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12">
      <h1 className="mb-2 text-3xl font-bold">Logga in</h1>
      <p className="mb-6">Trygghetsplan – stadsdelsområdenas och polisens åtgärdsplaner för brottsförebyggande arbete.</p>
      <Suspense>
        <LoginForm />
      </Suspense>
    </main>
  );
}
