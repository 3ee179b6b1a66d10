/**
 * Word lists for scripts/generate.ts: Sweden's 290 municipalities, place-name parts for their
 * districts, and the vocabulary of crime-prevention plans (actors, activities, places, goals),
 * written after the real plans in tests/fixtures/seeds (their sentences are reused too).
 */

/** Stockholm's 13 city districts (stadsdelsområden), as in the demo data. */
export const STOCKHOLM_DISTRICTS = [
  "Rinkeby-Kista", "Spånga-Tensta", "Hässelby-Vällingby", "Bromma", "Kungsholmen", "Norrmalm", "Östermalm",
  "Södermalm", "Enskede-Årsta-Vantör", "Skarpnäck", "Farsta", "Hägersten-Älvsjö", "Skärholmen",
];

/** The other 289 municipalities (Stockholm is always the first one generated). */
export const MUNICIPALITIES = [
  // Stockholms län
  "Botkyrka", "Danderyd", "Ekerö", "Haninge", "Huddinge", "Järfälla", "Lidingö", "Nacka", "Norrtälje", "Nykvarn",
  "Nynäshamn", "Salem", "Sigtuna", "Sollentuna", "Solna", "Sundbyberg", "Södertälje", "Tyresö", "Täby", "Upplands Väsby",
  "Upplands-Bro", "Vallentuna", "Vaxholm", "Värmdö", "Österåker",
  // Uppsala län
  "Enköping", "Heby", "Håbo", "Knivsta", "Tierp", "Uppsala", "Älvkarleby", "Östhammar",
  // Södermanlands län
  "Eskilstuna", "Flen", "Gnesta", "Katrineholm", "Nyköping", "Oxelösund", "Strängnäs", "Trosa", "Vingåker",
  // Östergötlands län
  "Boxholm", "Finspång", "Kinda", "Linköping", "Mjölby", "Motala", "Norrköping", "Söderköping", "Vadstena", "Valdemarsvik",
  "Ydre", "Åtvidaberg", "Ödeshög",
  // Jönköpings län
  "Aneby", "Eksjö", "Gislaved", "Gnosjö", "Habo", "Jönköping", "Mullsjö", "Nässjö", "Sävsjö", "Tranås", "Vaggeryd",
  "Vetlanda", "Värnamo",
  // Kronobergs län
  "Alvesta", "Lessebo", "Ljungby", "Markaryd", "Tingsryd", "Uppvidinge", "Växjö", "Älmhult",
  // Kalmar län
  "Borgholm", "Emmaboda", "Hultsfred", "Högsby", "Kalmar", "Mönsterås", "Mörbylånga", "Nybro", "Oskarshamn", "Torsås",
  "Vimmerby", "Västervik",
  // Gotlands län
  "Gotland",
  // Blekinge län
  "Karlshamn", "Karlskrona", "Olofström", "Ronneby", "Sölvesborg",
  // Skåne län
  "Bjuv", "Bromölla", "Burlöv", "Båstad", "Eslöv", "Helsingborg", "Hässleholm", "Höganäs", "Hörby", "Höör", "Klippan",
  "Kristianstad", "Kävlinge", "Landskrona", "Lomma", "Lund", "Malmö", "Osby", "Perstorp", "Simrishamn", "Sjöbo", "Skurup",
  "Staffanstorp", "Svalöv", "Svedala", "Tomelilla", "Trelleborg", "Vellinge", "Ystad", "Åstorp", "Ängelholm", "Örkelljunga",
  "Östra Göinge",
  // Hallands län
  "Falkenberg", "Halmstad", "Hylte", "Kungsbacka", "Laholm", "Varberg",
  // Västra Götalands län
  "Ale", "Alingsås", "Bengtsfors", "Bollebygd", "Borås", "Dals-Ed", "Essunga", "Falköping", "Färgelanda", "Grästorp",
  "Gullspång", "Göteborg", "Götene", "Herrljunga", "Hjo", "Härryda", "Karlsborg", "Kungälv", "Lerum", "Lidköping",
  "Lilla Edet", "Lysekil", "Mariestad", "Mark", "Mellerud", "Munkedal", "Mölndal", "Orust", "Partille", "Skara", "Skövde",
  "Sotenäs", "Stenungsund", "Strömstad", "Svenljunga", "Tanum", "Tibro", "Tidaholm", "Tjörn", "Tranemo", "Trollhättan",
  "Töreboda", "Uddevalla", "Ulricehamn", "Vara", "Vårgårda", "Vänersborg", "Åmål", "Öckerö",
  // Värmlands län
  "Arvika", "Eda", "Filipstad", "Forshaga", "Grums", "Hagfors", "Hammarö", "Karlstad", "Kil", "Kristinehamn", "Munkfors",
  "Storfors", "Sunne", "Säffle", "Torsby", "Årjäng",
  // Örebro län
  "Askersund", "Degerfors", "Hallsberg", "Hällefors", "Karlskoga", "Kumla", "Laxå", "Lekeberg", "Lindesberg", "Ljusnarsberg",
  "Nora", "Örebro",
  // Västmanlands län
  "Arboga", "Fagersta", "Hallstahammar", "Kungsör", "Köping", "Norberg", "Sala", "Skinnskatteberg", "Surahammar", "Västerås",
  // Dalarnas län
  "Avesta", "Borlänge", "Falun", "Gagnef", "Hedemora", "Leksand", "Ludvika", "Malung-Sälen", "Mora", "Orsa", "Rättvik",
  "Smedjebacken", "Säter", "Vansbro", "Älvdalen",
  // Gävleborgs län
  "Bollnäs", "Gävle", "Hofors", "Hudiksvall", "Ljusdal", "Nordanstig", "Ockelbo", "Ovanåker", "Sandviken", "Söderhamn",
  // Västernorrlands län
  "Härnösand", "Kramfors", "Sollefteå", "Sundsvall", "Timrå", "Ånge", "Örnsköldsvik",
  // Jämtlands län
  "Berg", "Bräcke", "Härjedalen", "Krokom", "Ragunda", "Strömsund", "Åre", "Östersund",
  // Västerbottens län
  "Bjurholm", "Dorotea", "Lycksele", "Malå", "Nordmaling", "Norsjö", "Robertsfors", "Skellefteå", "Sorsele", "Storuman",
  "Umeå", "Vilhelmina", "Vindeln", "Vännäs", "Åsele",
  // Norrbottens län
  "Arjeplog", "Arvidsjaur", "Boden", "Gällivare", "Haparanda", "Jokkmokk", "Kalix", "Kiruna", "Luleå", "Pajala", "Piteå",
  "Älvsbyn", "Överkalix", "Övertorneå",
];

