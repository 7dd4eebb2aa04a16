import type { StoreData } from "../webapi/store";

/** Ids of the seeded rows: the seed page's own ids where it names them, stable made-up ones otherwise. */
export const SEED_IDS = {
  users: {
    current: "d0e20c01-d6c6-480f-aab5-0fa6749565a5",
    colleague: "7b1c9a60-3e2d-4c8a-9f51-2a6d0c4e8b11",
    service: "5c3e0f2a-9d8b-4e71-a6c4-0b2f1e3d4c50",
  },
  contentSettings: "1922b1d8-0523-e911-a9ba-000d3a1e689f",
  segments: {
    createSample: "24db2671-1529-e911-a9b7-000d3a1e6adc",
    validateSample: "056bbe66-f025-e911-a9ba-000d3a1e689f",
    suppression: "544a3e20-9b23-e911-a9b6-000d3a1e6c14",
    suppressionOld: "a02c08dd-a92a-e911-a9b9-000d3a1e6b71",
    draft: "3f1d2c4b-0000-4000-8000-000000000101",
  },
  emails: {
    relationshipTest: "15bd0ab8-c12a-e911-a9b6-000d3a1e6c14",
    draft: "3f1d2c4b-0000-4000-8000-000000000201",
  },
  journeys: {
    simpleEmailSample: "3f1d2c4b-0000-4000-8000-000000001001",
    seedPatch: "8aee9d91-8c2b-e911-a9b7-000d3a1e6adc",
    seedDelete: "b6faa2b7-b92b-e911-8185-000d3af9d16a",
    seedValidate: "6628bbf7-c52a-e911-a9b7-000d3a1e6adc",
    live: "3f1d2c4b-0000-4000-8000-000000001002",
    stopped: "3f1d2c4b-0000-4000-8000-000000001003",
    liveEditable: "3f1d2c4b-0000-4000-8000-000000001004",
    expired: "3f1d2c4b-0000-4000-8000-000000001005",
    error: "3f1d2c4b-0000-4000-8000-000000001006",
    goingLive: "3f1d2c4b-0000-4000-8000-000000001007",
    stopping: "3f1d2c4b-0000-4000-8000-000000001008",
    failsGoLive: "3f1d2c4b-0000-4000-8000-000000001009",
    large: "3f1d2c4b-0000-4000-8000-000000001010",
    scriptName: "3f1d2c4b-0000-4000-8000-000000001011",
    brokenDefinition: "3f1d2c4b-0000-4000-8000-000000001012",
  },
} as const;

export const LARGE_JOURNEY_TILES = 300;
const SEEDED_AT = "2026-11-01T09:00:00Z";

interface TileSpec {
  type: string;
  id: string;
  parent?: string;
  branch?: number;
  items: Record<string, unknown>[];
}

function tile(spec: TileSpec): Record<string, unknown> {
  return {
    ActivityTypeId: spec.type,
    ...(spec.parent ? { ParentActivityId: spec.parent } : {}),
    ParentBranchId: spec.branch ?? 0,
    ParentRelationshipType: "Default",
    ActivityId: spec.id,
    Properties: { Items: spec.items },
    ...(spec.type === "bpf_root" ? {} : { EntityTarget: "contact" }),
  };
}

const rootTile = () =>
  tile({
    type: "bpf_root",
    id: "01",
    items: [
      {
        ItemId: null,
        ActivityTypeId: "bpf_root",
        Title: "Undefined",
        IsNameSystemDefined: true,
        Name: "New ActivityTypeName_bpf_root_TitleText",
        ActivityItemId: 0,
      },
    ],
  });

function segmentTile(segmentId: string, segmentName: string, firstItemId: number) {
  return tile({
    type: "Segment",
    id: "01_0",
    parent: "01",
    items: [
      {
        ItemId: null,
        ActivityTypeId: "Segment",
        Title: "Undefined",
        IsNameSystemDefined: true,
        Name: "New Segment group",
        ActivityItemId: firstItemId,
        SegmentMergeMethod: "Union",
      },
      {
        ItemId: segmentId,
        ActivityTypeId: "SegmentItem",
        Title: "Undefined",
        IsNameSystemDefined: true,
        Name: segmentName,
        ActivityItemId: firstItemId + 1,
        ContainmentMethod: "Inclusion",
        SegmentSourceType: "Segment",
        DciSegmentName: segmentName,
        SegmentDisplayName: segmentName,
        Description: "",
      },
    ],
  });
}

function emailTile(id: string, parent: string, branch: number, emailId: string, name: string, itemId: number) {
  return tile({
    type: "Email",
    id,
    parent,
    branch,
    items: [
      {
        ItemId: emailId,
        ActivityTypeId: "Email",
        Title: "Undefined",
        IsNameSystemDefined: true,
        Name: name,
        ActivityItemId: itemId,
      },
    ],
  });
}

