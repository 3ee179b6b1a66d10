import { z } from "zod";
import { ROLES } from "@/lib/domain/types";

const uuid = (what: string) =>
  z
    .string({ error: `${what} saknas.` })
    .uuid(`${what} är okänd.`)
    .transform((v) => v.toLowerCase());
const name = (label: string) => z.string({ error: `Fyll i ${label}.` }).trim().min(1, `Fyll i ${label}.`).max(200, `${label[0]!.toUpperCase()}${label.slice(1)} får vara högst 200 tecken.`);
const slug = z
  .string({ error: "Fyll i en kortform för adressen." })
  .trim()
  .toLowerCase()
  .min(2, "Kortformen ska ha minst 2 tecken.")
  .max(60, "Kortformen får vara högst 60 tecken.")
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Kortformen får bara innehålla a–z, 0–9 och bindestreck, till exempel farsta eller lpo-farsta.");

export const ZMunicipalityRef = z.object({ municipalityId: uuid("Kommunen") });
export const ZCreateDistrictInput = ZMunicipalityRef.extend({ name: name("stadsdelsområdets namn"), slug });
export const ZCreatePoliceAreaInput = ZMunicipalityRef.extend({ name: name("lokalpolisområdets namn"), slug });
export const ZSetServedDistrictsInput = ZMunicipalityRef.extend({
  policeAreaId: uuid("Lokalpolisområdet"),
  districts: z.record(z.string().uuid(), z.literal("on")).optional().transform((r) => Object.keys(r ?? {})),
});
const role = z.enum(ROLES, { error: "Välj en roll." });
/** scopeId: a district (strategist, steering group), a police area (police), or empty for the whole municipality. */
const scopeId = z.string().trim().optional().transform((v) => (v ? v : null));
export const ZCreateUserInput = ZMunicipalityRef.extend({
  name: name("namnet"),
  email: z.string({ error: "Fyll i e-postadressen." }).trim().toLowerCase().email("Ange en giltig e-postadress, till exempel namn@stad.se.").max(320),
  password: z.string({ error: "Fyll i ett lösenord." }).min(12, "Lösenordet ska ha minst 12 tecken.").max(200, "Lösenordet får vara högst 200 tecken."),
  role,
  scopeId,
});
export const ZAddMembershipInput = ZMunicipalityRef.extend({ userId: uuid("Användaren"), role, scopeId });
export const ZMembershipRef = ZMunicipalityRef.extend({ membershipId: uuid("Rollen") });
export const ZUserRef = ZMunicipalityRef.extend({ userId: uuid("Användaren") });
