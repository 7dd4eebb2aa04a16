import { recordKey, type RecordRef, type RecordTable } from "../journey/recordReferences";
import { REAL_TIMING, withRetries, type RetryTiming } from "./retryPolicy";
import { toJourneyError } from "./webApiErrors";
import type { WebApiPort } from "./webApiPort";

/**
 * Each table's primary name column, as the emulated org serves it (harness/webapi/entities.ts). Microsoft
 * documents no outbound-marketing table for the Web API, so msdyncrm_segmentname for segments and
 * msdyncrm_name for emails and content settings are *inferred* from the org's metadata of these tables.
 */
const NAME_COLUMN: Readonly<Record<RecordTable, string>> = {
  msdyncrm_segment: "msdyncrm_segmentname",
  msdyncrm_marketingemail: "msdyncrm_name",
  msdyncrm_contentsettings: "msdyncrm_name",
};

/** Ids per request: 100 keep the URL near 7,000 characters, well within what the Web API accepts. */
const IDS_PER_REQUEST = 100;

/**
 * Why a record has no name: no row came back ("notFound": there is none, or the user may not see it),
 * the user may not read the table at all ("forbidden", a 403), or the lookup failed ("failed": the id
 * may well exist).
 */
export type MissingName = "notFound" | "forbidden" | "failed";
export type RecordName = { name: string } | { missing: MissingName };
/** What is known of each record, by recordKey. */
export type RecordNames = ReadonlyMap<string, RecordName>;

/**
 * Looks up the records' names: one request per table (a `$select` of the name, a `$filter` on the ids),
 * asking only for the records not asked before since the last `fresh` lookup (a new check result). Never
 * rejects: a failed lookup leaves its records without a name, marked so.
 */
export type LookUpNames = (records: readonly RecordRef[], fresh?: boolean) => Promise<RecordNames>;

export function createNameLookup(
  webApi: Pick<WebApiPort, "retrieveMultipleRecords">,
  timing: RetryTiming = REAL_TIMING,
): LookUpNames {
  let asked = new Map<string, Promise<RecordName>>();

  const lookUp = async (table: RecordTable, ids: string[]): Promise<Map<string, RecordName>> => {
    const idColumn = `${table}id`;
    const nameColumn = NAME_COLUMN[table];
    const filter = ids.map((id) => `${idColumn} eq ${id}`).join(" or ");
    const names = new Map<string, RecordName>();
    let missing: MissingName = "notFound";
    try {
      const { entities } = await withRetries(
        "read",
        () => webApi.retrieveMultipleRecords(table, `?$select=${nameColumn}&$filter=${filter}`),
        timing,
      );
      for (const row of entities)
        names.set(String(row[idColumn]).toLowerCase(), { name: String(row[nameColumn] ?? "") });
    } catch (error) {
      missing = toJourneyError(error, "read").kind === "forbidden" ? "forbidden" : "failed";
    }
    for (const id of ids) if (!names.has(id)) names.set(id, { missing });
    return names;
  };

  return async (records, fresh) => {
    if (fresh) asked = new Map();
    const unasked = new Map<RecordTable, Set<string>>();
    for (const { table, id } of records) {
      if (asked.has(recordKey({ table, id }))) continue;
      unasked.set(table, (unasked.get(table) ?? new Set()).add(id));
    }
    for (const [table, idSet] of unasked) {
      const ids = [...idSet];
      for (let start = 0; start < ids.length; start += IDS_PER_REQUEST) {
        const batch = ids.slice(start, start + IDS_PER_REQUEST);
        const answer = lookUp(table, batch);
        for (const id of batch)
          asked.set(
            recordKey({ table, id }),
            answer.then((names) => names.get(id)!),
          );
      }
    }
    const known = records.map(async (record) => [recordKey(record), await asked.get(recordKey(record))!] as const);
    return new Map(await Promise.all(known));
  };
}
