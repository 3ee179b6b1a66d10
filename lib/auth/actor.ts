import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import type { Actor } from "@/lib/domain/types";
import { getActorById } from "@/lib/db/actors";
import { authOptions } from "@/lib/auth/options";

/**
 * The signed-in actor, or null. Memberships come from the database on every request; within one
 * page render (layout, metadata, page) the answer is computed once (React cache). A server action
 * runs outside the render, so it always asks the database itself.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  const userId = (session?.user as { id?: string } | undefined)?.id;
  if (!userId) return null;
  return getActorById(userId);
});

/** For pages: the signed-in actor, or a redirect to the login page. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  return actor;
}
