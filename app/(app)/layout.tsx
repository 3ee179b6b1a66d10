import Link from "next/link";
import { rolesLabel } from "@/lib/domain/permissions";
import { requireActor } from "@/lib/auth/actor";
import { SignOutButton } from "./sign-out-button";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const roles = rolesLabel(actor.memberships.map((m) => m.role));
  return (
    <>
      <header className="border-b-4 border-brand bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
          <Link href="/plans" className="text-xl font-bold text-ink no-underline">
            Trygghetsplan
          </Link>
          <nav aria-label="Huvudmeny">
            <ul className="flex gap-4">
              <li>
                <Link href="/plans">Åtgärdsplaner</Link>
              </li>
              <li>
                <Link href="/search">Sök</Link>
              </li>
              {actor.memberships.some((m) => m.role === "REVIEW_GROUP" || m.role === "ADMIN") ? (
                <li>
                  <Link href={`/review/${new Date().getFullYear() - 1}`}>Granskning</Link>
                </li>
              ) : null}
              {actor.memberships.some((m) => m.role === "ADMIN") ? (
                <li>
                  <Link href="/admin">Administration</Link>
                </li>
              ) : null}
              {actor.memberships.some((m) => m.role === "POLICE") ? (
                <li>
                  <Link href="/worklist">Att signera</Link>
                </li>
              ) : null}
              {actor.memberships.some((m) => m.role === "POLICE" || m.role === "STRATEGIST") ? (
                <li>
                  <Link href="/my-measures">Mina åtgärder</Link>
                </li>
              ) : null}
            </ul>
          </nav>
          <div className="flex items-center gap-3 text-sm">
            <span>
              {actor.name}
              {roles ? <span className="text-muted"> · {roles}</span> : null}
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
