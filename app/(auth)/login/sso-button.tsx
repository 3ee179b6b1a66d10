"use client";

import { signIn } from "next-auth/react";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Single sign-on: next-auth sends the browser to the city's identity provider and back to /api/auth/callback/oidc. */
export function SsoButton({ providerId, label }: { providerId: string; label: string }) {
  const params = useSearchParams();
  const [pending, setPending] = useState(false);

  function onClick() {
    setPending(true);
    const callback = params.get("callbackUrl");
    void signIn(providerId, { callbackUrl: callback && callback.startsWith("/") && !callback.startsWith("//") ? callback : "/plans" });
  }

  return (
    <Button variant="primary" onClick={onClick} disabled={pending} aria-describedby="sso-help">
      {pending ? "Skickar dig till inloggningen…" : label}
    </Button>
  );
}
