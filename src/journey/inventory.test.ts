import fc from "fast-check";
import { parseCsv } from "./testing/csvParse";
import { CSV_FIELDS, csvCell, inventoryCsv, inventoryJson, toCsv, type InventoryWords } from "./inventory";
import { journeyListRow } from "./journeyListRow";
import { JourneyStatus } from "./types";

const now = new Date("2026-12-01T12:00:00Z");
const SEGMENT = "6a3d0b8e-0000-4000-8000-000000000001";
const EMAIL = "6a3d0b8e-0000-4000-8000-000000000002";
const definition = JSON.stringify([
  { ActivityTypeId: "bpf_root", ActivityId: "01", Properties: { Items: [] } },
  {
    ActivityTypeId: "Segment",
    ActivityId: "01_1",
    ParentActivityId: "01",
    ParentBranchId: 0,
    Properties: {
      Items: [{ ActivityTypeId: "SegmentItem", ItemId: `{${SEGMENT.toUpperCase()}}`, Name: "VIP, Berlin" }],
    },
  },
  {
    ActivityTypeId: "Email",
    ActivityId: "01_2",
    ParentActivityId: "01_1",
    ParentBranchId: 0,
    Properties: { Items: [{ ActivityTypeId: "Email", ItemId: EMAIL, Name: '=HYPERLINK("x")' }] },
  },
]);
const record = {
  msdyncrm_customerjourneyid: "b0000000-0000-4000-8000-000000000001",
  msdyncrm_name: 'Spring "sale"\nsecond line',
  statuscode: JourneyStatus.Live,
  msdyncrm_startdatetime: "2026-11-01T00:00:00Z",
  msdyncrm_enddatetime: "2027-01-01T00:00:00Z",
  msdyncrm_isrecurring: true,
  msdyncrm_recurrenceintervaldays: 7,
  msdyncrm_recurrencecount: 4,
  msdyncrm_workflowdefinition: definition,
  msdyncrm_validationresults: JSON.stringify({
    ActivityValidationResults: [{ ActivityId: "01_2", Fault: "X", Result: "Warning" }],
    Result: "Warning",
  }),
  modifiedon: "2026-11-20T08:00:00Z",
};
const words: InventoryWords = {
  status: (code) => (code === JourneyStatus.Live ? "Live" : String(code)),
  tileType: (type) => `${type} tile`,
  recurrence: (values) => `every ${values.intervalDays} days, ${values.count} times`,
  verdict: (severity) => `verdict ${severity}`,
  header: (field) => field.toUpperCase(),
};
const journey = { row: journeyListRow(record, now), record, modifiedBy: "Dana Lee" };

describe("inventory export", () => {
  it("JSON: one object per journey with its outline, tiles in order with types in words, segments and emails", () => {
    const [outline] = JSON.parse(inventoryJson([journey], words));
    expect(outline).toMatchObject({
      id: record.msdyncrm_customerjourneyid,
      name: record.msdyncrm_name,
      status: { code: JourneyStatus.Live, inWords: "Live" },
      schedule: {
        start: record.msdyncrm_startdatetime,
        recurring: true,
        intervalDays: 7,
        count: 4,
        inWords: "every 7 days, 4 times",
      },
      lastCheck: { verdict: "Warning", errors: 0, warnings: 1, inWords: "verdict Warning" },
      modifiedBy: "Dana Lee",
      segments: [{ id: SEGMENT, name: "VIP, Berlin" }],
      emails: [{ id: EMAIL, name: '=HYPERLINK("x")' }],
    });
    expect(
      outline.tiles.map((tile: { activityId: string; typeInWords: string }) => [tile.activityId, tile.typeInWords]),
    ).toEqual([
      ["01", "bpf_root tile"],
      ["01_1", "Segment tile"],
      ["01_2", "Email tile"],
    ]);
  });

  it("CSV: a header and one row per journey that a CSV reader gives back, formulas defused", () => {
    const rows = parseCsv(inventoryCsv([journey, journey], words));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual(CSV_FIELDS.map((field) => field.toUpperCase()));
    const cells = Object.fromEntries(CSV_FIELDS.map((field, i) => [field, rows[1][i]]));
    expect(cells).toMatchObject({
      name: record.msdyncrm_name,
      status: "Live",
      lastCheck: "verdict Warning",
      warnings: "1",
      tiles: "3",
      segments: `VIP, Berlin (${SEGMENT})`,
      emails: `'=HYPERLINK("x") (${EMAIL})`,
    });
  });

  it("a cell a spreadsheet would run as a formula starts with an apostrophe", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"])
      expect(csvCell(`${start}1+1`).replace(/^"/, "")).toMatch(/^'/);
    expect(csvCell("a=1")).toBe("a=1");
  });

  it("any table of texts comes back from a CSV reader as it went in (formula starts aside)", () => {
    const cell = fc.string({ unit: "binary" }).filter((text) => !/^[=+\-@\t\r]/.test(text));
    const table = fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 });
    fc.assert(fc.property(table, (rows) => expect(parseCsv(toCsv(rows))).toEqual(rows)));
  });
});