/** Parts of Swedish place names, for districts of the other municipalities ("Björkhagen", "Solberga"). */
export const PLACE_FIRST = [
  "Björk", "Ek", "Sol", "Berg", "Sjö", "Ängs", "Tall", "Gran", "Lind", "Ros", "Hag", "Kvarn", "Kyrk", "Norr", "Söder",
  "Väster", "Öster", "Hög", "Lunda", "Mal", "Stor", "Lill", "Bro", "Strand", "Åker", "Skogs", "Hammar", "Ny", "Gam", "Vik",
];
export const PLACE_LAST = [
  "hagen", "berga", "dal", "vik", "holm", "lund", "backen", "torp", "by", "ängen", "sätra", "hov", "gården", "näs",
  "bo", "stad", "åsen", "haga", "backa", "slätt",
];
export const DISTRICT_SUFFIX = ["centrum", "norra", "södra", "östra", "västra"];

/** Local places where the measures happen, with their preposition. */
export const PLACES = [
  "i {place} centrum", "på {place} torg", "vid tunnelbanestationen i {place}", "vid pendeltågsstationen", "på busstorget i {place}",
  "på {place} bibliotek", "på fritidsgården i {place}", "på skolgården vid {place}skolan", "i parken vid {place}", "på idrottsplatsen",
  "i köpcentrumet", "i gång- och cykeltunneln vid {place}", "vid återvinningsstationen", "i trapphus och källare i flerbostadshusen",
  "på lekplatsen i {place}", "i närområdet kring {place} centrum",
];

/** Who does things (subjects). */
export const ACTORS = [
  "Stadsdelsförvaltningen", "Fältassistenterna", "Socialtjänsten", "Polisen", "Kommunpolisen", "Trygghetsstrategen",
  "Fritidsgårdens personal", "Skolan och socialtjänsten", "Polisen och socialtjänsten", "Fastighetsägarna",
  "Mottagningsgruppen", "Brottsförebyggande enheten", "Samverkanspolisen", "Ungdomssamordnaren", "Kommunens säkerhetssamordnare",
  "Polisens volontärer", "Trafikkontoret", "Bostadsbolaget", "Räddningstjänsten", "Föreningslivet",
];

