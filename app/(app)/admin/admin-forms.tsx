"use client";

import { useState } from "react";
import {
  addMembershipAction,
  createDistrictAction,
  createPoliceAreaAction,
  createUserAction,
  removeMembershipAction,
  setServedDistrictsAction,
  toggleUserDisabledAction,
} from "@/lib/actions/admin";
import { ROLE_LABELS } from "@/lib/domain/permissions";
import { ROLE_SCOPE } from "@/lib/domain/memberships";
import { ROLES, type Role } from "@/lib/domain/types";
import { EditorForm, type FieldErrors } from "@/components/plan/editor-form";
import { TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

type Scopes = { districts: { id: string; name: string }[]; policeAreas: { id: string; name: string }[] };
type M = { municipalityId: string };

function RoleAndScope({ idPrefix, scopes, errors }: { idPrefix: string; scopes: Scopes; errors: FieldErrors }) {
  const [role, setRole] = useState<Role>("STRATEGIST");
  const kind = ROLE_SCOPE[role];
  const options = kind === "district" ? scopes.districts : kind === "policeArea" ? scopes.policeAreas : [];
  return (
    <div className="grid gap-x-4 sm:grid-cols-2">
      <div className="mb-4">
        <label htmlFor={`${idPrefix}-role`} className="block font-semibold">Roll</label>
        <select id={`${idPrefix}-role`} name="role" value={role} onChange={(e) => setRole(e.target.value as Role)} className="mt-1 border-2 border-gray-700 px-2 py-1">
          {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
        </select>
      </div>
      {options.length > 0 ? (
        <div className="mb-4">
          <label htmlFor={`${idPrefix}-scopeId`} className="block font-semibold">{kind === "district" ? "Stadsdelsområde" : "Lokalpolisområde"}</label>
          <select id={`${idPrefix}-scopeId`} name="scopeId" className="mt-1 border-2 border-gray-700 px-2 py-1" aria-invalid={errors("scopeId") ? true : undefined}>
            {options.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
          </select>
        </div>
      ) : (
        <p className="mb-4 self-end text-sm">Rollen gäller hela kommunen.</p>
      )}
    </div>
  );
}

function Adder({ button, children }: { button: string; children: (close: () => void) => React.ReactNode }) {
  const [open, setOpen] = useState(false);
  return open ? <div className="my-2 border-2 border-dashed border-gray-500 p-3">{children(() => setOpen(false))}</div> : <Button variant="secondary" className="text-sm" onClick={() => setOpen(true)}>{button}</Button>;
}

export function CreateUserForm({ municipalityId, scopes }: M & { scopes: Scopes }) {
  return (
    <Adder button="Lägg till användare">
      {(close) => (
        <EditorForm action={createUserAction} idPrefix="new-user" hidden={{ municipalityId }} submitLabel="Skapa användare" onDone={close} onCancel={close}>
          {(errors) => (
            <>
              <TextInput id="new-user-name" name="name" label="Namn" errors={errors("name")} />
              <TextInput id="new-user-email" name="email" type="email" label="E-post" errors={errors("email")} />
              <TextInput id="new-user-password" name="password" type="password" autoComplete="new-password" label="Första lösenord" hint="Minst 12 tecken. Lämna det till användaren på ett säkert sätt." errors={errors("password")} />
              <RoleAndScope idPrefix="new-user" scopes={scopes} errors={errors} />
            </>
          )}
        </EditorForm>
      )}
    </Adder>
  );
}

export function AddMembershipForm({ municipalityId, userId, userName, scopes }: M & { userId: string; userName: string; scopes: Scopes }) {
  return (
    <div className="mt-1">
      <Adder button={`Ge ${userName} en roll`}>
        {(close) => (
          <EditorForm action={addMembershipAction} idPrefix={`role-${userId}`} hidden={{ municipalityId, userId }} submitLabel="Lägg till rollen" onDone={close} onCancel={close}>
            {(errors) => <RoleAndScope idPrefix={`role-${userId}`} scopes={scopes} errors={errors} />}
          </EditorForm>
        )}
      </Adder>
    </div>
  );
}

export function RemoveMembershipButton({ municipalityId, membershipId, label }: M & { membershipId: string; label: string }) {
  return <EditorForm action={removeMembershipAction} idPrefix={`rm-${membershipId}`} hidden={{ municipalityId, membershipId }} submitLabel={`Ta bort rollen ${label}`} variant="secondary" />;
}

export function ToggleUserButton({ municipalityId, userId, disabled, userName }: M & { userId: string; disabled: boolean; userName: string }) {
  return <EditorForm action={toggleUserDisabledAction} idPrefix={`toggle-${userId}`} hidden={{ municipalityId, userId }} submitLabel={disabled ? `Aktivera ${userName}` : `Stäng av ${userName}`} variant="secondary" />;
}

export function CreateDistrictForm({ municipalityId }: M) {
  return (
    <Adder button="Lägg till stadsdelsområde">
      {(close) => (
        <EditorForm action={createDistrictAction} idPrefix="new-district" hidden={{ municipalityId }} submitLabel="Skapa stadsdelsområde" onDone={close} onCancel={close}>
          {(errors) => (
            <>
              <TextInput id="new-district-name" name="name" label="Namn" errors={errors("name")} />
              <TextInput id="new-district-slug" name="slug" label="Kortform i adressen" hint="Till exempel farsta. Bara a–z, 0–9 och bindestreck." errors={errors("slug")} />
            </>
          )}
        </EditorForm>
      )}
    </Adder>
  );
}

export function CreatePoliceAreaForm({ municipalityId }: M) {
  return (
    <Adder button="Lägg till lokalpolisområde">
      {(close) => (
        <EditorForm action={createPoliceAreaAction} idPrefix="new-lpo" hidden={{ municipalityId }} submitLabel="Skapa lokalpolisområde" onDone={close} onCancel={close}>
          {(errors) => (
            <>
              <TextInput id="new-lpo-name" name="name" label="Namn" errors={errors("name")} />
              <TextInput id="new-lpo-slug" name="slug" label="Kortform" hint="Till exempel lpo-farsta." errors={errors("slug")} />
            </>
          )}
        </EditorForm>
      )}
    </Adder>
  );
}

export function ServedDistrictsForm({ municipalityId, policeArea, districts, served }: M & { policeArea: { id: string; name: string }; districts: { id: string; name: string }[]; served: string[] }) {
  return (
    <details className="mb-2 border border-gray-400 p-2">
      <summary className="cursor-pointer font-semibold">
        {policeArea.name}: {served.length} stadsdelsområden
      </summary>
      <EditorForm action={setServedDistrictsAction} idPrefix={`serve-${policeArea.id}`} hidden={{ municipalityId, policeAreaId: policeArea.id }} submitLabel={`Spara för ${policeArea.name}`}>
        {() => (
          <fieldset className="mb-3">
            <legend className="font-semibold">Samverkar med</legend>
            <div className="grid sm:grid-cols-3">
              {districts.map((d) => (
                <label key={d.id} className="flex items-center gap-2">
                  <input type="checkbox" name={`districts.${d.id}`} defaultChecked={served.includes(d.id)} className="h-5 w-5" />
                  {d.name}
                </label>
              ))}
            </div>
          </fieldset>
        )}
      </EditorForm>
    </details>
  );
}
