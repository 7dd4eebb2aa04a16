import { ENTITY_SET_NAMES } from "../xrm/entitySetNames";

export type ColumnType = "guid" | "string" | "int" | "bool" | "datetime" | "option";

export interface LookupDefinition {
  /** The single-valued navigation property, as `@odata.bind` names it (case-sensitive like Dataverse). */
  navigation: string;
  /** The read-back column `_x_value`. */
  column: string;
  /** Entity set of the row it points at. */
  target: string;
  /** false for system-maintained lookups (createdby, modifiedby). */
  writable: boolean;
}

export interface EntityDefinition {
  logicalName: string;
  setName: string;
  primaryId: string;
  primaryName: string;
  columns: Readonly<Record<string, ColumnType>>;
  /** Columns the service maintains; writes to them are ignored like Dataverse ignores them. */
  readOnly: readonly string[];
  lookups: readonly LookupDefinition[];
  optionLabels: Readonly<Record<string, Readonly<Record<number, string>>>>;
  /** The least value of number columns whose documented minimum is above Int32's. */
  minimumValues?: Readonly<Record<string, number>>;
  /** Clients may create/update/delete rows (the others are reference data). */
  writable: boolean;
}

const STATUS_LABELS: Record<number, string> = {
  192350000: "Draft",
  192350001: "Live",
  192350002: "Stopped",
  192350003: "Live, editable",
  192350004: "Expired",
  192350005: "Error",
  192350006: "Going live",
  192350007: "Stopping",
};

/** Edm.Int32, the type of every "int" and "option" column. */
export const INT32_MIN = -(2 ** 31);
export const INT32_MAX = 2 ** 31 - 1;

const STATE_LABELS: Record<number, string> = { 0: "Active", 1: "Inactive" };

/** Segment and marketing email status reasons (inferred: Draft / Live / Stopped as on journeys). */
const PUBLISHABLE_STATUS_LABELS: Record<number, string> = {
  192350000: "Draft",
  192350001: "Live",
  192350002: "Stopped",
};

const audit = {
  createdon: "datetime",
  modifiedon: "datetime",
  versionnumber: "int",
} as const;

const auditLookups: LookupDefinition[] = [
  { navigation: "createdby", column: "_createdby_value", target: "systemusers", writable: false },
  { navigation: "modifiedby", column: "_modifiedby_value", target: "systemusers", writable: false },
];

export const JOURNEY: EntityDefinition = {
  logicalName: "msdyncrm_customerjourney",
  setName: ENTITY_SET_NAMES.msdyncrm_customerjourney,
  primaryId: "msdyncrm_customerjourneyid",
  primaryName: "msdyncrm_name",
  columns: {
    msdyncrm_customerjourneyid: "guid",
    msdyncrm_name: "string",
    statuscode: "option",
    statecode: "option",
    msdyncrm_startdatetime: "datetime",
    msdyncrm_enddatetime: "datetime",
    msdyncrm_workflowdefinition: "string",
    msdyncrm_customerjourneydesignerstate: "string",
    msdyncrm_isrecurring: "bool",
    msdyncrm_recurrenceintervaldays: "int",
    msdyncrm_recurrencecount: "int",
    msgdpr_requiredconsent: "option",
    msdyncrm_entitytarget: "option",
    msdyncrm_customerjourneytimezone: "int",
    msdyncrm_type: "option",
    msdyncrm_validationresults: "string",
    ...audit,
  },
  readOnly: ["createdon", "modifiedon", "versionnumber"],
  lookups: [
    {
      navigation: "msdyncrm_contentsettingsId",
      column: "_msdyncrm_contentsettingsid_value",
      target: "msdyncrm_contentsettingss",
      writable: true,
    },
    {
      navigation: "msdyncrm_SuppressionSegmentId",
      column: "_msdyncrm_suppressionsegmentid_value",
      target: "msdyncrm_segments",
      writable: true,
    },
    { navigation: "ownerid", column: "_ownerid_value", target: "systemusers", writable: true },
    ...auditLookups,
  ],
  optionLabels: {
    statuscode: STATUS_LABELS,
    statecode: STATE_LABELS,
    msdyncrm_type: { 192350000: "Automated", 192350001: "LinkedIn" },
    msdyncrm_entitytarget: { 0: "Contact", 1: "Account" },
  },
  // Documented as non-negative integers.
  minimumValues: { msdyncrm_recurrenceintervaldays: 0, msdyncrm_recurrencecount: 0 },
  writable: true,
};

