/** Today's date in Sweden as YYYY-MM-DD (deadlines are Swedish calendar days). */
export function todayInSweden(now: Date = new Date()): string {
  return now.toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });
}

/** A date as Swedes write it in documents: 2025-12-31. */
export function formatDate(d: Date | string): string {
  return (typeof d === "string" ? new Date(d) : d).toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });
}
