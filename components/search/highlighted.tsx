import type { Segment } from "@/lib/domain/search";

/** A search hit's text with the matched words in <mark>: plain text nodes only, never HTML from the database. */
export function Highlighted({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.match ? (
          <mark key={i} className="bg-yellow-200 font-semibold text-ink">
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}
