import { fromValidateParameters, toValidationResultJson, VALIDATE_ACTION_NAME } from "../../src/journey";
import { entityBySet, JOURNEY, type EntityDefinition } from "./entities";
import { badRequest, DataverseError, DataverseErrorCode, rowNotFound, segmentNotFound } from "./errors";
import { compareValues, filterColumns, matchesFilter, parseFilter } from "./filterExpression";
import { checkJourney } from "./journeyChecks";
import { applyCreateRules, applyUpdateRules, checkDeletable } from "./journeyRules";
import type { JourneyLifecycle } from "./journeyLifecycle";
import { annotationFilter, checkColumns, privilegeDenied, projectRow, readPayload } from "./rows";
import { etagOf, type Row, type Store } from "./store";

export interface ApiRequest {
  method: string;
  url: URL;
  headers: Record<string, string | undefined>;
  body: string;
}

export interface ApiResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface ApiSettings {
  validateActionEnabled: boolean;
  userId: string;
  organizationId: string;
  businessUnitId: string;
}

type Privilege = "create" | "read" | "write" | "delete";
const ALL_PRIVILEGES: readonly Privilege[] = ["create", "read", "write", "delete"];
const DEFAULT_PAGE_SIZE = 5000;
const API_PATH = /^\/api\/data\/(v9\.[0-2])\/(.*)$/;
const ROW_PATH =
  /^([A-Za-z_][A-Za-z0-9_]*)\(\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?\)$/;
const SUPPORTED_OPTIONS = new Set(["$select", "$filter", "$orderby", "$top", "$count", "$skiptoken"]);

/** The emulated Dataverse Web API: routes `/api/data/v9.x/...` requests to the store and the journey rules. */
export class EmulatedWebApi {
  constructor(
    private readonly store: Store,
    private readonly lifecycle: JourneyLifecycle,
    private readonly settings: ApiSettings,
  ) {}

  static isApiPath(pathname: string): boolean {
    return API_PATH.test(pathname);
  }

  async handle(request: ApiRequest): Promise<ApiResponse> {
    try {
      return this.route(request);
    } catch (error) {
      if (error instanceof DataverseError) return error.toResponse();
      throw error;
    }
  }

  private route(request: ApiRequest): ApiResponse {
    const [, version, rest] = API_PATH.exec(request.url.pathname) ?? [];
    const base = `${request.url.origin}/api/data/${version}/`;
    const segment = decodePath(rest ?? "");
    const method = request.method.toUpperCase();

    if (segment === VALIDATE_ACTION_NAME) {
      if (!this.settings.validateActionEnabled) throw segmentNotFound(VALIDATE_ACTION_NAME);
      if (method !== "POST") throw methodNotAllowed(method, segment);
      return this.validate(request, base);
    }
    if (segment === "WhoAmI" || segment === "WhoAmI()") {
      return {
        status: 200,
        body: {
          "@odata.context": `${base}$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse`,
          BusinessUnitId: this.settings.businessUnitId,
          UserId: this.userOf(request),
          OrganizationId: this.settings.organizationId,
        },
      };
    }
    const row = ROW_PATH.exec(segment);
    const entity = entityBySet(row ? row[1] : segment);
    if (!entity) throw segmentNotFound(row ? row[1] : segment);
    if (row) {
      const id = row[2].toLowerCase();
      if (method === "GET") return this.retrieve(request, base, entity, id);
      if (method === "PATCH") return this.update(request, base, entity, id);
      if (method === "DELETE") return this.remove(request, entity, id);
      throw methodNotAllowed(method, segment);
    }
    if (method === "GET") return this.retrieveMultiple(request, base, entity);
    if (method === "POST") return this.create(request, base, entity);
    throw methodNotAllowed(method, segment);
  }

  private userOf(request: ApiRequest): string {
    return (request.headers["x-harness-user"] ?? this.settings.userId).toLowerCase();
  }

  /** Privileges of the caller: all, unless the harness page asked for fewer (`?privileges=read`). */
  private require(request: ApiRequest, entity: EntityDefinition, privilege: Privilege): void {
    const header = request.headers["x-harness-privileges"];
    const granted = header === undefined ? ALL_PRIVILEGES : header.split(",").map((p) => p.trim().toLowerCase());
    const writable = privilege === "read" || entity.writable;
    if (!writable || !granted.includes(privilege)) {
      const name = { create: "Create", read: "Read", write: "Write", delete: "Delete" }[privilege];
      throw privilegeDenied(name, entity, this.userOf(request));
    }
  }

  private jsonBody(request: ApiRequest): unknown {
    if (request.body.trim() === "") return {};
    try {
      return JSON.parse(request.body);
    } catch {
      throw badRequest("The request body is not valid JSON.");
    }
  }

  private select(request: ApiRequest, entity: EntityDefinition): string[] | null {
    const raw = request.url.searchParams.get("$select");
    if (raw === null) return null;
    const columns = raw
      .split(",")
      .map((c) => c.trim())
      .filter(Boolean);
    checkColumns(entity, columns);
    return columns;
  }

