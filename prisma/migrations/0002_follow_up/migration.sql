-- Follow-up rounds written by several people: a version per row and per round (optimistic
-- concurrency) and who wrote it last; carry-over to next year's plan keeps a link to the origin.

ALTER TABLE "FollowUpRound" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "GoalFollowUp" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "GoalFollowUp" ADD COLUMN "updatedById" UUID;
ALTER TABLE "GoalFollowUp" ADD CONSTRAINT "GoalFollowUp_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "MeasureFollowUp" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "MeasureFollowUp" ADD COLUMN "updatedById" UUID;
ALTER TABLE "MeasureFollowUp" ADD CONSTRAINT "MeasureFollowUp_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Problem" ADD COLUMN "carriedFromId" UUID;
ALTER TABLE "Cause" ADD COLUMN "carriedFromId" UUID;
ALTER TABLE "Measure" ADD COLUMN "carriedFromId" UUID;

-- "My measures" and the deadline flags read the follow-up of a goal and of a measure.
CREATE INDEX "GoalFollowUp_goalId_idx" ON "GoalFollowUp"("goalId");
CREATE INDEX "MeasureFollowUp_measureId_idx" ON "MeasureFollowUp"("measureId");
