import type { ValidationEntry } from "./types";
import { GUID } from "./validateRequest";
import { normalisedGuid, type ParsedDefinition, type Tile, type TileItem } from "./workflowDefinition";

/** The tables whose records a journey refers to, by logical name. */
export type RecordTable = "msdyncrm_segment" | "msdyncrm_marketingemail" | "msdyncrm_contentsettings";

/** A record a finding or a tile refers to; `id` lower case, without braces. */
export interface RecordRef {
  table: RecordTable;
  id: string;
}

/** The tables by the word the fault codes name them with. */
const TABLES = {
  Segment: "msdyncrm_segment",
  Email: "msdyncrm_marketingemail",
  ContentSettings: "msdyncrm_contentsettings",
} as const;

/**
 * The faults whose argument 0 is a record's id, and its table: the `Error*NotFound/NotLive` codes of
 * faultCatalogue.ts (ErrorSegmentNotLive: a segment's id), as the emulated org raises them. No other
 * argument of any fault is a record id.
 */
const RECORD_FAULT = /^Error(Segment|Email|ContentSettings)Not(?:Found|Live)$/;

/** The record the entry's first argument is the id of, if any (an argument that is no GUID is none). */
export function entryRecord(entry: ValidationEntry): RecordRef | undefined {
  const word = RECORD_FAULT.exec(entry.fault)?.[1] as keyof typeof TABLES | undefined;
  const id = entry.args[0];
  return word && id && GUID.test(id.trim()) ? { table: TABLES[word], id: normalisedGuid(id) } : undefined;
}

/** The record a tile's item refers to: a SegmentItem's segment, or an email tile's email; none for other items. */
export function itemRecord(tile: Tile, { type, itemId }: TileItem): RecordRef | undefined {
  const table = type === "SegmentItem" ? TABLES.Segment : tile.type === "Email" && type === "Email" && TABLES.Email;
  return table && itemId !== null ? { table, id: normalisedGuid(itemId) } : undefined;
}

/** The records a tile refers to: the segments of its SegmentItems, or the emails of an email tile. */
export function tileRecords(tile: Tile): RecordRef[] {
  const records: RecordRef[] = [];
  for (const item of tile.items) {
    const record = itemRecord(tile, item);
    if (record) records.push(record);
  }
  return records;
}

/** The segments and emails the tiles refer to, as lower-case GUIDs without braces, each once. */
export function referencedItems(parsed: ParsedDefinition): { segments: string[]; emails: string[] } {
  const segments = new Set<string>();
  const emails = new Set<string>();
  for (const tile of parsed.tiles) {
    for (const { table, id } of tileRecords(tile)) (table === TABLES.Segment ? segments : emails).add(id);
  }
  return { segments: [...segments], emails: [...emails] };
}

/** Every record the entries' arguments and the tiles refer to, each once, in the order first met. */
export function referencedRecords(entries: readonly ValidationEntry[], parsed: ParsedDefinition): RecordRef[] {
  const records = new Map<string, RecordRef>();
  const add = (record: RecordRef | undefined) => record && records.set(record.id, record);
  for (const entry of entries) add(entryRecord(entry));
  for (const tile of parsed.tiles) tileRecords(tile).forEach(add);
  return [...records.values()];
}