/** Segment → email, the shape of the seed page's create body. */
export function simpleDefinition(
  segmentId: string,
  segmentName: string,
  emailId = SEED_IDS.emails.relationshipTest,
): string {
  return JSON.stringify([
    rootTile(),
    segmentTile(segmentId, segmentName, 23),
    emailTile("01_0_2", "01_0", 0, emailId, "Relationship test", 32),
  ]);
}

/** Segment, then three parallel chains of email tiles: `tiles` tiles in all, the same on every run. */
export function largeDefinition(tiles = LARGE_JOURNEY_TILES): string {
  const activities = [rootTile(), segmentTile(SEED_IDS.segments.createSample, "TC407937_DynamicSegment_2KZQ1p", 1)];
  const chains = 3;
  const lastOfChain: string[] = Array.from({ length: chains }, () => "01_0");
  for (let n = 0; activities.length < tiles; n++) {
    const chain = n % chains;
    const id = `01_0_${chain}_${Math.floor(n / chains)}`;
    const parent = lastOfChain[chain];
    activities.push(
      emailTile(id, parent, parent === "01_0" ? chain : 0, SEED_IDS.emails.relationshipTest, `Email ${n + 1}`, 100 + n),
    );
    lastOfChain[chain] = id;
  }
  return JSON.stringify(activities);
}

export const SEGMENT_2KZQ1P = "TC407937_DynamicSegment_2KZQ1p";

/** A journey row: the seed's defaults (Draft-like, a simple definition, unchecked) with `extra` on top. */
export function journey(
  id: string,
  name: string,
  statuscode: number,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    msdyncrm_customerjourneyid: id,
    msdyncrm_name: name,
    statuscode,
    statecode: statuscode === 192350004 ? 1 : 0,
    msdyncrm_startdatetime: "2027-01-05T09:00:00Z",
    msdyncrm_enddatetime: "2027-02-05T09:00:00Z",
    msdyncrm_workflowdefinition: simpleDefinition(SEED_IDS.segments.createSample, SEGMENT_2KZQ1P),
    msdyncrm_customerjourneydesignerstate: '{"NextActivityID":8,"NextActivityItemID":42}',
    msdyncrm_isrecurring: false,
    msdyncrm_recurrenceintervaldays: null,
    msdyncrm_recurrencecount: null,
    msgdpr_requiredconsent: 587030001,
    msdyncrm_entitytarget: 0,
    msdyncrm_customerjourneytimezone: 92,
    msdyncrm_type: 192350000,
    msdyncrm_validationresults: null,
    _msdyncrm_contentsettingsid_value: SEED_IDS.contentSettings,
    _msdyncrm_suppressionsegmentid_value: null,
    _ownerid_value: SEED_IDS.users.current,
    _createdby_value: SEED_IDS.users.current,
    _modifiedby_value: SEED_IDS.users.current,
    createdon: SEEDED_AT,
    modifiedon: SEEDED_AT,
    ...extra,
  };
}

const runningDates = { msdyncrm_startdatetime: "2026-11-01T09:00:00Z", msdyncrm_enddatetime: "2027-03-01T09:00:00Z" };
const VALID_RESULT = '{"ActivityValidationResults":[],"Result":"Valid"}';

const audited = (row: Record<string, unknown>) => ({
  createdon: SEEDED_AT,
  modifiedon: SEEDED_AT,
  _createdby_value: SEED_IDS.users.current,
  _modifiedby_value: SEED_IDS.users.current,
  ...row,
});

