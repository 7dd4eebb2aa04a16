import { localFinding } from "./faultCatalogue";
import { recordArgument, recordKey, referencedRecords, tileRecords } from "./recordReferences";
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
  it("reads a segment or email fault's first argument as the record's id, braces and case as the org keeps it", () => {
    expect(recordArgument(server("ErrorSegmentNotLive", [`{${SEGMENT.toUpperCase()}}`]), 0)).toEqual({
      table: "msdyncrm_segment",
      id: SEGMENT,
    });
    expect(recordArgument(server("ErrorEmailNotFound", [EMAIL]), 0)).toEqual({
      table: "msdyncrm_marketingemail",
      id: EMAIL,
    });
    expect(recordArgument(server("ErrorContentSettingsNotFound", [EMAIL], ""), 0)?.table).toBe(
      "msdyncrm_contentsettings",
    );
  });

  it("reads no other argument, no other fault and no argument that is not a GUID as a record", () => {
    expect(recordArgument(server("ErrorSegmentNotLive", [SEGMENT, EMAIL]), 1)).toBeUndefined();
    expect(recordArgument(localFinding("DefaultBranchUnderTrigger", "t", [SEGMENT]), 0)).toBeUndefined();
    expect(recordArgument(server("constructor", [SEGMENT]), 0)).toBeUndefined();
    expect(recordArgument(server("ErrorSegmentNotLive", ["Prospects"]), 0)).toBeUndefined();
    expect(recordArgument(server("ErrorSegmentNotLive", []), 0)).toBeUndefined();
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
    expect(records.map(recordKey)).toEqual([
      `msdyncrm_segment:${SEGMENT}`,
      "msdyncrm_contentsettings:1922b1d8-0523-e911-a9ba-000d3a1e689f",
      `msdyncrm_marketingemail:${EMAIL}`,
    ]);
  });
});
