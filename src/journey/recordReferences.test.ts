import { localFinding } from "./faultCatalogue";
import { entryRecord, referencedRecords, tileRecords } from "./recordReferences";
import type { ValidationEntry } from "./types";
import { parseDefinition } from "./workflowDefinition";

const SEGMENT = "3f1d2c4b-0000-4000-8000-000000000101";
const EMAIL = "3f1d2c4b-0000-4000-8000-000000000201";

const server = (fault: string, args: string[], activityId = "01_0"): ValidationEntry => ({
  activityId,
  fault,
  severity: "Error",
  args,
  source: "server",
});

const definition = JSON.stringify([
  { ActivityTypeId: "bpf_root", ActivityId: "01", Properties: { Items: [{ ActivityTypeId: "bpf_root" }] } },
  {
    ActivityTypeId: "Segment",
    ActivityId: "01_0",
    ParentActivityId: "01",
    Properties: {
      Items: [
        { ActivityTypeId: "Segment", ItemId: null, Name: "Group" },
        { ActivityTypeId: "SegmentItem", ItemId: `{${SEGMENT.toUpperCase()}}`, Name: "Prospects" },
      ],
    },
  },
  {
    ActivityTypeId: "Email",
    ActivityId: "01_0_1",
    ParentActivityId: "01_0",
    Properties: { Items: [{ ActivityTypeId: "Email", ItemId: EMAIL, Name: "Welcome" }] },
  },
  // A landing page's item is no email, though it has an ItemId.
  {
    ActivityTypeId: "LandingPage",
    ActivityId: "01_0_2",
    ParentActivityId: "01_0",
    Properties: { Items: [{ ActivityTypeId: "Email", ItemId: "aaaaaaaa-0000-4000-8000-000000000001" }] },
  },
]);

describe("record references", () => {
  it("reads a segment, email or content settings fault's first argument as the record's id, braces and case as the org keeps it", () => {
    expect(entryRecord(server("ErrorSegmentNotLive", [`{${SEGMENT.toUpperCase()}}`]))).toEqual({
      table: "msdyncrm_segment",
      id: SEGMENT,
    });
    expect(entryRecord(server("ErrorEmailNotFound", [EMAIL]))).toEqual({
      table: "msdyncrm_marketingemail",
      id: EMAIL,
    });
    expect(entryRecord(server("ErrorContentSettingsNotFound", [EMAIL], ""))?.table).toBe("msdyncrm_contentsettings");
  });

  it("reads no other fault and no argument that is not a GUID as a record", () => {
    expect(entryRecord(server("DuplicateActivityItemId", ["4", SEGMENT]))).toBeUndefined();
    expect(entryRecord(localFinding("DefaultBranchUnderTrigger", "t", [SEGMENT]))).toBeUndefined();
    expect(entryRecord(server("constructor", [SEGMENT]))).toBeUndefined();
    expect(entryRecord(server("ErrorSegmentNotLive", ["Prospects"]))).toBeUndefined();
    expect(entryRecord(server("ErrorSegmentNotLive", []))).toBeUndefined();
  });

  it("gives a tile's segments and an email tile's emails, and nothing of other tiles", () => {
    const parsed = parseDefinition(definition);
    expect(parsed.tiles.map((tile) => tileRecords(tile))).toEqual([
      [],
      [{ table: "msdyncrm_segment", id: SEGMENT }],
      [{ table: "msdyncrm_marketingemail", id: EMAIL }],
      [],
    ]);
  });

  it("lists every record of the findings and the tiles once", () => {
    const parsed = parseDefinition(definition);
    const records = referencedRecords(
      [
        server("ErrorSegmentNotLive", [SEGMENT.toUpperCase()]),
        server("ErrorContentSettingsNotFound", ["1922b1d8-0523-e911-a9ba-000d3a1e689f"], ""),
      ],
      parsed,
    );
    expect(records).toEqual([
      { table: "msdyncrm_segment", id: SEGMENT },
      { table: "msdyncrm_contentsettings", id: "1922b1d8-0523-e911-a9ba-000d3a1e689f" },
      { table: "msdyncrm_marketingemail", id: EMAIL },
    ]);
  });
});
