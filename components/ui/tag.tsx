const tones = {
  neutral: "bg-gray-100 text-gray-900 border-gray-700",
  ok: "bg-green-50 text-ok border-ok",
  warn: "bg-amber-50 text-amber-900 border-amber-800",
  info: "bg-blue-50 text-brand-dark border-brand",
} as const;

/** A status shown as text in a bordered tag: colour is never the only carrier of meaning. */
export function Tag({ children, tone = "neutral" }: { children: React.ReactNode; tone?: keyof typeof tones }) {
  return <strong className={`inline-block border px-2 py-0.5 text-sm font-semibold ${tones[tone]}`}>{children}</strong>;
}