/** The rows the harness starts with (and returns to on POST /_harness/reset). */
export function seedData(): StoreData {
  const J = SEED_IDS.journeys;
  const S = SEED_IDS.segments;
  return {
    systemusers: [
      {
        systemuserid: SEED_IDS.users.current,
        fullname: "Alex Rivera",
        domainname: "alex.rivera@contoso.example",
        isdisabled: false,
      },
      {
        systemuserid: SEED_IDS.users.colleague,
        fullname: "Morgan Lee",
        domainname: "morgan.lee@contoso.example",
        isdisabled: false,
      },
      {
        systemuserid: SEED_IDS.users.service,
        fullname: "Marketing Service",
        domainname: "marketing.service@contoso.example",
        isdisabled: false,
      },
    ].map(audited),
    msdyncrm_contentsettingss: [
      {
        msdyncrm_contentsettingsid: SEED_IDS.contentSettings,
        msdyncrm_name: "Default content settings",
        statecode: 0,
        statuscode: 1,
      },
    ].map(audited),
    msdyncrm_segments: [
      { msdyncrm_segmentid: S.createSample, msdyncrm_segmentname: SEGMENT_2KZQ1P, statuscode: 192350001, statecode: 0 },
      {
        msdyncrm_segmentid: S.validateSample,
        msdyncrm_segmentname: "TC407937_DynamicSegment_bmkX5u",
        statuscode: 192350001,
        statecode: 0,
      },
      {
        msdyncrm_segmentid: S.suppression,
        msdyncrm_segmentname: "Suppression list",
        statuscode: 192350001,
        statecode: 0,
      },
      {
        msdyncrm_segmentid: S.suppressionOld,
        msdyncrm_segmentname: "Suppression list (2019)",
        statuscode: 192350001,
        statecode: 0,
      },
      {
        msdyncrm_segmentid: S.draft,
        msdyncrm_segmentname: "New prospects (draft)",
        statuscode: 192350000,
        statecode: 0,
      },
    ].map(audited),
    msdyncrm_marketingemails: [
      {
        msdyncrm_marketingemailid: SEED_IDS.emails.relationshipTest,
        msdyncrm_name: "Relationship test",
        statuscode: 192350001,
        statecode: 0,
      },
      {
        msdyncrm_marketingemailid: SEED_IDS.emails.draft,
        msdyncrm_name: "Welcome email (draft)",
        statuscode: 192350000,
        statecode: 0,
      },
    ].map(audited),
    msdyncrm_customerjourneys: [
      // The seed page's dates moved from 2019 to 2027 (the same days): the browser flows take it live.
      journey(J.simpleEmailSample, "Simple Email Sample", 192350000, {
        msdyncrm_startdatetime: "2027-02-09T11:29:00Z",
        msdyncrm_enddatetime: "2027-03-09T11:29:00Z",
      }),
      journey(J.seedPatch, "Spring newsletter", 192350000),
      journey(J.seedDelete, "Old test journey", 192350000),
      journey(J.seedValidate, "Sample Customer Journey", 192350000, {
        msdyncrm_startdatetime: "2019-02-08T11:48:00Z",
        msdyncrm_enddatetime: "2019-03-08T11:48:00Z",
        msdyncrm_workflowdefinition: simpleDefinition(S.validateSample, "TC407937_DynamicSegment_bmkX5u"),
        msdyncrm_isrecurring: true,
        msdyncrm_recurrenceintervaldays: 30,
        msdyncrm_recurrencecount: 3,
        _msdyncrm_suppressionsegmentid_value: S.suppression,
      }),
      journey(J.live, "Monthly newsletter", 192350001, { ...runningDates, msdyncrm_validationresults: VALID_RESULT }),
      journey(J.stopped, "Autumn campaign", 192350002, { ...runningDates, msdyncrm_validationresults: VALID_RESULT }),
      journey(J.liveEditable, "Product launch", 192350003, {
        ...runningDates,
        msdyncrm_validationresults: VALID_RESULT,
      }),
      journey(J.expired, "Summer sale 2025", 192350004, {
        msdyncrm_startdatetime: "2025-06-01T09:00:00Z",
        msdyncrm_enddatetime: "2025-08-31T09:00:00Z",
        msdyncrm_validationresults: VALID_RESULT,
      }),
      journey(J.error, "Webinar follow-up", 192350005, {
        ...runningDates,
        msdyncrm_workflowdefinition: simpleDefinition(S.draft, "New prospects (draft)"),
        msdyncrm_validationresults: `{"ActivityValidationResults":[{"ActivityId":"01_0","Fault":"ErrorSegmentNotLive","Result":"Error","ErrorMessageArguments":["${S.draft}"]}],"Result":"Error"}`,
      }),
      // Set to Going live by a colleague on Nov 1 and never picked up: the marketing service is gone.
      journey(J.goingLive, "Holiday greetings", 192350006, {
        ...runningDates,
        modifiedon: "2026-11-01T09:00:00Z",
        _modifiedby_value: SEED_IDS.users.colleague,
      }),
      journey(J.stopping, "Trade show invitations", 192350007, runningDates),
      journey(J.failsGoLive, "New prospects welcome", 192350000, {
        msdyncrm_workflowdefinition: simpleDefinition(S.draft, "New prospects (draft)"),
      }),
      journey(J.large, `Large journey (${LARGE_JOURNEY_TILES} tiles)`, 192350000, {
        msdyncrm_workflowdefinition: largeDefinition(),
      }),
      journey(J.scriptName, "<img src=x onerror=alert(1)>", 192350000),
      journey(J.brokenDefinition, "Broken definition", 192350000, {
        msdyncrm_workflowdefinition: '[{"ActivityTypeId":"bpf_root",',
      }),
    ],
  };
}
