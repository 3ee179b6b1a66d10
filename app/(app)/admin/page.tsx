import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { ROLE_LABELS } from "@/lib/domain/permissions";
import { requireActor } from "@/lib/auth/actor";
import { getMunicipalityForAdmin } from "@/lib/db/admin";
import { Tag } from "@/components/ui/tag";
import { AddMembershipForm, CreateDistrictForm, CreatePoliceAreaForm, CreateUserForm, RemoveMembershipButton, ServedDistrictsForm, ToggleUserButton } from "./admin-forms";

export const metadata: Metadata = { title: "Administration" };

/** ADMIN of a municipality: its districts, police areas (and which districts each serves), users and their roles. */
export default async function AdminPage() {
  const actor = await requireActor();
  const adminOf = actor.memberships.find((m) => m.role === "ADMIN");
  if (!adminOf) forbidden();
  const data = await getMunicipalityForAdmin(adminOf.municipalityId);
  if (!data) notFound();
  const { municipality, districts, policeAreas, users } = data;
  const m = { municipalityId: municipality.id };
  const scopes = { districts: districts.map((d) => ({ id: d.id, name: d.name })), policeAreas: policeAreas.map((p) => ({ id: p.id, name: p.name })) };

  return (
    <>
      <h1 className="mb-6 text-3xl font-bold">Administration – {municipality.name}</h1>

      <section aria-labelledby="users-heading" className="mb-10">
        <h2 id="users-heading" className="mb-2 text-2xl font-bold">Användare och roller</h2>
        <table className="mb-4 w-full border-collapse text-left text-sm">
          <caption className="sr-only">Användare med roller i {municipality.name}</caption>
          <thead>
            <tr className="border-b-2 border-gray-700">
              <th scope="col" className="py-2 pr-2">Namn</th>
              <th scope="col" className="py-2 pr-2">Roller</th>
              <th scope="col" className="py-2">Konto</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className="border-b border-gray-300 align-top">
                <th scope="row" className="py-2 pr-2 font-normal">
                  <span className="font-semibold">{u.name}</span>
                  <span className="block text-muted">{u.email}</span>
                </th>
                <td className="py-2 pr-2">
                  <ul className="space-y-1">
                    {u.memberships.map((ms) => (
                      <li key={ms.id} className="flex flex-wrap items-center gap-2">
                        {ROLE_LABELS[ms.role]}
                        {ms.district ? `, ${ms.district.name}` : ms.policeArea ? `, ${ms.policeArea.name}` : ""}
                        <RemoveMembershipButton {...m} membershipId={ms.id} label={`${ROLE_LABELS[ms.role]} för ${u.name}`} />
                      </li>
                    ))}
                  </ul>
                  <AddMembershipForm {...m} userId={u.id} userName={u.name} scopes={scopes} />
                </td>
                <td className="py-2">
                  {u.disabledAt ? <Tag tone="warn">Avstängt</Tag> : <Tag tone="ok">Aktivt</Tag>}
                  {u.id !== actor.userId ? <ToggleUserButton {...m} userId={u.id} disabled={Boolean(u.disabledAt)} userName={u.name} /> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <CreateUserForm {...m} scopes={scopes} />
      </section>

      <section aria-labelledby="districts-heading" className="mb-10">
        <h2 id="districts-heading" className="mb-2 text-2xl font-bold">Stadsdelsområden</h2>
        <ul className="mb-4 columns-2 text-sm sm:columns-3">
          {districts.map((d) => <li key={d.id}>{d.name} <span className="text-muted">({d.slug})</span></li>)}
        </ul>
        <CreateDistrictForm {...m} />
      </section>

      <section aria-labelledby="lpo-heading" className="mb-10">
        <h2 id="lpo-heading" className="mb-2 text-2xl font-bold">Lokalpolisområden</h2>
        <p className="mb-4 text-sm">Ett lokalpolisområde kan samverka med flera stadsdelsområden. Dess poliser signerar åtgärderna i de stadsdelsområdenas planer.</p>
        {policeAreas.map((p) => (
          <ServedDistrictsForm key={p.id} {...m} policeArea={{ id: p.id, name: p.name }} districts={scopes.districts} served={p.districts.map((d) => d.districtId)} />
        ))}
        <CreatePoliceAreaForm {...m} />
      </section>
    </>
  );
}
