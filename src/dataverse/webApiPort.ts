/**
 * The subset of `Xrm.WebApi` the product uses. In Dataverse it is the host's `Xrm.WebApi`; in tests
 * and in the local harness it is the same shape over HTTP to the emulated org.
 */
export interface WebApiPort {
  retrieveRecord(entityLogicalName: string, id: string, options?: string): Promise<Record<string, unknown>>;
  retrieveMultipleRecords(
    entityLogicalName: string,
    options?: string,
    maxPageSize?: number,
  ): Promise<{ entities: Record<string, unknown>[]; nextLink?: string }>;
  createRecord(entityLogicalName: string, data: Record<string, unknown>): Promise<{ entityType: string; id: string }>;
  updateRecord(
    entityLogicalName: string,
    id: string,
    data: Record<string, unknown>,
  ): Promise<{ entityType: string; id: string }>;
  deleteRecord(entityLogicalName: string, id: string): Promise<{ entityType: string; id: string; name?: string }>;
  online: {
    /** Runs an action; resolves with a fetch-style response whose `json()` gives the body. */
    execute(request: ActionRequest): Promise<ActionResponse>;
  };
  /**
   * The writes that can race (the status write, the delete) sent with `If-Match`: the server refuses
   * them with 412 when the row changed since its version was read. Absent where the host cannot send
   * them (see ifMatchWrites.ts); those writes then go out unconditionally through the methods above.
   */
  ifMatch?: IfMatchWrites;
}

/** Writes carrying the row version (`@odata.etag`); they resolve once the server applied them. */
export interface IfMatchWrites {
  updateRecord(entitySetName: string, id: string, data: Record<string, unknown>, etag: string): Promise<unknown>;
  deleteRecord(entitySetName: string, id: string, etag: string): Promise<unknown>;
}

/** The fetch Response the host's execute resolves with, as far as the product reads it. */
export interface ActionResponse {
  ok: boolean;
  status: number;
  headers?: { get(name: string): string | null };
  json(): Promise<unknown>;
}

export interface ActionRequest {
  getMetadata(): {
    boundParameter: null;
    operationType: 0;
    operationName: string;
    parameterTypes: Record<string, { typeName: string; structuralProperty: number }>;
  };
  [parameter: string]: unknown;
}

/** The error object the real client rejects with. */
export interface WebApiError {
  errorCode?: number;
  message?: string;
  code?: string | number;
  status?: number;
  retryAfterSeconds?: number;
}
