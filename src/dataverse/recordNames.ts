import type { RecordRef, RecordTable } from "../journey/recordReferences";
import { REAL_TIMING, withRetries, type RetryTiming } from "./retryPolicy";
import { toJourneyError } from "./webApiErrors";
import type { WebApiPort } from "./webApiPort";

/**
 * Why a record has no name: no row came back ("notFound": there is none, or the user may not see it),
 * the user may not read the table at all ("forbidden", a 403), or the lookup failed ("failed": the id
 * may well exist).
 */
export type MissingName = "notFound" | "forbidden" | "failed";
export type RecordName = { name: string } | { missing: MissingName };
/** What is known of each record, by its id (a GUID: unique across tables). */
export type RecordNames = ReadonlyMap<string, RecordName>;

/**
 * Looks up the records' names: one request per table (a `$select` of the name, a `$filter` of the ids joined
 * by `or`; a journey's few dozen ids stay far below the Web API's URL limit),
 * asking only for the records not asked before since the last `fresh` lookup (a new check result). Never
 * rejects: a failed lookup leaves its records without a name, marked so.
 */
export type LookUpNames = (records: readonly RecordRef[], fresh?: boolean) => Promise<RecordNames>;

export function createNameLookup(
  webApi: Pick<WebApiPort, "retrieveMultipleRecords">,
  timing: RetryTiming = REAL_TIMING,
): LookUpNames {
  let asked = new Map<string, Promise<RecordName>>();

  /** One request for the names of `ids`; gives each id's name, or why it has none. */
  const lookUp = async (table: RecordTable, ids: string[]): Promise<(id: string) => RecordName> => {
    const idColumn = `${table}id`;
    // The primary name columns as the emulated org serves them (harness/webapi/entities.ts); Microsoft
    // documents no Web API reference for these tables, so they are *inferred* from their metadata.
    const nameColumn = table === "msdyncrm_segment" ? "msdyncrm_segmentname" : "msdyncrm_name";
    const filter = ids.map((id) => `${idColumn} eq ${id}`).join(" or ");
    const names = new Map<unknown, RecordName>();
    let missing: MissingName = "notFound";
    try {
      const { entities } = await withRetries(
        "read",
        () => webApi.retrieveMultipleRecords(table, `?$select=${nameColumn}&$filter=${filter}`),
        timing,
      );
      for (const row of entities) names.set(row[idColumn], { name: String(row[nameColumn] ?? "") });
    } catch (error) {
      missing = toJourneyError(error, "read").kind === "forbidden" ? "forbidden" : "failed";
    }
    return (id) => names.get(id) ?? { missing };
  };

  return async (records, fresh) => {
    if (fresh) asked = new Map();
    const unasked = new Map<RecordTable, string[]>();
    for (const { table, id } of records) {
      if (asked.has(id)) continue;
      const ids = unasked.get(table) ?? [];
      unasked.set(table, ids);
      ids.push(id);
    }
    unasked.forEach((ids, table) => {
      const answer = lookUp(table, ids);
      for (const id of ids)
        asked.set(
          id,
          answer.then((nameOf) => nameOf(id)),
        );
    });
    return new Map(await Promise.all(records.map(async ({ id }) => [id, await asked.get(id)!] as const)));
  };
}
