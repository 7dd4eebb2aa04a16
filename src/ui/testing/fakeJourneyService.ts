import type { CheckOutcome, JourneyService, JourneySnapshot } from "../../dataverse/journeyService";
import type { JourneyRecord, ValidationEntry, ValidationReport } from "../../journey/types";
import { verdictOf } from "../../journey/validationResult";

export const JOURNEY_ID = "5f0d6c2a-1b2c-4d3e-8f90-0a1b2c3d4e5f";

/** bpf_root › Segment "Newsletter readers" › Email "Welcome" › Trigger "Opened?" (yes: Email "Thanks"), plus a second segment. */
export const DEFINITION = JSON.stringify([
  {
    ActivityTypeId: "bpf_root",
    ActivityId: "01",
    ParentBranchId: 0,
    ParentRelationshipType: "Default",
    Properties: { Items: [{ ActivityTypeId: "bpf_root", ActivityItemId: 0 }] },
  },
  {
    ActivityTypeId: "Segment",
    ActivityId: "01_0",
    ParentActivityId: "01",
    ParentBranchId: 0,
    ParentRelationshipType: "Default",
    Properties: { Items: [{ ActivityTypeId: "Segment", Name: "Newsletter readers", ActivityItemId: 1 }] },
  },
  {
    ActivityTypeId: "Trigger",
    ActivityId: "01_0_2",
    ParentActivityId: "01_0_1",
    ParentBranchId: 0,
    ParentRelationshipType: "Default",
    Properties: { Items: [{ ActivityTypeId: "Trigger", Name: "Opened?", ActivityItemId: 3 }] },
  },
  {
    ActivityTypeId: "Email",
    ActivityId: "01_0_1",
    ParentActivityId: "01_0",
    ParentBranchId: 0,
    ParentRelationshipType: "Default",
    Properties: { Items: [{ ActivityTypeId: "Email", Name: "Welcome", ActivityItemId: 2 }] },
  },
  {
    ActivityTypeId: "Email",
    ActivityId: "01_0_3",
    ParentActivityId: "01_0_2",
    ParentBranchId: 0,
    ParentRelationshipType: "yesBranch",
    Properties: { Items: [{ ActivityTypeId: "Email", Name: "Thanks", ActivityItemId: 4 }] },
  },
  {
    ActivityTypeId: "Segment",
    ActivityId: "01_1",
    ParentActivityId: "01",
    ParentBranchId: 1,
    ParentRelationshipType: "Default",
    Properties: { Items: [{ ActivityTypeId: "Segment", Name: "Event guests", ActivityItemId: 5 }] },
  },
]);

export function journeyRecord(overrides: Partial<JourneyRecord> = {}): JourneyRecord {
  return {
    msdyncrm_customerjourneyid: JOURNEY_ID,
    msdyncrm_name: "Spring newsletter",
    statuscode: 192350000,
    statecode: 0,
    msdyncrm_startdatetime: "2026-12-01T09:00:00.000Z",
    msdyncrm_enddatetime: "2026-12-31T09:00:00.000Z",
    msdyncrm_workflowdefinition: DEFINITION,
    msdyncrm_isrecurring: false,
    modifiedon: "2026-11-20T14:30:00Z",
    ...overrides,
  };
}

export function snapshotOf(record: JourneyRecord): JourneySnapshot {
  return {
    record,
    id: JOURNEY_ID,
    status: record.statuscode ?? 192350000,
    modifiedOn: record.modifiedon ?? null,
    modifiedByName: "Nancy Anderson",
  };
}

export function reportOf(entries: ValidationEntry[]): ValidationReport {
  return { verdict: verdictOf(entries), entries };
}

export function checkOutcome(entries: ValidationEntry[], extra: Partial<CheckOutcome> = {}): CheckOutcome {
  return { report: reportOf(entries), ...extra };
}

export function entry(
  fault: string,
  activityId = "",
  severity: ValidationEntry["severity"] = "Error",
  args: string[] = [],
  source: ValidationEntry["source"] = "server",
): ValidationEntry {
  return { activityId, fault, severity, args, source };
}

/** A journey service whose answers each test sets: every method a jest mock, loading `record` by default. */
export function fakeJourneyService(record: JourneyRecord = journeyRecord()): jest.Mocked<JourneyService> {
  return {
    load: mockOf<"load">(async () => snapshotOf(record)),
    currentValues: mockOf<"currentValues">(async (snapshot) => ({
      values: snapshot.record,
      isDirty: false,
      fromForm: true,
    })),
    saveForm: mockOf<"saveForm">(async () => undefined),
    check: mockOf<"check">(async () => checkOutcome([])),
    transition: mockOf<"transition">(async () => ({ done: true, status: 192350006 })),
    // Stays Going live / Stopping until a test says how it settles.
    waitUntilSettled: mockOf<"waitUntilSettled">(() => new Promise(() => undefined)),
    copy: mockOf<"copy">(async () => ({ id: "9a8b7c6d-0000-4000-8000-000000000001" })),
    delete: mockOf<"delete">(async () => undefined),
    onServerBusy: mockOf<"onServerBusy">(() => () => undefined),
    // The call as it is, without retries.
    request: jest.fn((_purpose, call) => call()) as jest.Mocked<JourneyService>["request"],
  };
}

function mockOf<K extends keyof JourneyService>(implementation: JourneyService[K]) {
  type Method = JourneyService[K];
  return jest.fn<ReturnType<Method>, Parameters<Method>>(
    implementation as (...args: Parameters<Method>) => ReturnType<Method>,
  );
}
