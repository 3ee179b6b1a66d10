-- 0001_init: the whole domain model (see prisma/schema.prisma, which must agree with this).

CREATE TYPE "Role" AS ENUM ('STRATEGIST', 'POLICE', 'STEERING_GROUP', 'REVIEW_GROUP', 'ADMIN');
CREATE TYPE "PlanStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'DECIDED', 'RETURNED', 'ACCEPTED', 'COUNCIL_DECIDED');
CREATE TYPE "CentralArea" AS ENUM ('YOUTH_AT_RISK', 'UNSAFE_PLACES', 'SYSTEM_THREATENING_CRIME', 'VULNERABLE_VICTIMS', 'CRIMINAL_ENVIRONMENTS');
CREATE TYPE "MeasureKind" AS ENUM ('ONE_OFF', 'ONGOING_WORK');
CREATE TYPE "DeadlineKind" AS ENUM ('DATE', 'ONGOING');
CREATE TYPE "FollowUpRoundKind" AS ENUM ('T1', 'T2', 'YEAR_END');
CREATE TYPE "GoalStatus" AS ENUM ('MET', 'PARTLY_MET', 'NOT_MET', 'MOVED_TO_NEXT_YEAR');
CREATE TYPE "CoSignatureStatus" AS ENUM ('SIGNED', 'DECLINED', 'WITHDRAWN');
CREATE TYPE "DecisionKind" AS ENUM ('STEERING_GROUP', 'REVIEW_ACCEPTED', 'REVIEW_RETURNED', 'COUNCIL');

CREATE TABLE "Municipality" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Municipality_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Municipality_slug_key" ON "Municipality"("slug");

CREATE TABLE "District" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "municipalityId" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "District_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "District_slug_key" ON "District"("slug");
CREATE INDEX "District_municipalityId_idx" ON "District"("municipalityId");

CREATE TABLE "PoliceArea" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "municipalityId" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PoliceArea_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "PoliceArea_slug_key" ON "PoliceArea"("slug");
CREATE INDEX "PoliceArea_municipalityId_idx" ON "PoliceArea"("municipalityId");

CREATE TABLE "DistrictPoliceArea" (
    "districtId" UUID NOT NULL,
    "policeAreaId" UUID NOT NULL,
    CONSTRAINT "DistrictPoliceArea_pkey" PRIMARY KEY ("districtId", "policeAreaId")
);
CREATE INDEX "DistrictPoliceArea_policeAreaId_idx" ON "DistrictPoliceArea"("policeAreaId");

CREATE TABLE "User" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "disabledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

CREATE TABLE "Membership" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "districtId" UUID,
    "policeAreaId" UUID,
    "municipalityId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id"),
    -- each role has exactly the scope it needs
    CONSTRAINT "Membership_scope_check" CHECK (
        ("role" IN ('STRATEGIST', 'STEERING_GROUP') AND "districtId" IS NOT NULL AND "policeAreaId" IS NULL AND "municipalityId" IS NULL)
     OR ("role" = 'POLICE' AND "policeAreaId" IS NOT NULL AND "districtId" IS NULL AND "municipalityId" IS NULL)
     OR ("role" IN ('REVIEW_GROUP', 'ADMIN') AND "municipalityId" IS NOT NULL AND "districtId" IS NULL AND "policeAreaId" IS NULL)
    )
);
CREATE INDEX "Membership_userId_idx" ON "Membership"("userId");
CREATE INDEX "Membership_districtId_idx" ON "Membership"("districtId");
CREATE INDEX "Membership_policeAreaId_idx" ON "Membership"("policeAreaId");

CREATE TABLE "Plan" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "districtId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "status" "PlanStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Plan_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Plan_year_check" CHECK ("year" BETWEEN 2000 AND 2100)
);
CREATE UNIQUE INDEX "Plan_districtId_year_key" ON "Plan"("districtId", "year");

CREATE TABLE "PlanVersion" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "planId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID NOT NULL,
    CONSTRAINT "PlanVersion_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "PlanVersion_planId_number_key" ON "PlanVersion"("planId", "number");

CREATE TABLE "PriorityArea" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "planId" UUID NOT NULL,
    "centralArea" "CentralArea",
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PriorityArea_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "PriorityArea_planId_centralArea_key" ON "PriorityArea"("planId", "centralArea");
CREATE INDEX "PriorityArea_planId_position_idx" ON "PriorityArea"("planId", "position");

CREATE TABLE "Problem" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "areaId" UUID NOT NULL,
    "collectiveName" TEXT,
    "description" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Problem_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "Problem_areaId_position_idx" ON "Problem"("areaId", "position");

CREATE TABLE "Cause" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "problemId" UUID NOT NULL,
    "description" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Cause_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "Cause_problemId_position_idx" ON "Cause"("problemId", "position");

