-- Issue 7: sign-in that a city can run.

-- Single sign-on: the IdP's subject, remembered at the first OIDC sign-in (matched by e-mail until then).
ALTER TABLE "User" ADD COLUMN "oidcSubject" TEXT;
CREATE UNIQUE INDEX "User_oidcSubject_key" ON "User" ("oidcSubject");

-- A signed-in session the server can revoke (sign-out, disabled user) and time out (idle and
-- absolute). The session cookie (a JWT) carries only this row's id; lib/auth/sessions.ts.
CREATE TABLE "UserSession" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "method" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),
    "revokedReason" TEXT,
    CONSTRAINT "UserSession_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "UserSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "UserSession_userId_idx" ON "UserSession" ("userId");

-- Failed sign-ins counted per account and per address, shared by every app instance
-- (rate-limiter-flexible's Prisma store; lib/auth/rate-limit.ts).
CREATE TABLE "LoginAttempt" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" TIMESTAMPTZ(3),
    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("key")
);
