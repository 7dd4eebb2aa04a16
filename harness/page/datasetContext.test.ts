import { SEED_IDS } from "../seed/seedData";
import { json, useHarness } from "../../test/integration/testing/harnessFixture";
import { createWebApiClient } from "../xrm/webApiClient";
import { ALL_JOURNEYS_VIEW, createDataset, type DatasetOptions } from "./datasetContext";

type DataSet = ComponentFramework.PropertyTypes.DataSet;

const SEEDED = 15;
const GENERATED = 120;

describe("the view page's dataset over the emulated org", () => {
  const org = useHarness();
  const reseed = (journeys: number) =>
    fetch(`${org.url}/_harness/reset`, { method: "POST", body: JSON.stringify({ journeys }) });
  const requests = async () =>
    ((await json(await fetch(`${org.url}/_harness/log`))) as unknown as { path: string }[]).map((entry) =>
      decodeURIComponent(entry.path),
    );

  /** A dataset whose every change is counted; `settled()` waits for the load under way to end. */
  function dataset(options: Partial<DatasetOptions> = {}) {
    let waiting: (() => void) | undefined;
    const opened: ComponentFramework.EntityReference[] = [];
    const changes: boolean[] = [];
    const set: DataSet = createDataset({
      webApi: createWebApiClient({ baseUrl: org.api() }),
      view: ALL_JOURNEYS_VIEW,
      locale: "en-US",
      onChange: () => {
        changes.push(set.loading);
        if (!set.loading) waiting?.();
      },
      openRecord: (reference) => opened.push(reference),
      ...options,
    });
    const settled = (start: () => void) =>
      new Promise<void>((resolve) => {
        waiting = resolve;
        start();
      });
    return { set, settled, opened, changes };
  }

  beforeEach(async () => {
    await reseed(GENERATED);
    await fetch(`${org.url}/_harness/log`, { method: "DELETE" });
  });

  test("refresh loads the first page of 50, newest change first, with the total and a next page", async () => {
    const { set, settled, changes } = dataset();
    await settled(() => set.refresh());
    expect(set.sortedRecordIds).toHaveLength(50);
    expect(set.paging.totalResultCount).toBe(SEEDED + GENERATED);
    expect(set.paging.hasNextPage).toBe(true);
    const modified = set.sortedRecordIds.map((id) => (set.records[id].getValue("modifiedon") as Date).getTime());
    expect(modified).toEqual([...modified].sort((a, b) => b - a));
    // The host was told that loading began and that it ended.
    expect(changes).toEqual([true, false]);
    const [request] = await requests();
    expect(request).toContain("$orderby=modifiedon desc");
    expect(request).toContain("$select=msdyncrm_customerjourneyid,msdyncrm_name,statuscode");
    expect(request).toContain("_modifiedby_value");
  });

  test("loadNextPage appends the next page, as model-driven grids do, until there is none", async () => {
    const { set, settled } = dataset();
    await settled(() => set.refresh());
    const first = [...set.sortedRecordIds];
    await settled(() => set.paging.loadNextPage());
    expect(set.sortedRecordIds.slice(0, 50)).toEqual(first);
    expect(set.sortedRecordIds).toHaveLength(100);
    await settled(() => set.paging.loadNextPage());
    expect(set.sortedRecordIds).toHaveLength(SEEDED + GENERATED);
    expect(new Set(set.sortedRecordIds).size).toBe(SEEDED + GENERATED);
    expect(set.paging.hasNextPage).toBe(false);
    expect((await requests()).filter((path) => path.includes("$skiptoken"))).toHaveLength(2);
  });

  test("loadExactPage shows only that page; setPageSize applies from the next refresh", async () => {
    const { set, settled } = dataset();
    set.paging.setPageSize(10);
    await settled(() => set.refresh());
    expect(set.sortedRecordIds).toHaveLength(10);
    const firstTen = [...set.sortedRecordIds];
    await settled(() => set.paging.loadExactPage(3));
    expect(set.sortedRecordIds).toHaveLength(10);
    expect(set.paging.hasPreviousPage).toBe(true);
    expect(set.sortedRecordIds.some((id) => firstTen.includes(id))).toBe(false);
    await settled(() => set.paging.loadPreviousPage());
    expect(set.paging.firstPageNumber).toBe(2);
  });

  test("a changed sort is sent as $orderby on refresh and the records come back in that order", async () => {
    const { set, settled } = dataset();
    await settled(() => set.refresh());
    set.sorting.splice(0, set.sorting.length, { name: "msdyncrm_name", sortDirection: 0 });
    set.paging.reset();
    await settled(() => set.refresh());
    const names = set.sortedRecordIds.map((id) => set.records[id].getFormattedValue("msdyncrm_name"));
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect((await requests())[1]).toContain("$orderby=msdyncrm_name asc");
  });

  test("records give typed values and the server's formatted ones: status label, dates, lookups by name", async () => {
    await reseed(0);
    const { set, settled } = dataset();
    await settled(() => set.refresh());
    const live = set.records[SEED_IDS.journeys.live];
    expect(live.getValue("statuscode")).toBe(192350001);
    expect(live.getFormattedValue("statuscode")).toBe("Live");
    expect(live.getValue("msdyncrm_startdatetime")).toEqual(new Date("2026-11-01T09:00:00Z"));
    expect(live.getFormattedValue("msdyncrm_startdatetime")).toBe("11/1/26, 9:00 AM");
    expect(live.getValue("modifiedby")).toEqual({
      id: { guid: SEED_IDS.users.current },
      etn: "systemuser",
      name: "Alex Rivera",
    });
    expect(live.getFormattedValue("modifiedby")).toBe("Alex Rivera");
    expect(live.getNamedReference()).toEqual({
      id: { guid: SEED_IDS.journeys.live },
      etn: "msdyncrm_customerjourney",
      name: "Monthly newsletter",
    });
    expect(set.sortedRecordIds).toHaveLength(SEEDED);
  });

  test("a property-set the view lacks is a hidden column read under its alias", async () => {
    await reseed(0);
    const results = { name: "msdyncrm_validationresults", displayName: "Results", dataType: "Multiple" };
    const { set, settled } = dataset({
      propertySets: [{ name: "checkResults", column: { ...results, visualSizeFactor: 100 } }],
    });
    await settled(() => set.refresh());
    expect(set.columns.find((column) => column.alias === "checkResults")).toMatchObject({ order: -1, isHidden: true });
    expect(set.records[SEED_IDS.journeys.live].getValue("checkResults")).toBe(
      '{"ActivityValidationResults":[],"Result":"Valid"}',
    );
  });

  test("a filter is sent as $filter and only matching records come back; clearing it shows all again", async () => {
    const { set, settled } = dataset();
    set.filtering.setFilter({
      filterOperator: 0,
      conditions: [{ attributeName: "statuscode", conditionOperator: 0, value: "192350001" }],
    });
    await settled(() => set.refresh());
    expect(set.sortedRecordIds.length).toBeGreaterThan(0);
    for (const id of set.sortedRecordIds) expect(set.records[id].getValue("statuscode")).toBe(192350001);
    set.filtering.clearFilter();
    await settled(() => set.refresh());
    expect(set.paging.totalResultCount).toBe(SEEDED + GENERATED);
  });

  test("selection keeps the ids of loaded records; clearing empties it", async () => {
    const { set, settled } = dataset();
    await settled(() => set.refresh());
    const [a, b] = set.sortedRecordIds;
    set.setSelectedRecordIds([a, b, "00000000-0000-4000-8000-000000000000"]);
    expect(set.getSelectedRecordIds()).toEqual([a, b]);
    set.clearSelectedRecordIds();
    expect(set.getSelectedRecordIds()).toEqual([]);
  });

  test("openDatasetItem hands the record's reference to the host (which opens its form)", async () => {
    const { set, settled, opened } = dataset();
    await settled(() => set.refresh());
    const record = set.records[set.sortedRecordIds[0]];
    set.openDatasetItem(record.getNamedReference());
    expect(opened).toEqual([record.getNamedReference()]);
  });

  test("a failed read sets error and errorMessage and keeps nothing loading", async () => {
    await fetch(`${org.url}/_harness/faults`, {
      method: "POST",
      body: JSON.stringify({ match: { method: "GET", pathContains: "msdyncrm_customerjourneys" }, status: 503 }),
    });
    const { set, settled } = dataset();
    await settled(() => set.refresh());
    expect(set.error).toBe(true);
    expect(set.errorMessage).toMatch(/\S/);
    expect(set.sortedRecordIds).toEqual([]);
    expect(set.loading).toBe(false);
  });
});