CREATE TABLE "Measure" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "causeId" UUID NOT NULL,
    "description" TEXT NOT NULL,
    "kind" "MeasureKind",
    "withPolice" BOOLEAN NOT NULL DEFAULT false,
    "deadlineKind" "DeadlineKind",
    "deadlineDate" DATE,
    "deadlineNote" TEXT,
    "youthStrategy" BOOLEAN NOT NULL DEFAULT false,
    "violentExtremism" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "copiedFromId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Measure_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Measure_deadline_check" CHECK (("deadlineKind" = 'DATE') = ("deadlineDate" IS NOT NULL))
);
CREATE INDEX "Measure_causeId_position_idx" ON "Measure"("causeId", "position");

CREATE TABLE "ResponsibleParty" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "measureId" UUID NOT NULL,
    "organisation" TEXT NOT NULL,
    "role" TEXT,
    "position" INTEGER NOT NULL,
    CONSTRAINT "ResponsibleParty_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ResponsibleParty_measureId_position_idx" ON "ResponsibleParty"("measureId", "position");

CREATE TABLE "Goal" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "measureId" UUID NOT NULL,
    "description" TEXT NOT NULL,
    "targetValue" DECIMAL(14,2),
    "targetUnit" TEXT,
    "position" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "carriedFromId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Goal_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "Goal_measureId_position_idx" ON "Goal"("measureId", "position");

CREATE TABLE "CoSignature" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "measureId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "policeAreaId" UUID NOT NULL,
    "status" "CoSignatureStatus" NOT NULL,
    "comment" TEXT,
    "contentHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CoSignature_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "CoSignature_measureId_idx" ON "CoSignature"("measureId");

CREATE TABLE "Decision" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "planId" UUID NOT NULL,
    "kind" "DecisionKind" NOT NULL,
    "decidedOn" DATE NOT NULL,
    "paragraph" TEXT,
    "comment" TEXT,
    "versionId" UUID,
    "recordedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "Decision_planId_idx" ON "Decision"("planId");

CREATE TABLE "ReviewComment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "planId" UUID NOT NULL,
    "measureId" UUID,
    "authorId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMPTZ(3),
    CONSTRAINT "ReviewComment_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ReviewComment_planId_idx" ON "ReviewComment"("planId");

CREATE TABLE "FollowUpRound" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "planId" UUID NOT NULL,
    "kind" "FollowUpRoundKind" NOT NULL,
    "completedAt" TIMESTAMPTZ(3),
    "completedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FollowUpRound_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "FollowUpRound_planId_kind_key" ON "FollowUpRound"("planId", "kind");

CREATE TABLE "GoalFollowUp" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "roundId" UUID NOT NULL,
    "goalId" UUID NOT NULL,
    "status" "GoalStatus",
    "outcomeValue" DECIMAL(14,2),
    "comment" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "GoalFollowUp_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "GoalFollowUp_roundId_goalId_key" ON "GoalFollowUp"("roundId", "goalId");

CREATE TABLE "MeasureFollowUp" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "roundId" UUID NOT NULL,
    "measureId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MeasureFollowUp_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "MeasureFollowUp_roundId_measureId_key" ON "MeasureFollowUp"("roundId", "measureId");

CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "planId" UUID,
    "before" JSONB,
    "after" JSONB,
    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "AuditLog_planId_at_idx" ON "AuditLog"("planId", "at");
CREATE INDEX "AuditLog_actorId_at_idx" ON "AuditLog"("actorId", "at");

ALTER TABLE "District" ADD CONSTRAINT "District_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PoliceArea" ADD CONSTRAINT "PoliceArea_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DistrictPoliceArea" ADD CONSTRAINT "DistrictPoliceArea_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DistrictPoliceArea" ADD CONSTRAINT "DistrictPoliceArea_policeAreaId_fkey" FOREIGN KEY ("policeAreaId") REFERENCES "PoliceArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_policeAreaId_fkey" FOREIGN KEY ("policeAreaId") REFERENCES "PoliceArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PlanVersion" ADD CONSTRAINT "PlanVersion_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PlanVersion" ADD CONSTRAINT "PlanVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PriorityArea" ADD CONSTRAINT "PriorityArea_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Problem" ADD CONSTRAINT "Problem_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "PriorityArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Cause" ADD CONSTRAINT "Cause_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_causeId_fkey" FOREIGN KEY ("causeId") REFERENCES "Cause"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ResponsibleParty" ADD CONSTRAINT "ResponsibleParty_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CoSignature" ADD CONSTRAINT "CoSignature_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CoSignature" ADD CONSTRAINT "CoSignature_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CoSignature" ADD CONSTRAINT "CoSignature_policeAreaId_fkey" FOREIGN KEY ("policeAreaId") REFERENCES "PoliceArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "PlanVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "FollowUpRound" ADD CONSTRAINT "FollowUpRound_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "GoalFollowUp" ADD CONSTRAINT "GoalFollowUp_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "FollowUpRound"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "GoalFollowUp" ADD CONSTRAINT "GoalFollowUp_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "Goal"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MeasureFollowUp" ADD CONSTRAINT "MeasureFollowUp_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "FollowUpRound"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "MeasureFollowUp" ADD CONSTRAINT "MeasureFollowUp_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
