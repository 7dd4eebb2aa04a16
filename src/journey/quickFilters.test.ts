import { journeyListRow } from "./journeyListRow";
import { applyQuickFilter, quickFilterCounts } from "./quickFilters";
import { JourneyStatus as S, type JourneyRecord } from "./types";

const now = new Date("2026-12-01T12:00:00Z");
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();
const checked = (verdict: string) => JSON.stringify({ ActivityValidationResults: [], Result: verdict });

const journeys: Record<string, JourneyRecord> = {
  liveEndingSoon: {
    statuscode: S.Live,
    msdyncrm_enddatetime: inDays(10),
    msdyncrm_validationresults: checked("Valid"),
  },
  liveEndingIn30: { statuscode: S.Live, msdyncrm_enddatetime: inDays(30) },
  liveEndingLater: {
    statuscode: S.Live,
    msdyncrm_enddatetime: inDays(31),
    msdyncrm_validationresults: checked("Warning"),
  },
  draftEndingSoon: {
    statuscode: S.Draft,
    msdyncrm_enddatetime: inDays(5),
    msdyncrm_validationresults: checked("Error"),
  },
  stuck: { statuscode: S.GoingLive, modifiedon: inDays(-1), msdyncrm_validationresults: checked("Valid") },
  goingLiveNow: {
    statuscode: S.GoingLive,
    modifiedon: now.toISOString(),
    msdyncrm_validationresults: checked("Error"),
  },
};
const rows = Object.entries(journeys).map(([name, record]) => journeyListRow({ ...record, msdyncrm_name: name }, now));
const names = (filter: Parameters<typeof applyQuickFilter>[1]) => applyQuickFilter(rows, filter).map((row) => row.name);

describe("quick filters", () => {
  it("each keeps the journeys it names, in their order", () => {
    expect(names("live")).toEqual(["liveEndingSoon", "liveEndingIn30", "liveEndingLater"]);
    expect(names("endingSoon")).toEqual(["liveEndingSoon", "liveEndingIn30"]);
    expect(names("stuck")).toEqual(["stuck"]);
    expect(names("hasErrors")).toEqual(["draftEndingSoon", "goingLiveNow"]);
    expect(names("notChecked")).toEqual(["liveEndingIn30"]);
    expect(names(null)).toHaveLength(rows.length);
  });

  it("counts what each filter keeps", () => {
    expect(quickFilterCounts(rows)).toEqual({ live: 3, endingSoon: 2, stuck: 1, hasErrors: 2, notChecked: 1 });
  });
});
