-- Issue 7: search at national scale. Every searchable row carries the plan it belongs to, and
-- one GIN index per table answers "these words in these plans" directly (btree_gin lets a GIN
-- index hold the plan id beside the tsvector). lib/db/search.ts asks with the plans of the
-- reader's reach; a multicolumn GIN index also serves a match without a plan condition, so it
-- replaces the plain searchVector indexes of 0005.
--
-- "planId" is kept by the database, never by the app: on insert, and on any update of the parent
-- id or of "planId" itself, a BEFORE trigger copies it from the parent (so a written value is
-- overwritten with the true one); when a row's plan changes, an AFTER trigger passes it on to its
-- children (PriorityArea → Problem → Cause → Measure → Goal).

CREATE EXTENSION IF NOT EXISTS btree_gin;

ALTER TABLE "Problem" ADD COLUMN "planId" UUID;
ALTER TABLE "Cause" ADD COLUMN "planId" UUID;
ALTER TABLE "Measure" ADD COLUMN "planId" UUID;
ALTER TABLE "Goal" ADD COLUMN "planId" UUID;

UPDATE "Problem" p SET "planId" = a."planId" FROM "PriorityArea" a WHERE a."id" = p."areaId";
UPDATE "Cause" c SET "planId" = p."planId" FROM "Problem" p WHERE p."id" = c."problemId";
UPDATE "Measure" m SET "planId" = c."planId" FROM "Cause" c WHERE c."id" = m."causeId";
UPDATE "Goal" g SET "planId" = m."planId" FROM "Measure" m WHERE m."id" = g."measureId";

CREATE FUNCTION "problem_plan_id"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."planId" := (SELECT a."planId" FROM "PriorityArea" a WHERE a."id" = NEW."areaId");
  RETURN NEW;
END $$;
CREATE FUNCTION "cause_plan_id"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."planId" := (SELECT p."planId" FROM "Problem" p WHERE p."id" = NEW."problemId");
  RETURN NEW;
END $$;
CREATE FUNCTION "measure_plan_id"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."planId" := (SELECT c."planId" FROM "Cause" c WHERE c."id" = NEW."causeId");
  RETURN NEW;
END $$;
CREATE FUNCTION "goal_plan_id"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."planId" := (SELECT m."planId" FROM "Measure" m WHERE m."id" = NEW."measureId");
  RETURN NEW;
END $$;

CREATE TRIGGER "Problem_planId" BEFORE INSERT OR UPDATE OF "areaId", "planId" ON "Problem" FOR EACH ROW EXECUTE FUNCTION "problem_plan_id"();
CREATE TRIGGER "Cause_planId" BEFORE INSERT OR UPDATE OF "problemId", "planId" ON "Cause" FOR EACH ROW EXECUTE FUNCTION "cause_plan_id"();
CREATE TRIGGER "Measure_planId" BEFORE INSERT OR UPDATE OF "causeId", "planId" ON "Measure" FOR EACH ROW EXECUTE FUNCTION "measure_plan_id"();
CREATE TRIGGER "Goal_planId" BEFORE INSERT OR UPDATE OF "measureId", "planId" ON "Goal" FOR EACH ROW EXECUTE FUNCTION "goal_plan_id"();

-- A row whose plan changed passes it on to its children (whose BEFORE trigger reads it back
-- from the parent, already updated). AFTER UPDATE of any column with a WHEN: "UPDATE OF col"
-- would not see a change made by the BEFORE trigger (it looks at the statement's SET list).
CREATE FUNCTION "area_plan_id_down"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Problem" SET "planId" = NEW."planId" WHERE "areaId" = NEW."id";
  RETURN NULL;
END $$;
CREATE FUNCTION "problem_plan_id_down"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Cause" SET "planId" = NEW."planId" WHERE "problemId" = NEW."id" AND "planId" IS DISTINCT FROM NEW."planId";
  RETURN NULL;
END $$;
CREATE FUNCTION "cause_plan_id_down"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Measure" SET "planId" = NEW."planId" WHERE "causeId" = NEW."id" AND "planId" IS DISTINCT FROM NEW."planId";
  RETURN NULL;
END $$;
CREATE FUNCTION "measure_plan_id_down"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Goal" SET "planId" = NEW."planId" WHERE "measureId" = NEW."id" AND "planId" IS DISTINCT FROM NEW."planId";
  RETURN NULL;
END $$;

CREATE TRIGGER "PriorityArea_planId_down" AFTER UPDATE ON "PriorityArea" FOR EACH ROW
  WHEN (OLD."planId" IS DISTINCT FROM NEW."planId") EXECUTE FUNCTION "area_plan_id_down"();
CREATE TRIGGER "Problem_planId_down" AFTER UPDATE ON "Problem" FOR EACH ROW
  WHEN (OLD."planId" IS DISTINCT FROM NEW."planId") EXECUTE FUNCTION "problem_plan_id_down"();
CREATE TRIGGER "Cause_planId_down" AFTER UPDATE ON "Cause" FOR EACH ROW
  WHEN (OLD."planId" IS DISTINCT FROM NEW."planId") EXECUTE FUNCTION "cause_plan_id_down"();
CREATE TRIGGER "Measure_planId_down" AFTER UPDATE ON "Measure" FOR EACH ROW
  WHEN (OLD."planId" IS DISTINCT FROM NEW."planId") EXECUTE FUNCTION "measure_plan_id_down"();

DROP INDEX "Problem_searchVector_idx";
DROP INDEX "Cause_searchVector_idx";
DROP INDEX "Measure_searchVector_idx";
DROP INDEX "Goal_searchVector_idx";
CREATE INDEX "Problem_planId_searchVector_idx" ON "Problem" USING GIN ("planId", "searchVector");
CREATE INDEX "Cause_planId_searchVector_idx" ON "Cause" USING GIN ("planId", "searchVector");
CREATE INDEX "Measure_planId_searchVector_idx" ON "Measure" USING GIN ("planId", "searchVector");
CREATE INDEX "Goal_planId_searchVector_idx" ON "Goal" USING GIN ("planId", "searchVector");
