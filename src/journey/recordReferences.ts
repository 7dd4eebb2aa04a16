import type { ValidationEntry } from "./types";
import { GUID } from "./validateRequest";
import { normalisedGuid, type ParsedDefinition, type Tile } from "./workflowDefinition";

/** The tables whose records a journey refers to, by logical name. */
export type RecordTable = "msdyncrm_segment" | "msdyncrm_marketingemail" | "msdyncrm_contentsettings";

/** A record a finding or a tile refers to; `id` lower case, without braces. */
export interface RecordRef {
  table: RecordTable;
  id: string;
}

/**
 * The faults whose argument 0 is a record's id, by its table: the `Error*NotFound/NotLive` codes of
 * faultCatalogue.ts, as the emulated org raises them. No other argument of any fault is a record id.
 */
const RECORD_FAULTS: ReadonlyMap<string, RecordTable> = new Map([
  ["ErrorSegmentNotFound", "msdyncrm_segment"],
  ["ErrorSegmentNotLive", "msdyncrm_segment"],
  ["ErrorEmailNotFound", "msdyncrm_marketingemail"],
  ["ErrorEmailNotLive", "msdyncrm_marketingemail"],
  ["ErrorContentSettingsNotFound", "msdyncrm_contentsettings"],
]);

/** One key per record, for maps of what is known about records. */
export const recordKey = ({ table, id }: RecordRef): string => `${table}:${id}`;

/** The record the entry's argument `index` is the id of; undefined for any other argument (or one that is no GUID). */
export function recordArgument(entry: ValidationEntry, index: number): RecordRef | undefined {
  const table = index === 0 ? RECORD_FAULTS.get(entry.fault) : undefined;
  const id = entry.args[index];
  return table && id && GUID.test(id.trim()) ? { table, id: normalisedGuid(id) } : undefined;
}

/** The records a tile refers to: the segments of its SegmentItems, or the emails of an email tile. */
export function tileRecords(tile: Tile): RecordRef[] {
  const records: RecordRef[] = [];
  for (const { type, itemId } of tile.items) {
    const table =
      type === "SegmentItem"
        ? "msdyncrm_segment"
        : tile.type === "Email" && type === "Email"
          ? "msdyncrm_marketingemail"
          : undefined;
    if (table && itemId !== null) records.push({ table, id: normalisedGuid(itemId) });
  }
  return records;
}

/** The segments and emails the tiles refer to, as lower-case GUIDs without braces, each once. */
export function referencedItems(parsed: ParsedDefinition): { segments: string[]; emails: string[] } {
  const segments = new Set<string>();
  const emails = new Set<string>();
  for (const tile of parsed.tiles) {
    for (const { table, id } of tileRecords(tile)) (table === "msdyncrm_segment" ? segments : emails).add(id);
  }
  return { segments: [...segments], emails: [...emails] };
}

/** Every record the entries' arguments and the tiles refer to, each once, in the order first met. */
export function referencedRecords(entries: readonly ValidationEntry[], parsed: ParsedDefinition): RecordRef[] {
  const records = new Map<string, RecordRef>();
  const add = (record: RecordRef | undefined) => record && records.set(recordKey(record), record);
  for (const entry of entries) add(recordArgument(entry, 0));
  for (const tile of parsed.tiles) tileRecords(tile).forEach(add);
  return [...records.values()];
}
