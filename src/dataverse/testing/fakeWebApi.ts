import type { FormBridge } from "../../bridge/formBridgeTypes";
import { generateDefinition } from "../../journey/testing/sampleDefinition";
import { JourneyStatus, type JourneyRecord } from "../../journey/types";
import type { ActionRequest, ActionResponse, IfMatchWrites, WebApiPort } from "../webApiPort";

export const JOURNEY_ID = "6628bbf7-c52a-e911-a9b7-000d3a1e6adc";
export const CONTENT_SETTINGS_ID = "1922b1d8-0523-e911-a9ba-000d3a1e689f";
export const SUPPRESSION_SEGMENT_ID = "24db2671-1529-e911-a9b7-000d3a1e6adc";

/** A saved Draft journey that passes the local checks. */
export function journeyRow(overrides: Partial<JourneyRecord> = {}): Record<string, unknown> {
  return {
    "@odata.etag": 'W/"1001"',
    msdyncrm_customerjourneyid: JOURNEY_ID,
    msdyncrm_name: "Spring newsletter",
    statuscode: JourneyStatus.Draft,
    statecode: 0,
    msdyncrm_startdatetime: "2030-02-08T11:48:00Z",
    msdyncrm_enddatetime: "2030-03-08T11:48:00Z",
    msdyncrm_workflowdefinition: generateDefinition(3),
    msdyncrm_customerjourneydesignerstate: '{"NextActivityID":8,"NextActivityItemID":42}',
    msdyncrm_isrecurring: false,
    msdyncrm_recurrenceintervaldays: null,
    msdyncrm_recurrencecount: null,
    msgdpr_requiredconsent: 587030001,
    msdyncrm_entitytarget: 0,
    msdyncrm_customerjourneytimezone: 92,
    msdyncrm_type: 192350000,
    msdyncrm_validationresults: null,
    _msdyncrm_contentsettingsid_value: CONTENT_SETTINGS_ID,
    _msdyncrm_suppressionsegmentid_value: SUPPRESSION_SEGMENT_ID,
    _modifiedby_value: "d0e20c01-d6c6-480f-aab5-0fa6749565a5",
    "_modifiedby_value@OData.Community.Display.V1.FormattedValue": "Nancy Anderson",
    modifiedon: "2030-01-10T09:00:00Z",
    ...overrides,
  };
}

export interface RecordedCall {
  method: "retrieveRecord" | "retrieveMultipleRecords" | "createRecord" | "updateRecord" | "deleteRecord" | "execute";
  id?: string;
  options?: string;
  data?: Record<string, unknown>;
  request?: ActionRequest;
  /** The If-Match a write carried (through the port's `ifMatch`); absent for an unconditional write. */
  ifMatch?: string;
}

type Answer = ActionResponse;

/** The validate action's answer for a verdict and entries, as the org sends it. */
export function validateAnswer(
  result: "Valid" | "Warning" | "Error",
  entries: { fault: string; severity: string; activityId?: string }[] = [],
): Answer {
  const inner = {
    ActivityValidationResults: entries.map((e) => ({
      ActivityId: e.activityId ?? "",
      Fault: e.fault,
      Result: e.severity,
      ErrorMessageArguments: [],
    })),
    Result: result,
  };
  const body = {
    "@odata.context": "$metadata#Microsoft.Dynamics.CRM.msdyncrm_CustomerJourneyValidateResponse",
    ValidationResult: JSON.stringify(inner),
  };
  return { ok: true, status: 200, json: () => Promise.resolve(body) };
}

/**
 * An in-memory Web API holding journey rows. Every call is recorded; `failNext` makes the next call(s)
 * of a method reject with the given error first. Updates bump the row version.
 */
export class FakeWebApi implements WebApiPort {
  readonly rows = new Map<string, Record<string, unknown>>();
  readonly calls: RecordedCall[] = [];
  validate: (request: ActionRequest) => Promise<Answer> = () => Promise.resolve(validateAnswer("Valid"));
  /** Called after every recorded call (e.g. to move the clock or the status on). */
  afterCall: (call: RecordedCall) => void = () => undefined;
  private failures: { method: RecordedCall["method"]; error: unknown }[] = [];
  private version = 1001;
  private createdCount = 0;

  constructor(row: Record<string, unknown> = journeyRow()) {
    this.rows.set(String(row.msdyncrm_customerjourneyid), { ...row });
  }

  failNext(method: RecordedCall["method"], error: unknown, times = 1): void {
    for (let i = 0; i < times; i += 1) this.failures.push({ method, error });
  }

  /** Someone else saves the journey. */
  changeRow(id: string, data: Record<string, unknown>): void {
    const row = this.rows.get(id);
    if (!row) throw new Error(`no row ${id}`);
    Object.assign(row, data, this.nextVersion());
  }

  methods(): RecordedCall["method"][] {
    return this.calls.map((call) => call.method);
  }

