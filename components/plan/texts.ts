// The editor's words: the template's own help texts (the city's Excel template), in one place.
export const HELP = {
  collectiveName: "Kort samlande namn för en grupp rader, till exempel ”SSPF” eller ”Hässelby torg (ÖDS)”.",
  problem: "Ange identifierat problemområde eller utmaning.",
  cause: "Beskriv orsaken till problemet. Finns det flera orsaker, lägg till dem som separata orsaker med egna åtgärder.",
  measure: "Koppla åtgärd mot respektive orsak. Beskriv tydligt vad som ska göras och hur det ska utföras.",
  goal: "Koppla operativa mål till varje åtgärd. Arbeta med SMART:a mål: specifika, mätbara, accepterade, realistiska och tidsatta.",
  targetValue: "Om målet är ett antal eller en andel, till exempel 12 (gånger) eller 80 (%).",
  deadline: "Ange tid för när åtgärden ska vara genomförd, eller linjearbete om den är en del av det ordinarie arbetet.",
  responsible: "Ange vem som ansvarar för åtgärden: organisation och roll. Ange alla parter om de är flera.",
  kind: "En punktinsats är en avgränsad insats. Ordinarie arbete (linjearbete) pågår löpande.",
  withPolice: "Åtgärden genomförs i samverkan med polisen (lokalpolisområdet).",
  confidential:
    "För åtgärder som inte får vara offentliga, till exempel mot systemhotande brottslighet. Åtgärden syns bara för stadsdelsområdet, dess styrgrupp och polisen här, och tas aldrig med i Excel-filer, beslutsbilagan eller beredningens jämförelser.",
  evidence:
    "Vad vet vi om att åtgärden fungerar? Efter EMMIE-modellen i College of Policings Crime reduction toolkit: effekt, mekanism, sammanhang, genomförande och kostnad.",
  personalData: "Planen är en allmän handling: skriv inte namn eller annat som pekar ut enskilda personer.",
} as const;

export const KIND_LABELS = { ONE_OFF: "Punktinsats", ONGOING_WORK: "Ordinarie arbete (linjearbete)" } as const;
export const TAG_LABELS = {
  youthStrategy: "Strategin mot att barn och unga dras in i kriminalitet",
  violentExtremism: "Arbetet mot våldsbejakande extremism (VBE)",
} as const;
