// What the login page and the error page say when next-auth reports a failed sign-in (`?error=`,
// one of its codes). Only known codes choose a text; the parameter itself is never shown.
// next-auth 4 sends OAuth and callback errors to the login page (pages.signIn) and the rest
// (Configuration, AccessDenied, Verification) to pages.error, /login/error.
import { RATE_LIMITED_MESSAGE } from "@/lib/domain/session";

const FAILED_CALLBACK =
  "Svaret från stadens inloggning kunde inte godkännas, till exempel för att inloggningen tog för lång tid, startades i en annan flik eller inte kom från rätt inloggningstjänst. Du har inte loggats in. Försök igen.";

const MESSAGES: Record<string, string> = {
  OAuthSignin: "Det gick inte att nå stadens inloggning. Försök igen om en stund. Om det inte hjälper, kontakta din administratör.",
  OAuthCallback: FAILED_CALLBACK,
  Callback: FAILED_CALLBACK,
  OAuthCreateAccount: FAILED_CALLBACK,
  OAuthAccountNotLinked: FAILED_CALLBACK,
  Signin: "Inloggningen kunde inte starta. Försök igen.",
  SessionRequired: "Logga in för att fortsätta.",
  AccessDenied: "Du har inte behörighet att logga in i Trygghetsplan. Be din administratör om hjälp.",
  Configuration: "Inloggningen är felaktigt inställd på servern. Kontakta din administratör.",
  RateLimited: RATE_LIMITED_MESSAGE,
};

export const SIGN_IN_FAILED_TITLE = "Inloggningen misslyckades";
const DEFAULT_MESSAGE = "Något gick fel vid inloggningen. Du har inte loggats in. Försök igen.";

/** The Swedish text for next-auth's `error` parameter; null when there is none. */
export function signInErrorMessage(error: string | string[] | undefined): string | null {
  if (error === undefined || error === "") return null;
  return (typeof error === "string" && Object.hasOwn(MESSAGES, error) ? MESSAGES[error] : undefined) ?? DEFAULT_MESSAGE;
}