  private representation(
    request: ApiRequest,
    base: string,
    entity: EntityDefinition,
    row: Row,
    status: number,
  ): ApiResponse {
    const body = {
      "@odata.context": `${base}$metadata#${entity.setName}/$entity`,
      ...projectRow(entity, row, this.select(request, entity), annotationFilter(request.headers.prefer), this.store),
    };
    return { status, headers: { ETag: etagOf(row), ...preferenceApplied(request) }, body };
  }

  private retrieve(request: ApiRequest, base: string, entity: EntityDefinition, id: string): ApiResponse {
    this.require(request, entity, "read");
    for (const option of request.url.searchParams.keys()) checkOption(option);
    const row = this.store.get(entity, id);
    if (!row) throw rowNotFound(entity.logicalName, id);
    if (request.headers["if-none-match"] === etagOf(row)) return { status: 304 };
    return this.representation(request, base, entity, row, 200);
  }

  private retrieveMultiple(request: ApiRequest, base: string, entity: EntityDefinition): ApiResponse {
    this.require(request, entity, "read");
    const params = request.url.searchParams;
    for (const option of params.keys()) checkOption(option);
    const select = this.select(request, entity);
    let rows = this.store.all(entity);

    const filterText = params.get("$filter");
    if (filterText !== null) {
      const filter = parseFilter(filterText);
      checkColumns(entity, filterColumns(filter));
      rows = rows.filter((row) => matchesFilter(row, filter));
    }
    rows = sortRows(rows, params.get("$orderby"), entity);
    const count = rows.length;

    const top = params.get("$top");
    let nextLink: string | undefined;
    if (top !== null) {
      if (!/^\d+$/.test(top))
        throw badRequest(
          `Invalid value '${top}' for $top query option found. The $top query option requires a non-negative integer value.`,
        );
      rows = rows.slice(0, Number(top));
    } else {
      const pageSize = maxPageSize(request.headers.prefer) ?? DEFAULT_PAGE_SIZE;
      const page = pageNumber(params.get("$skiptoken"));
      const start = (page - 1) * pageSize;
      if (start + pageSize < rows.length) {
        const next = new URL(request.url.href);
        next.searchParams.set("$skiptoken", `<cookie pagenumber="${page + 1}" istracking="False" />`);
        nextLink = next.href;
      }
      rows = rows.slice(start, start + pageSize);
    }
    const wants = annotationFilter(request.headers.prefer);
    const body: Row = {
      "@odata.context": `${base}$metadata#${entity.setName}${select ? `(${select.join(",")})` : ""}`,
    };
    if (params.get("$count") === "true") body["@odata.count"] = count;
    body.value = rows.map((row) => projectRow(entity, row, select, wants, this.store));
    if (nextLink) body["@odata.nextLink"] = nextLink;
    return { status: 200, headers: preferenceApplied(request), body };
  }

  private create(request: ApiRequest, base: string, entity: EntityDefinition, id?: string): ApiResponse {
    this.require(request, entity, "create");
    const payload = readPayload(entity, this.jsonBody(request), this.store);
    if (id) payload[entity.primaryId] = id;
    const newId = payload[entity.primaryId] as string | undefined;
    if (newId && this.store.get(entity, newId)) {
      throw new DataverseError(
        412,
        DataverseErrorCode.DuplicateRecord,
        "A record with matching key values already exists.",
      );
    }
    const values = entity === JOURNEY ? applyCreateRules(payload) : payload;
    if (!values._ownerid_value && entity.lookups.some((l) => l.column === "_ownerid_value"))
      values._ownerid_value = this.userOf(request);
    const row = this.store.insert(entity, values, this.userOf(request));
    const location = `${base}${entity.setName}(${String(row[entity.primaryId])})`;
    if (wantsRepresentation(request)) {
      const response = this.representation(request, base, entity, row, 201);
      return { ...response, headers: { ...response.headers, "OData-EntityId": location, Location: location } };
    }
    return { status: 204, headers: { "OData-EntityId": location } };
  }

  private update(request: ApiRequest, base: string, entity: EntityDefinition, id: string): ApiResponse {
    const current = this.store.get(entity, id);
    const ifMatch = request.headers["if-match"];
    if (!current) {
      // Dataverse upserts a PATCH to a missing row, unless If-Match asks for an existing one.
      if (ifMatch !== undefined) throw rowNotFound(entity.logicalName, id);
      return this.create(request, base, entity, id);
    }
    if (request.headers["if-none-match"] === "*") {
      throw new DataverseError(
        412,
        DataverseErrorCode.DuplicateRecord,
        "A record with matching key values already exists.",
      );
    }
    this.require(request, entity, "write");
    checkConcurrency(ifMatch, current);
    const payload = readPayload(entity, this.jsonBody(request), this.store);
    delete payload[entity.primaryId];
    const changes = entity === JOURNEY ? applyUpdateRules(current, payload) : payload;
    const row = this.store.update(entity, id, changes, this.userOf(request));
    if (entity === JOURNEY && changes.statuscode !== undefined && changes.statuscode !== current.statuscode) {
      this.lifecycle.statusWritten(id, changes.statuscode);
    }
    const location = `${base}${entity.setName}(${id})`;
    if (wantsRepresentation(request)) {
      const response = this.representation(request, base, entity, row, 200);
      return { ...response, headers: { ...response.headers, "OData-EntityId": location } };
    }
    return { status: 204, headers: { "OData-EntityId": location } };
  }

