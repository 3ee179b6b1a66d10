import type { ComponentProps } from "react";

const variants = {
  primary: "bg-brand text-white hover:bg-brand-dark border-2 border-brand",
  secondary: "bg-white text-brand border-2 border-brand hover:bg-blue-50",
  danger: "bg-danger text-white border-2 border-danger hover:bg-red-900",
  link: "text-brand underline underline-offset-2 hover:text-brand-dark px-1",
} as const;

export function Button({
  variant = "primary",
  className = "",
  ...rest
}: ComponentProps<"button"> & { variant?: keyof typeof variants }) {
  const base = variant === "link" ? "" : "px-3 py-1.5 font-semibold";
  return <button type="button" className={`${base} ${variants[variant]} disabled:opacity-60 ${className}`} {...rest} />;
}
