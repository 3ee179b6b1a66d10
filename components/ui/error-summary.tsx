"use client";

import { useEffect, useRef } from "react";

export type SummaryError = { message: string; href?: string };

/**
 * GOV.UK / Digi style error summary: a heading, one link per error to its field; it takes
 * focus when it appears and the page title gets the prefix "Fel:" while it is shown.
 */
export function ErrorSummary({ errors, title = "Det finns ett problem" }: { errors: SummaryError[]; title?: string }) {
  const ref = useRef<HTMLElement>(null);
  const shown = errors.length > 0;
  const signature = errors.map((e) => e.message).join("|");

  useEffect(() => {
    if (!shown) return;
    ref.current?.focus();
    const original = document.title;
    if (!original.startsWith("Fel:")) document.title = `Fel: ${original}`;
    return () => {
      document.title = original;
    };
  }, [shown, signature]);

  if (!shown) return null;
  return (
    <section
      ref={ref}
      tabIndex={-1}
      data-testid="error-summary"
      aria-labelledby="error-summary-title"
      className="mb-4 border-4 border-danger bg-white p-4"
    >
      <h2 id="error-summary-title" className="text-lg font-bold">
        {title}
      </h2>
      <ul className="mt-2 list-none space-y-1">
        {errors.map((e, i) => (
          <li key={i}>
            {e.href ? (
              <a href={e.href} className="font-semibold text-danger">
                {e.message}
              </a>
            ) : (
              <span className="font-semibold text-danger">{e.message}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
