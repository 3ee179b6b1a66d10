-- An uploaded workbook, read and kept until the user confirms (or leaves) the preview:
-- nothing is written to the plan before that.
CREATE TABLE "ImportSession" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "planVersion" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appliedAt" TIMESTAMPTZ(3),
    CONSTRAINT "ImportSession_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ImportSession_planId_createdAt_idx" ON "ImportSession"("planId", "createdAt");
ALTER TABLE "ImportSession" ADD CONSTRAINT "ImportSession_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ImportSession" ADD CONSTRAINT "ImportSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