  private remove(request: ApiRequest, entity: EntityDefinition, id: string): ApiResponse {
    this.require(request, entity, "delete");
    const current = this.store.get(entity, id);
    if (!current) throw rowNotFound(entity.logicalName, id);
    checkConcurrency(request.headers["if-match"], current);
    if (entity === JOURNEY) checkDeletable(current);
    this.store.remove(entity, id);
    return { status: 204 };
  }

  private validate(request: ApiRequest, base: string): ApiResponse {
    const { values, problems } = fromValidateParameters(this.jsonBody(request));
    if (problems.length > 0) throw badRequest(problems.join(" "));
    return {
      status: 200,
      body: {
        "@odata.context": `${base}$metadata#Microsoft.Dynamics.CRM.msdyncrm_CustomerJourneyValidateResponse`,
        ValidationResult: toValidationResultJson(checkJourney(values, this.store)),
      },
    };
  }
}

/** A '%' without two hex digits, or escapes that are not UTF-8, is a URL the web server refuses (*inferred* wording). */
function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    throw badRequest("The request URL is invalid.");
  }
}

function methodNotAllowed(method: string, segment: string): DataverseError {
  return new DataverseError(
    405,
    DataverseErrorCode.MethodNotAllowed,
    `The HTTP method '${method}' is not allowed on '${segment}'.`,
  );
}

const UNSUPPORTED_QUERIES = new Set(["fetchXml", "savedQuery", "userQuery"]);

function checkOption(option: string): void {
  if ((option.startsWith("$") && !SUPPORTED_OPTIONS.has(option)) || UNSUPPORTED_QUERIES.has(option)) {
    throw badRequest(
      `The query option '${option}' is not supported by the emulated org (supported: ${[...SUPPORTED_OPTIONS].join(", ")}).`,
    );
  }
}

function checkConcurrency(ifMatch: string | undefined, current: Row): void {
  if (ifMatch === undefined || ifMatch === "*") return;
  if (ifMatch !== etagOf(current)) {
    throw new DataverseError(
      412,
      DataverseErrorCode.ConcurrencyMismatch,
      "The version of the existing record doesn't match the RowVersion property provided.",
    );
  }
}

function wantsRepresentation(request: ApiRequest): boolean {
  return /return=representation/i.test(request.headers.prefer ?? "");
}

function maxPageSize(prefer: string | undefined): number | undefined {
  const match = /odata\.maxpagesize\s*=\s*(\d+)/i.exec(prefer ?? "");
  return match && Number(match[1]) > 0 ? Number(match[1]) : undefined;
}

function preferenceApplied(request: ApiRequest): Record<string, string> {
  const prefer = request.headers.prefer ?? "";
  const applied = prefer
    .split(",")
    .map((p) => p.trim())
    .filter((p) => /^odata\.(maxpagesize|include-annotations)/i.test(p) || /^return=representation$/i.test(p));
  return applied.length > 0 ? { "Preference-Applied": applied.join(",") } : {};
}

function pageNumber(skiptoken: string | null): number {
  if (skiptoken === null) return 1;
  const match = /pagenumber="(\d+)"/.exec(skiptoken);
  if (!match || Number(match[1]) < 1)
    throw badRequest(`The $skiptoken '${skiptoken}' is not a paging cookie this org issued.`);
  return Number(match[1]);
}

function sortRows(rows: Row[], orderby: string | null, entity: EntityDefinition): Row[] {
  const keys = (orderby ?? entity.primaryId).split(",").map((part) => {
    const [column, direction = "asc"] = part.trim().split(/\s+/);
    if (!/^(asc|desc)$/i.test(direction)) throw badRequest(`'${direction}' is not a sort direction (asc or desc).`);
    return { column, descending: direction.toLowerCase() === "desc" };
  });
  checkColumns(
    entity,
    keys.map((k) => k.column),
  );
  return [...rows].sort((a, b) => {
    for (const { column, descending } of keys) {
      const va = a[column] ?? null;
      const vb = b[column] ?? null;
      // Dataverse sorts nulls first ascending.
      const order = va === null ? (vb === null ? 0 : -1) : vb === null ? 1 : compareValues(va, vb);
      if (order !== 0) return descending ? -order : order;
    }
    return 0;
  });
}
