import type { InputHTMLAttributes, TextareaHTMLAttributes } from "react";

type FieldProps = { id: string; label: string; hint?: string; errors?: string[]; optional?: boolean };

function describedBy(id: string, hint?: string, errors?: string[]) {
  return [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function FieldFrame({ id, label, hint, errors, optional, children }: FieldProps & { children: React.ReactNode }) {
  return (
    <div className={`mb-4 ${errors?.length ? "border-l-4 border-danger pl-3" : ""}`}>
      <label htmlFor={id} className="block font-semibold">
        {label}
        {optional ? <span className="font-normal"> (frivilligt)</span> : null}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="font-semibold text-danger">
          {errors.map((e) => (
            <span key={e} className="block">
              <span className="sr-only">Fel: </span>
              {e}
            </span>
          ))}
        </p>
      ) : null}
      {children}
    </div>
  );
}

const inputClass = "mt-1 block w-full border-2 border-gray-700 bg-white px-2 py-1";

export function TextArea({ id, label, hint, errors, optional, ...rest }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors} optional={optional}>
      <textarea
        id={id}
        rows={4}
        aria-describedby={describedBy(id, hint, errors)}
        aria-invalid={errors?.length ? true : undefined}
        className={inputClass}
        {...rest}
      />
    </FieldFrame>
  );
}

export function TextInput({ id, label, hint, errors, optional, ...rest }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors} optional={optional}>
      <input
        id={id}
        aria-describedby={describedBy(id, hint, errors)}
        aria-invalid={errors?.length ? true : undefined}
        className={inputClass}
        {...rest}
      />
    </FieldFrame>
  );
}
