// Plain types of the domain: no framework, no database. The shapes that pages, actions,
// the seed and the tests pass to the pure rules in lib/domain.

export const ROLES = ["STRATEGIST", "POLICE", "STEERING_GROUP", "REVIEW_GROUP", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export const CENTRAL_AREAS = [
  "YOUTH_AT_RISK",
  "UNSAFE_PLACES",
  "SYSTEM_THREATENING_CRIME",
  "VULNERABLE_VICTIMS",
  "CRIMINAL_ENVIRONMENTS",
] as const;
export type CentralArea = (typeof CENTRAL_AREAS)[number];

export const PLAN_STATUSES = ["DRAFT", "SUBMITTED", "DECIDED", "RETURNED", "ACCEPTED", "COUNCIL_DECIDED"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export type MeasureKind = "ONE_OFF" | "ONGOING_WORK";

/** A deadline is a date, or ongoing line work; `note` keeps what was written when it was neither. */
export type Deadline =
  | { kind: "DATE"; date: string /* YYYY-MM-DD */ }
  | { kind: "ONGOING" }
  | { kind: "NONE"; note?: string };

export type ResponsibleParty = { organisation: string; role: string | null };

/** A membership as the rules see it: a role in one scope, always within one municipality. */
export type Membership =
  | { role: "STRATEGIST" | "STEERING_GROUP"; municipalityId: string; districtId: string }
  | { role: "POLICE"; municipalityId: string; policeAreaId: string }
  | { role: "REVIEW_GROUP" | "ADMIN"; municipalityId: string };

export type Actor = { userId: string; email: string; name: string; memberships: Membership[] };

/** What the rules need to know about a district to decide who may do what in it. */
export type DistrictScope = { districtId: string; municipalityId: string; policeAreaIds: string[] };

// The plan's content as a tree (what the editor, completeness and summary read).
export type GoalNode = { id: string; description: string; targetValue: number | null; position: number };
export type MeasureNode = {
  id: string;
  description: string;
  kind: MeasureKind | null;
  withPolice: boolean;
  deadline: Deadline;
  responsibleParties: ResponsibleParty[];
  youthStrategy: boolean;
  violentExtremism: boolean;
  position: number;
  /** Sekretess (confidential.ts): shown only inside the district, never exported. */
  confidential?: boolean;
  goals: GoalNode[];
};
export type CauseNode = { id: string; description: string; position: number; measures: MeasureNode[] };
export type ProblemNode = {
  id: string;
  collectiveName: string | null;
  description: string;
  position: number;
  causes: CauseNode[];
};
export type AreaNode = {
  id: string;
  name: string;
  centralArea: CentralArea | null;
  position: number;
  problems: ProblemNode[];
};
export type PlanTree = { id: string; areas: AreaNode[] };

/** The summary tab: one row per area, plus a total. */
export type SummaryRow = {
  areaId: string;
  areaName: string;
  problems: number;
  causes: number;
  measures: number;
  goals: number;
};

/** A police answer on a measure: signed, declined, or a signature taken back. */
export const SIGNATURE_STATUSES = ["SIGNED", "DECLINED", "WITHDRAWN"] as const;
export type SignatureStatus = (typeof SIGNATURE_STATUSES)[number];

/** One co-signature row as the rules see it; `contentHash` is the measure's hash when it was given. */
export type CoSignature = {
  status: SignatureStatus;
  contentHash: string;
  /** ISO 8601 timestamp. */
  createdAt: string;
  comment: string | null;
  userName: string;
};
