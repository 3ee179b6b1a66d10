-- Issue 6: the measure library.
-- Sekretess: a measure that must not be public (e.g. against system-threatening crime) is
-- shown only inside its district and never exported (lib/domain/confidential.ts).
ALTER TABLE "Measure" ADD COLUMN "confidential" BOOLEAN NOT NULL DEFAULT false;

-- Evidence after EMMIE (College of Policing, Crime reduction toolkit); all optional.
ALTER TABLE "Measure" ADD COLUMN "evidenceEffect" TEXT;
ALTER TABLE "Measure" ADD COLUMN "evidenceMechanism" TEXT;
ALTER TABLE "Measure" ADD COLUMN "evidenceContext" TEXT;
ALTER TABLE "Measure" ADD COLUMN "evidenceImplementation" TEXT;
ALTER TABLE "Measure" ADD COLUMN "evidenceEconomy" TEXT;
ALTER TABLE "Measure" ADD COLUMN "evidenceLinks" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];

-- Full-text search with the Swedish configuration (stemming: "trygghetsvandringar" finds
-- "trygghetsvandring"). Stored generated columns, so ranking reads the vector instead of
-- re-parsing every matching text; GIN indexes for the match. lib/db/search.ts queries them.
ALTER TABLE "Problem" ADD COLUMN "searchVector" tsvector
  GENERATED ALWAYS AS (to_tsvector('swedish', coalesce("collectiveName", '') || ' ' || "description")) STORED;
ALTER TABLE "Cause" ADD COLUMN "searchVector" tsvector
  GENERATED ALWAYS AS (to_tsvector('swedish', "description")) STORED;
ALTER TABLE "Measure" ADD COLUMN "searchVector" tsvector
  GENERATED ALWAYS AS (to_tsvector('swedish', "description")) STORED;
ALTER TABLE "Goal" ADD COLUMN "searchVector" tsvector
  GENERATED ALWAYS AS (to_tsvector('swedish', "description")) STORED;

CREATE INDEX "Problem_searchVector_idx" ON "Problem" USING GIN ("searchVector");
CREATE INDEX "Cause_searchVector_idx" ON "Cause" USING GIN ("searchVector");
CREATE INDEX "Measure_searchVector_idx" ON "Measure" USING GIN ("searchVector");
CREATE INDEX "Goal_searchVector_idx" ON "Goal" USING GIN ("searchVector");

-- "Kopierad från": the measure of another district's plan a measure was copied from.
CREATE INDEX "Measure_copiedFromId_idx" ON "Measure" ("copiedFromId");