  private record(call: RecordedCall): void {
    this.calls.push(call);
    const index = this.failures.findIndex((failure) => failure.method === call.method);
    this.afterCall(call);
    if (index >= 0) {
      const [failure] = this.failures.splice(index, 1);
      throw failure.error;
    }
  }

  private nextVersion(): Record<string, unknown> {
    this.version += 1;
    return {
      "@odata.etag": `W/"${this.version}"`,
      modifiedon: new Date(Date.UTC(2030, 0, 10, 9, 0, this.version - 1000)).toISOString(),
    };
  }

  private row(id: string): Record<string, unknown> {
    const row = this.rows.get(id);
    if (!row)
      throw { errorCode: 0x80040217, message: `msdyncrm_customerjourney With Id = ${id} Does Not Exist`, status: 404 };
    return row;
  }

  retrieveRecord(_entity: string, id: string, options?: string): Promise<Record<string, unknown>> {
    return settle(() => {
      this.record({ method: "retrieveRecord", id, options });
      const row = this.row(id);
      const select = /\$select=([^&]*)/.exec(options ?? "")?.[1]?.split(",");
      if (!select) return { ...row };
      const picked: Record<string, unknown> = { "@odata.etag": row["@odata.etag"] };
      for (const column of select) {
        picked[column] = row[column] ?? null;
        const formatted = `${column}@OData.Community.Display.V1.FormattedValue`;
        if (formatted in row) picked[formatted] = row[formatted];
      }
      return picked;
    });
  }

  retrieveMultipleRecords(): Promise<{ entities: Record<string, unknown>[] }> {
    return settle(() => {
      this.record({ method: "retrieveMultipleRecords" });
      return { entities: [...this.rows.values()] };
    });
  }

  createRecord(entity: string, data: Record<string, unknown>): Promise<{ entityType: string; id: string }> {
    return settle(() => {
      this.record({ method: "createRecord", data });
      this.createdCount += 1;
      const id = `0000000${this.createdCount}-0000-4000-8000-000000000000`.slice(-36);
      this.rows.set(id, { ...data, msdyncrm_customerjourneyid: id, ...this.nextVersion() });
      return { entityType: entity, id };
    });
  }

  updateRecord(entity: string, id: string, data: Record<string, unknown>): Promise<{ entityType: string; id: string }> {
    return settle(() => {
      this.record({ method: "updateRecord", id, data });
      Object.assign(this.row(id), data, this.nextVersion());
      return { entityType: entity, id };
    });
  }

  deleteRecord(entity: string, id: string): Promise<{ entityType: string; id: string }> {
    return settle(() => {
      this.record({ method: "deleteRecord", id });
      this.row(id);
      this.rows.delete(id);
      return { entityType: entity, id };
    });
  }

  /** Writes with If-Match, refused like Dataverse (412, 0x80060882) when the row's ETag moved on; a test may remove them. */
  ifMatch?: IfMatchWrites = {
    updateRecord: (_set, id, data, etag) =>
      settle(() => {
        this.record({ method: "updateRecord", id, data, ifMatch: etag });
        this.refuseUnlessVersion(id, etag);
        Object.assign(this.row(id), data, this.nextVersion());
      }),
    deleteRecord: (_set, id, etag) =>
      settle(() => {
        this.record({ method: "deleteRecord", id, ifMatch: etag });
        this.refuseUnlessVersion(id, etag);
        this.rows.delete(id);
      }),
  };

  private refuseUnlessVersion(id: string, etag: string): void {
    if (this.row(id)["@odata.etag"] !== etag)
      throw {
        errorCode: 0x80060882,
        status: 412,
        message: "The version of the existing record doesn't match the RowVersion property provided.",
      };
  }

  readonly online = {
    execute: (request: ActionRequest): Promise<Answer> =>
      settle(() => {
        this.record({ method: "execute", request });
        return undefined;
      }).then(() => this.validate(request)),
  };
}

function settle<T>(work: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      resolve(work());
    } catch (error) {
      reject(error);
    }
  });
}

/** A form bridge whose values, dirtiness and save outcome a test sets. */
export function fakeBridge(options: { values?: Partial<JourneyRecord>; isDirty?: boolean; saveError?: Error } = {}) {
  const events: string[] = [];
  const bridge: FormBridge = {
    getValues: jest.fn(async () => {
      events.push("getValues");
      return { values: { ...(options.values ?? {}) } as JourneyRecord, isDirty: options.isDirty ?? false };
    }),
    save: jest.fn(async () => {
      events.push("save");
      if (options.saveError) throw options.saveError;
    }),
    refresh: jest.fn(async () => {
      events.push("refresh");
    }),
    setValue: jest.fn(async () => undefined),
    setNotification: jest.fn(async () => undefined),
    clearNotification: jest.fn(async () => undefined),
  };
  return { bridge, events };
}
