"use client";

import { useEffect } from "react";

/** Unexpected errors: a plain Swedish message, never the technical details (they go to the server log). */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-12">
      <h1 className="mb-4 text-3xl font-bold">Något gick fel</h1>
      <p className="mb-4">Ett oväntat fel inträffade och det du gjorde kanske inte sparades. Försök igen om en stund.</p>
      {error.digest ? <p className="mb-4 text-sm">Felkod: {error.digest}</p> : null}
      <button type="button" onClick={reset} className="border-2 border-brand bg-brand px-3 py-1.5 font-semibold text-white">
        Försök igen
      </button>
    </main>
  );
}
