import type { ActionRequest, WebApiError, WebApiPort } from "../../src/dataverse/webApiPort";
import { entitySetName } from "./entitySetNames";

export interface WebApiClientOptions {
  /** The Web API root, e.g. `http://127.0.0.1:5180/api/data/v9.2/` (in the page: `/api/data/v9.2/`). */
  baseUrl: string;
  fetch?: typeof fetch;
  /** Sent with every request (the page uses it to pass `?privileges=` on to the emulated org). */
  headers?: Record<string, string>;
}

/** A page of retrieveMultipleRecords; `count` is `@odata.count` when the query asked for it (`$count=true`). */
export interface RetrievedPage {
  entities: Record<string, unknown>[];
  nextLink?: string;
  count?: number;
}

/** Xrm.WebApi's shape; its pages also carry `@odata.count` for the harness's own grid (the view page's dataset). */
export interface HarnessWebApi extends WebApiPort {
  retrieveMultipleRecords(entityLogicalName: string, options?: string, maxPageSize?: number): Promise<RetrievedPage>;
}

/** The rejection value: what the real client gives (errorCode as a number, message) plus HTTP details. */
export type XrmWebApiError = WebApiError & { errorCode: number; message: string; status: number };

const GUID = /([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\)?\s*$/;

function webApiError(status: number, message: string, code?: string, retryAfter?: string | null): XrmWebApiError {
  const errorCode = code && /^0x[0-9a-f]{8}$/i.test(code) ? parseInt(code.slice(2), 16) : 0;
  const error: XrmWebApiError = { errorCode, code: errorCode, message, status };
  const seconds = retryAfter ? Number(retryAfter) : NaN;
  if (Number.isFinite(seconds)) error.retryAfterSeconds = seconds;
  return error;
}

async function errorFrom(response: Response): Promise<XrmWebApiError> {
  const text = await response.text().catch(() => "");
  const retryAfter = response.headers.get("Retry-After");
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    if (body.error && typeof body.error.message === "string") {
      return webApiError(
        response.status,
        body.error.message,
        typeof body.error.code === "string" ? body.error.code : undefined,
        retryAfter,
      );
    }
  } catch {
    // Not JSON: fall through to a message built from the status line.
  }
  const detail = text.trim() ? `: ${text.trim().slice(0, 200)}` : "";
  return webApiError(
    response.status,
    `The server answered HTTP ${response.status} ${response.statusText}${detail}`.trim(),
    undefined,
    retryAfter,
  );
}

function checkOptions(options: string | undefined): string {
  if (!options) return "";
  if (!options.startsWith("?")) throw webApiError(0, 'Option Parameter should begin with "?"');
  return options;
}

const bareId = (id: string): string => id.replace(/[{}]/g, "").toLowerCase();

/**
 * `Xrm.WebApi` over fetch: the same methods, results and rejections as the client a model-driven
 * form gives, against any Dataverse-shaped Web API (the harness's emulated org in practice).
 */
export function createWebApiClient(options: WebApiClientOptions): HarnessWebApi {
  const base = options.baseUrl.endsWith("/") ? options.baseUrl : `${options.baseUrl}/`;
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function send(
    method: string,
    path: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<Response> {
    let response: Response;
    try {
      response = await doFetch(base + path, {
        method,
        headers: {
          Accept: "application/json",
          "OData-MaxVersion": "4.0",
          "OData-Version": "4.0",
          ...(body === undefined ? {} : { "Content-Type": "application/json; charset=utf-8" }),
          ...options.headers,
          ...extraHeaders,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (cause) {
      throw webApiError(0, `The request could not reach the server: ${(cause as Error).message}`);
    }
    if (!response.ok) throw await errorFrom(response);
    return response;
  }

  async function readJson(response: Response): Promise<Record<string, unknown>> {
    const text = await response.text();
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw webApiError(response.status, `The server's answer could not be read as JSON (${text.length} characters).`);
    }
  }

  const idFromEntityId = (response: Response, fallback?: string): string => {
    const match = GUID.exec(response.headers.get("OData-EntityId") ?? "");
    return match ? match[1].toLowerCase() : (fallback ?? "");
  };

  const annotations = { Prefer: 'odata.include-annotations="*"' };

  return {
    async retrieveRecord(entityLogicalName, id, query) {
      const response = await send(
        "GET",
        `${entitySetName(entityLogicalName)}(${bareId(id)})${checkOptions(query)}`,
        undefined,
        annotations,
      );
      return readJson(response);
    },

    async retrieveMultipleRecords(entityLogicalName, query, maxPageSize) {
      const prefer = maxPageSize
        ? `odata.include-annotations="*",odata.maxpagesize=${maxPageSize}`
        : annotations.Prefer;
      const response = await send("GET", `${entitySetName(entityLogicalName)}${checkOptions(query)}`, undefined, {
        Prefer: prefer,
      });
      const body = await readJson(response);
      if (!Array.isArray(body.value)) throw webApiError(response.status, "The server's answer has no 'value' array.");
      const result: RetrievedPage = { entities: body.value as Record<string, unknown>[] };
      if (typeof body["@odata.nextLink"] === "string") result.nextLink = body["@odata.nextLink"];
      if (typeof body["@odata.count"] === "number") result.count = body["@odata.count"];
      return result;
    },

    async createRecord(entityLogicalName, data) {
      const response = await send("POST", entitySetName(entityLogicalName), data);
      return { entityType: entityLogicalName, id: idFromEntityId(response) };
    },

    async updateRecord(entityLogicalName, id, data) {
      // Like the form's client: an update never creates the row (no upsert).
      const response = await send("PATCH", `${entitySetName(entityLogicalName)}(${bareId(id)})`, data, {
        "If-Match": "*",
      });
      return { entityType: entityLogicalName, id: idFromEntityId(response, bareId(id)) };
    },

    async deleteRecord(entityLogicalName, id) {
      await send("DELETE", `${entitySetName(entityLogicalName)}(${bareId(id)})`);
      return { entityType: entityLogicalName, id: bareId(id) };
    },

    online: {
      async execute(request: ActionRequest) {
        const metadata = request.getMetadata();
        if (metadata.boundParameter !== null && metadata.boundParameter !== undefined) {
          throw webApiError(0, "Bound operations are not supported by the harness client.");
        }
        const parameters: Record<string, unknown> = {};
        for (const name of Object.keys(metadata.parameterTypes)) {
          if (request[name] !== undefined) parameters[name] = request[name];
        }
        if (metadata.operationType === 0) return send("POST", metadata.operationName, parameters);
        if (metadata.operationType === 1) return send("GET", `${metadata.operationName}()`);
        throw webApiError(0, `operationType ${String(metadata.operationType)} is not supported by the harness client.`);
      },
    },
  };
}
