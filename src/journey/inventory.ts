import type { JourneyListRow } from "./journeyListRow";
import type { RecurrenceValues } from "./recurrence";
import type { JourneyRecord, Severity } from "./types";
import { itemRecord } from "./recordReferences";
import { parseDefinition } from "./workflowDefinition";

/** A journey to export: its list row and its row as loaded (with the definition). */
export interface InventoryJourney {
  row: JourneyListRow;
  record: JourneyRecord;
  modifiedBy: string;
}

/** The words an export uses, in the user's language. */
export interface InventoryWords {
  status(code: number): string;
  tileType(type: string): string;
  recurrence(values: RecurrenceValues): string;
  verdict(severity: Severity): string;
  /** The CSV's header cells, one for each of CSV_FIELDS. */
  header(field: CsvField): string;
}

export const CSV_FIELDS = [
  "id",
  "name",
  "status",
  "start",
  "end",
  "recurrence",
  "lastCheck",
  "errors",
  "warnings",
  "modifiedOn",
  "modifiedBy",
  "tiles",
  "segments",
  "emails",
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

interface Reference {
  id: string;
  name: string;
}

/** What someone needs to rebuild the journey elsewhere: its schedule, status, last check and tiles in order. */
export function journeyOutline(journey: InventoryJourney, words: InventoryWords) {
  const { row, record } = journey;
  const references = { segments: new Map<string, Reference>(), emails: new Map<string, Reference>() };
  const tiles = parseDefinition(record.msdyncrm_workflowdefinition).tiles.map((tile) => {
    for (const item of tile.items) {
      const record = itemRecord(tile, item);
      const found = record && references[record.table === "msdyncrm_segment" ? "segments" : "emails"];
      if (found && !found.has(record.id)) found.set(record.id, { id: record.id, name: item.name });
    }
    return {
      activityId: tile.activityId,
      type: tile.type,
      typeInWords: words.tileType(tile.type),
      name: tile.name,
      parentId: tile.parentId,
      relationship: tile.relationship,
      items: tile.items.map(({ type, itemId, name }) => ({ type, id: itemId, name })),
    };
  });
  return {
    id: row.id,
    name: row.name,
    status: { code: row.status, inWords: words.status(row.status) },
    schedule: {
      start: row.start,
      end: row.end,
      timeZone: record.msdyncrm_customerjourneytimezone ?? null,
      recurring: row.recurrence.isRecurring,
      intervalDays: row.recurrence.intervalDays ?? null,
      count: row.recurrence.count ?? null,
      inWords: words.recurrence(row.recurrence),
    },
    lastCheck: row.lastCheck && { ...row.lastCheck, inWords: words.verdict(row.lastCheck.verdict) },
    modifiedOn: row.modifiedOn,
    modifiedBy: journey.modifiedBy,
    segments: [...references.segments.values()],
    emails: [...references.emails.values()],
    tiles,
  };
}

export type JourneyOutlineJson = ReturnType<typeof journeyOutline>;

/** The JSON export: one object per journey with its outline. */
export function inventoryJson(journeys: readonly InventoryJourney[], words: InventoryWords): string {
  return JSON.stringify(
    journeys.map((journey) => journeyOutline(journey, words)),
    null,
    2,
  );
}

/**
 * One CSV cell (RFC 4180): quoted when it holds a quote, a comma or a line break, quotes doubled. A text that
 * a spreadsheet would run as a formula (starting with = + - @, or a tab or carriage return) starts with ' instead.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows of cells as CSV text, lines ended by CRLF. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((cells) => cells.map(csvCell).join(",") + "\r\n").join("");
}

const listed = (references: readonly Reference[]) =>
  references.map(({ id, name }) => (name ? `${name} (${id})` : id)).join("; ");

/** The CSV export: a header, then one row per journey. */
export function inventoryCsv(journeys: readonly InventoryJourney[], words: InventoryWords): string {
  const rows = journeys.map((journey) => {
    const outline = journeyOutline(journey, words);
    const check = outline.lastCheck;
    const cells: Record<CsvField, string> = {
      id: outline.id,
      name: outline.name,
      status: outline.status.inWords,
      start: outline.schedule.start ?? "",
      end: outline.schedule.end ?? "",
      recurrence: outline.schedule.inWords,
      lastCheck: check?.inWords ?? "",
      errors: check ? String(check.errors) : "",
      warnings: check ? String(check.warnings) : "",
      modifiedOn: outline.modifiedOn ?? "",
      modifiedBy: outline.modifiedBy,
      tiles: String(outline.tiles.length),
      segments: listed(outline.segments),
      emails: listed(outline.emails),
    };
    return CSV_FIELDS.map((field) => cells[field]);
  });
  return toCsv([CSV_FIELDS.map(words.header), ...rows]);
}
