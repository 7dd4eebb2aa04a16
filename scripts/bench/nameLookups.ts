// The name lookups' figure for `npm run bench`: in Chromium, on the form page against the emulated org, the requests
// one Check for errors makes for a journey that refers to 10 draft segments and 10 draft emails (20 findings, each
// naming its record), counted from the harness's request log.
import { seedData, SEED_IDS } from "../../harness/seed/seedData";
import { startHarness } from "../../harness/server";
import { launchChromium } from "./chromium";

const RECORDS = 10;
const DRAFT = 192350000;
const id = (kind: "5e" | "e0", n: number) => `3f1d2c4b-0000-4000-8000-0000${kind}${String(n).padStart(6, "0")}`;
const segmentName = (n: number) => `Bench segment ${n}`;
const emailName = (n: number) => `Bench email ${n}`;

/** The seed plus the draft segments and emails, and the Spring newsletter journey refers to all of them: one segment tile, then a chain of email tiles. */
function seedWithRecords() {
  const data = seedData();
  const numbers = Array.from({ length: RECORDS }, (_, i) => i + 1);
  const [segment] = data.msdyncrm_segments;
  const [email] = data.msdyncrm_marketingemails;
  data.msdyncrm_segments.push(
    ...numbers.map((n) => ({
      ...segment,
      msdyncrm_segmentid: id("5e", n),
      msdyncrm_segmentname: segmentName(n),
      statuscode: DRAFT,
    })),
  );
  data.msdyncrm_marketingemails.push(
    ...numbers.map((n) => ({
      ...email,
      msdyncrm_marketingemailid: id("e0", n),
      msdyncrm_name: emailName(n),
      statuscode: DRAFT,
    })),
  );
  // Item names that are not the records' names: the ones the panel shows come from the lookups.
  const tiles = [
    { ActivityTypeId: "bpf_root", ActivityId: "01", Properties: { Items: [] } },
    {
      ActivityTypeId: "Segment",
      ParentActivityId: "01",
      ActivityId: "01_0",
      Properties: {
        Items: numbers.map((n) => ({ ActivityTypeId: "SegmentItem", ItemId: id("5e", n), Name: `Audience ${n}` })),
      },
    },
    ...numbers.map((n) => ({
      ActivityTypeId: "Email",
      ParentActivityId: n === 1 ? "01_0" : `e${n - 1}`,
      ActivityId: `e${n}`,
      Properties: { Items: [{ ActivityTypeId: "Email", ItemId: id("e0", n), Name: `Message ${n}` }] },
    })),
  ];
  const journey = data.msdyncrm_customerjourneys.find(
    (row) => row.msdyncrm_customerjourneyid === SEED_IDS.journeys.seedPatch,
  );
  if (!journey) throw new Error("The seed has no Spring newsletter journey.");
  journey.msdyncrm_workflowdefinition = JSON.stringify(tiles);
  return data;
}

interface LogEntry {
  method: string;
  path: string;
}

/**
 * The requests by what they are: the validate action, a name lookup of one table (a `$filter` by id; the form's own
 * lists of segments and content settings have none), or anything else.
 */
function countByKind(entries: LogEntry[]) {
  const counts = { validate: 0, segmentLookups: 0, emailLookups: 0, other: [] as string[] };
  for (const { method, path } of entries) {
    const [resource, query = ""] = decodeURIComponent(path.replace(/^\/api\/data\/v[\d.]+\//, "")).split("?");
    const lookup = method === "GET" && query.includes("$filter=");
    if (method === "POST" && resource === "msdyncrm_CustomerJourneyValidate") counts.validate += 1;
    else if (lookup && resource === "msdyncrm_segments") counts.segmentLookups += 1;
    else if (lookup && resource === "msdyncrm_marketingemails") counts.emailLookups += 1;
    else counts.other.push(`${method} ${resource.replace(/\(.*/, "")}`);
  }
  return counts;
}

export async function nameLookups(root: string): Promise<unknown> {
  const harness = await startHarness({ port: 0, rootDir: root, seed: seedWithRecords() });
  const browser = await launchChromium();
  const apiLog = async () =>
    ((await (await fetch(`${harness.url}/_harness/log`)).json()) as LogEntry[]).filter((e) =>
      e.path.startsWith("/api/"),
    );
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    page.setDefaultTimeout(30_000);
    const query = new URLSearchParams({
      pagetype: "entityrecord",
      etn: "msdyncrm_customerjourney",
      id: SEED_IDS.journeys.seedPatch,
    });
    await page.goto(`${harness.url}/main.aspx?${query.toString()}`);
    await page.locator('#form-root[aria-busy="false"]').waitFor({ state: "attached" });
    const control = page.locator("#control-field");
    // Opened: the outline names the tiles' records (the lookups on open), before the check.
    await control
      .getByRole("button", { name: segmentName(RECORDS), exact: true })
      .first()
      .waitFor();
    await control
      .getByRole("button", { name: emailName(RECORDS), exact: true })
      .first()
      .waitFor();
    const onOpen = countByKind(await apiLog());

    await fetch(`${harness.url}/_harness/log`, { method: "DELETE" });
    await control.locator('button[data-action="check"]').click();
    const panel = control.locator('section[aria-label="Error check"]');
    for (const name of [segmentName(RECORDS), emailName(RECORDS)])
      await panel.getByRole("button", { name, exact: true }).waitFor();
    // Anything the check still sends after its names are shown counts too.
    await page.waitForTimeout(1_000);
    const findings = await panel.locator("button[data-activity-id]").count();
    return { segments: RECORDS, emails: RECORDS, findings, onOpen, check: countByKind(await apiLog()) };
  } finally {
    await browser.close();
    await harness.stop();
  }
}
