import type { RecordRef } from "../journey/recordReferences";
import { createNameLookup } from "./recordNames";
import type { WebApiPort } from "./webApiPort";

const id = (table: string, n: number) =>
  `${table === "msdyncrm_segment" ? "5e" : "e3"}000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const segments: RecordRef[] = Array.from({ length: 10 }, (_, n) => ({
  table: "msdyncrm_segment",
  id: id("msdyncrm_segment", n),
}));
const emails: RecordRef[] = Array.from({ length: 10 }, (_, n) => ({
  table: "msdyncrm_marketingemail",
  id: id("msdyncrm_marketingemail", n),
}));

/** The ids a `$filter` of `x eq id or x eq id…` asks for. */
const filteredIds = (options: string) => [...options.matchAll(/eq ([0-9a-f-]{36})/g)].map((match) => match[1]);

/** A Web API whose tables hold the given rows (id → name); each request recorded; `fail` rejects a table's requests. */
function fakeWebApi(rows: Record<string, Record<string, string>>, fail: Record<string, unknown> = {}) {
  const calls: { table: string; options: string }[] = [];
  const retrieveMultipleRecords = jest.fn(async (table: string, options = "") => {
    calls.push({ table, options });
    if (table in fail) throw fail[table];
    const nameColumn = /\$select=([a-z_]+)/.exec(options)![1];
    const entities = filteredIds(options)
      .filter((wanted) => wanted in (rows[table] ?? {}))
      .map((wanted) => ({ [`${table}id`]: wanted, [nameColumn]: rows[table][wanted] }));
    return { entities };
  });
  return { webApi: { retrieveMultipleRecords } as Pick<WebApiPort, "retrieveMultipleRecords">, calls };
}

const noWaiting = { sleep: async () => undefined, random: () => 0 };
const named = (refs: RecordRef[], prefix: string) =>
  Object.fromEntries(refs.map((ref, n) => [ref.id, `${prefix} ${n}`]));

describe("record name lookup", () => {
  it("asks once per table for 10 segments and 10 emails, for their name only", async () => {
    const { webApi, calls } = fakeWebApi({
      msdyncrm_segment: named(segments, "Segment"),
      msdyncrm_marketingemail: named(emails, "Email"),
    });
    const names = await createNameLookup(webApi, noWaiting)([...segments, ...emails]);
    expect(calls.map((call) => call.table)).toEqual(["msdyncrm_segment", "msdyncrm_marketingemail"]);
    expect(calls[0].options).toMatch(/^\?\$select=msdyncrm_segmentname&\$filter=msdyncrm_segmentid eq /);
    expect(calls[1].options).toMatch(/^\?\$select=msdyncrm_name&\$filter=msdyncrm_marketingemailid eq /);
    expect(filteredIds(calls[0].options)).toEqual(segments.map((ref) => ref.id));
    expect(names.get(segments[3].id)).toEqual({ name: "Segment 3" });
    expect(names.get(emails[9].id)).toEqual({ name: "Email 9" });
    expect(names.size).toBe(20);
  });

  it("keeps what it found until a fresh lookup: the same records again cost no request, new ones only theirs", async () => {
    const { webApi, calls } = fakeWebApi({ msdyncrm_segment: named(segments, "Segment") });
    const lookUp = createNameLookup(webApi, noWaiting);
    await lookUp(segments.slice(0, 5));
    const again = await lookUp(segments.slice(0, 6));
    expect(calls).toHaveLength(2);
    expect(filteredIds(calls[1].options)).toEqual([segments[5].id]);
    expect(again.get(segments[0].id)).toEqual({ name: "Segment 0" });
    await lookUp(segments.slice(0, 6), true);
    expect(calls).toHaveLength(3);
    expect(filteredIds(calls[2].options)).toHaveLength(6);
  });

  it("asks once for records asked for again while the first lookup runs", async () => {
    const { webApi, calls } = fakeWebApi({ msdyncrm_segment: named(segments, "Segment") });
    const lookUp = createNameLookup(webApi, noWaiting);
    const [first, second] = await Promise.all([lookUp(segments), lookUp(segments)]);
    expect(calls).toHaveLength(1);
    expect(second).toEqual(first);
  });

  it("marks a record the table does not give back as not found", async () => {
    const { webApi } = fakeWebApi({ msdyncrm_segment: { [segments[0].id]: "Prospects" } });
    const names = await createNameLookup(webApi, noWaiting)(segments.slice(0, 2));
    expect(names.get(segments[0].id)).toEqual({ name: "Prospects" });
    expect(names.get(segments[1].id)).toEqual({ missing: "notFound" });
  });

  it("never says not found when the lookup failed: a 403 is no access, anything else a failed lookup", async () => {
    const { webApi } = fakeWebApi(
      { msdyncrm_contentsettings: {} },
      {
        msdyncrm_segment: { errorCode: 0x80040220, status: 403, message: "missing prvReadmsdyncrm_segment" },
        msdyncrm_marketingemail: { status: 500, message: "Generic SQL error." },
      },
    );
    const names = await createNameLookup(webApi, noWaiting)([segments[0], emails[0]]);
    expect(names.get(segments[0].id)).toEqual({ missing: "forbidden" });
    expect(names.get(emails[0].id)).toEqual({ missing: "failed" });
  });

  it("tries a throttled lookup again, as every request of the product", async () => {
    const { webApi, calls } = fakeWebApi({ msdyncrm_segment: named(segments, "Segment") });
    const throttledOnce = jest.fn(webApi.retrieveMultipleRecords);
    throttledOnce.mockRejectedValueOnce({ status: 429, retryAfterSeconds: 1 });
    const names = await createNameLookup({ retrieveMultipleRecords: throttledOnce }, noWaiting)([segments[0]]);
    expect(throttledOnce).toHaveBeenCalledTimes(2);
    expect(calls).toHaveLength(1);
    expect(names.get(segments[0].id)).toEqual({ name: "Segment 0" });
  });
});