/** What they do (verb + plural object). */
export const ACTIVITIES = [
  "genomför trygghetsvandringar", "genomför nattvandringar", "genomför föräldravandringar", "håller allvarsamtal",
  "genomför platsaktiveringar", "samordnar SSPF-möten", "håller lägesbildsmöten", "genomför trygghetsmätningar",
  "erbjuder föräldrautbildning", "håller informationsträffar", "ordnar sommarlovsaktiviteter", "håller fritidsgården kvällsöppen",
  "sanerar klotter inom 24 timmar", "inventerar belysningen", "ordnar städdagar", "genomför kartläggning av tjuvdumpning",
  "utbildar personal i våldsprevention (MVP)", "erbjuder stöd till brottsutsatta", "genomför uppsökande arbete",
  "samverkar kring individärenden", "håller samverkansmöten med näringsidkare", "genomför kontroller av tillståndspliktig verksamhet",
  "sprider information om orosanmälan", "följer upp lägesbilden", "genomför riktade insatser mot narkotikahandel",
];

export const FREQUENCIES = [
  "varannan vecka", "en gång i månaden", "varje vecka", "under skolloven", "under sommarlovet", "två gånger per termin",
  "vid behov", "löpande under året", "inför och under högtider", "varje fredag och lördag kväll",
];

export const PURPOSES = [
  "i syfte att öka tryggheten", "för att förebygga att barn och unga dras in i kriminalitet",
  "för att minska nedskräpning och skadegörelse", "för att skapa en gemensam lägesbild", "för att stärka skyddsfaktorer hos unga",
  "för att nå fler vårdnadshavare", "för att minska den öppna narkotikahandeln", "för att fler ska våga anmäla brott",
  "för att förhindra rekrytering till kriminella nätverk", "för att öka antalet kapabla väktare i det offentliga rummet",
];

/** Problems, as the plans name them; the seed files add their own. */
export const PROBLEMS = [
  "Öppen narkotikahandel", "Nedskräpning och skadegörelse", "Ordningsstörningar", "Otrygghet i centrummiljön",
  "Nyrekrytering av barn och unga till kriminalitet", "Unga som vistas ute sent utan vuxna", "Våld i nära relationer",
  "Bedrägerier mot äldre", "Klotter och skadegörelse", "Häng i trapphus och källare", "Buskörning med moped",
  "Otrygghet vid kollektivtrafiken", "Välfärdsbrottslighet", "Hedersrelaterat våld och förtryck", "Tjuvdumpning",
  "Lustgas bland unga", "Stölder och inbrott", "Ungdomsrån", "Otrygga platser på kvällstid", "Våldsbejakande extremism",
];

export const CAUSES = [
  "Bristande belysning och skymd sikt gör att platsen upplevs otrygg.",
  "Få vuxna finns i det offentliga rummet på kvällar och helger.",
  "Individen har få skyddsfaktorer och/eller många riskfaktorer.",
  "Unga insocialiseras av kriminella till olika kriminella upplägg.",
  "Rådigheten över platsen är oklar mellan fastighetsägare och kommunen.",
  "Vårdnadshavare saknar kunskap om hur unga rekryteras via sociala medier.",
  "Narkotikahandeln har flyttat från det offentliga rummet till trapphus och digitala plattformar.",
  "Samverkan mellan skola, socialtjänst och polis är inte strukturerad.",
  "Brottsutsatta äldre anmäler sällan och känner inte till var de får stöd.",
  "Otillräcklig renhållning och sen sanering av klotter signalerar att ingen bryr sig.",
  "Kriminella aktörer använder kommunens tillstånd och bidrag i sin verksamhet.",
  "Brist på meningsfulla fritidsaktiviteter för unga på kvällstid.",
];

export const PARTIES: [organisation: string, role: string | null][] = [
  ["Stadsdelsförvaltningen", "Avdelningschef IoF"], ["Stadsdelsförvaltningen", "Trygghetsstrateg"], ["Stadsdelsförvaltningen", "Fältassistenter"],
  ["Stadsdelsförvaltningen", "Enhetschef Fritidsgårdar och parklek"], ["Socialförvaltningen", "Enhetschef"], ["Utbildningsförvaltningen", "Rektor"],
  ["Kultur- och fritidsförvaltningen", null], ["Trafikkontoret", null], ["Skafast", null], ["Bostadsbolaget", "Områdeschef"],
  ["Räddningstjänsten", null], ["Region (BUP)", null], ["Föreningslivet", null], ["Näringsidkare i centrum", null],
];
export const POLICE_PARTIES: [organisation: string, role: string | null][] = [
  ["Lokalpolisområdet", "Kommunpolis"], ["Polisen", null], ["Lokalpolisområdet", "Ungdomssamordnare"], ["Polisen", "Områdespolis"],
  ["Lokalpolisområdet", "Samverkanspolis"],
];

