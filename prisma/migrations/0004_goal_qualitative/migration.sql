-- A goal marked qualitative on purpose: the SMART check does not ask it for a number or a time.
ALTER TABLE "Goal" ADD COLUMN "qualitative" BOOLEAN NOT NULL DEFAULT false;