export const SEGMENT: EntityDefinition = {
  logicalName: "msdyncrm_segment",
  setName: ENTITY_SET_NAMES.msdyncrm_segment,
  primaryId: "msdyncrm_segmentid",
  primaryName: "msdyncrm_segmentname",
  columns: {
    msdyncrm_segmentid: "guid",
    msdyncrm_segmentname: "string",
    statuscode: "option",
    statecode: "option",
    ...audit,
  },
  readOnly: ["createdon", "modifiedon", "versionnumber"],
  lookups: auditLookups,
  optionLabels: { statuscode: PUBLISHABLE_STATUS_LABELS, statecode: STATE_LABELS },
  writable: false,
};

export const MARKETING_EMAIL: EntityDefinition = {
  logicalName: "msdyncrm_marketingemail",
  setName: ENTITY_SET_NAMES.msdyncrm_marketingemail,
  primaryId: "msdyncrm_marketingemailid",
  primaryName: "msdyncrm_name",
  columns: {
    msdyncrm_marketingemailid: "guid",
    msdyncrm_name: "string",
    statuscode: "option",
    statecode: "option",
    ...audit,
  },
  readOnly: ["createdon", "modifiedon", "versionnumber"],
  lookups: auditLookups,
  optionLabels: { statuscode: PUBLISHABLE_STATUS_LABELS, statecode: STATE_LABELS },
  writable: false,
};

export const CONTENT_SETTINGS: EntityDefinition = {
  logicalName: "msdyncrm_contentsettings",
  setName: ENTITY_SET_NAMES.msdyncrm_contentsettings,
  primaryId: "msdyncrm_contentsettingsid",
  primaryName: "msdyncrm_name",
  columns: {
    msdyncrm_contentsettingsid: "guid",
    msdyncrm_name: "string",
    statecode: "option",
    statuscode: "option",
    ...audit,
  },
  readOnly: ["createdon", "modifiedon", "versionnumber"],
  lookups: auditLookups,
  optionLabels: { statecode: STATE_LABELS, statuscode: { 1: "Active", 2: "Inactive" } },
  writable: false,
};

export const SYSTEM_USER: EntityDefinition = {
  logicalName: "systemuser",
  setName: ENTITY_SET_NAMES.systemuser,
  primaryId: "systemuserid",
  primaryName: "fullname",
  columns: { systemuserid: "guid", fullname: "string", domainname: "string", isdisabled: "bool", ...audit },
  readOnly: ["createdon", "modifiedon", "versionnumber"],
  lookups: [],
  optionLabels: {},
  writable: false,
};

export const ENTITIES: readonly EntityDefinition[] = [JOURNEY, SEGMENT, MARKETING_EMAIL, CONTENT_SETTINGS, SYSTEM_USER];

export function entityBySet(setName: string): EntityDefinition | undefined {
  return ENTITIES.find((e) => e.setName === setName);
}

export function entityByLogicalName(logicalName: string): EntityDefinition | undefined {
  return ENTITIES.find((e) => e.logicalName === logicalName);
}

/** Every readable column of a table: its own columns and the `_x_value` of its lookups. */
export function readableColumns(entity: EntityDefinition): string[] {
  return [...Object.keys(entity.columns), ...entity.lookups.map((l) => l.column)];
}

/** The type of one of the table's own columns; names every object inherits (`constructor`, `__proto__`) are none. */
export function ownColumnType(entity: EntityDefinition, column: string): ColumnType | undefined {
  return Object.prototype.hasOwnProperty.call(entity.columns, column) ? entity.columns[column] : undefined;
}

/** The type of a readable column: an own column, or a lookup's `_x_value` (a GUID). */
export function columnType(entity: EntityDefinition, column: string): ColumnType | undefined {
  return ownColumnType(entity, column) ?? (entity.lookups.some((l) => l.column === column) ? "guid" : undefined);
}