/** Own priority areas a district and its LPO may add. */
export const OWN_AREAS = [
  "Trygg centrummiljö", "Våld i nära relationer", "Trafiksäkerhet och buskörning", "Bedrägerier mot äldre",
  "Ungas fritid", "Trygghet i skolan", "Brott i nära relationer och hedersrelaterat våld",
];

export const COLLECTIVE_NAMES = [
  "SSPF", "Islandsmodellen", "Trygga trappan", "Allvarsamtal", "MVP", "Sommartorg", "Platssamverkan", "BOB-råd",
  "Nattvandring", "Föräldraskapsstöd", "Fältgruppen", "Trygghetsdagarna", "Grannsamverkan", "Lokal lägesbild",
];

/** Goals: "{n}" is the target value, "{unit}" its unit, "{year}" the plan's year. */
export const NUMERIC_GOALS: [text: string, unit: string, min: number, max: number][] = [
  ["Minst {n} trygghetsvandringar genomförs under {year}.", "gånger", 2, 24],
  ["{n} procent av ungdomarna som erbjuds insatsen tackar ja till kontakten.", "%", 50, 95],
  ["Minst {n} platsaktiveringar per avdelning under året.", "aktiveringar", 3, 12],
  ["Socialsekreterare finns hos polisen minst {n} dagar per vecka.", "dagar/vecka", 1, 3],
  ["{n} träffar per år med föräldranätverket.", "träffar/år", 4, 40],
  ["Klotter saneras inom {n} timmar i minst 90 procent av fallen.", "timmar", 24, 72],
  ["Minst {n} vårdnadshavare deltar i föräldrautbildningen.", "deltagare", 10, 120],
  ["{n} utbildningstillfällen för personal i våldsprevention.", "tillfällen", 2, 10],
  ["Minst {n} procent av de tillfrågade upplever området som tryggt i trygghetsmätningen.", "%", 60, 90],
  ["Nattvandring {n} gånger under höstlovet.", "gånger", 2, 8],
];
export const QUALITATIVE_GOALS = [
  "Stärka samverkan kring barn och unga i riskzon för kriminalitet och erbjuda stöd i tidigt skede.",
  "En gemensam lägesbild tas fram och delas mellan parterna inför varje tertial.",
  "Fler fastighetsbolag ansluter sig till Trygga trappan.",
  "Rutinen för orosanmälan är känd av all personal på fritidsgårdarna.",
  "Förbättrad lägesbild för att kunna rikta insatser och öka kunskapen om när, var och hur.",
  "Strukturen presenteras och beslutas i den lokala styrgruppen innan årsskiftet.",
];

export const FOLLOW_UPS = [
  "Samtliga operativa mål är genomförda och implementerade.",
  "Det operativa målet är genomfört.",
  "Målet är delvis uppnått: insatsen startade senare än planerat.",
  "Förslag att målet flyttas med till nästa års åtgärdsplan.",
  "Insatsen har genomförts löpande under året i samverkan mellan parterna.",
  "Arbetet har inte kunnat genomföras fullt ut på grund av vakanser.",
  "Trygghetsvandringar har genomförts enligt plan och resultaten har delats med fastighetsägarna.",
  "Antalet deltagare redovisas inte eftersom det kan vara utpekande för deltagarna.",
];

export const EVIDENCE_EFFECTS = [
  "Brå:s erfarenhetsbank visar att platsaktivering i kombination med bättre belysning minskar otryggheten.",
  "Crime reduction toolkit: måttlig evidens för minskad brottslighet.",
  "Effekten är inte utvärderad; insatsen följs upp med trygghetsmätningen.",
];

/** Place names in the seed plans, replaced by the generated district's own places. */
export const SEED_PLACE_NAMES = [
  "Farsta strand", "Farsta centrum", "Farsta", "Skärholmen", "Sätra", "Bredäng", "Vårberg", "Hagsätra", "Fagersjö",
  "Sköndal", "Hökarängen", "Gubbängen", "Tallkrogen", "Larsboda", "Farstanäset", "Svedmyra", "Stureby", "Vantör",
  "Äspholmsterrassen", "Torvsätravägen", "Strömsätravägen",
];
