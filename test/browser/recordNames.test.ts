import assert from "node:assert/strict";
import { test } from "node:test";
import type { Locator, Page } from "playwright-core";
import { SEED_IDS } from "../../harness/seed/seedData";
import { axeViolations, createJourney, useBrowserHarness, withScreenshots } from "./testing/browserHarness";
import { JourneyPage } from "./testing/journeyPage";

const suite = useBrowserHarness();

/** The seeded draft segment: in the org it is "New prospects (draft)", not live. */
const DRAFT_SEGMENT = SEED_IDS.segments.draft;
const DRAFT_SEGMENT_NAME = "New prospects (draft)";
/** A segment id the org has no row for. */
const UNKNOWN_SEGMENT = "9e4a7c10-0000-4000-8000-0000000000aa";

/**
 * Segment tile (the draft segment and the unknown one) → email tile (a live email). The tile items' names are
 * not the org's, so a name in a finding can only come from the org.
 */
const TILES = [
  { ActivityTypeId: "bpf_root", ActivityId: "01", Properties: { Items: [] } },
  {
    ActivityTypeId: "Segment",
    ParentActivityId: "01",
    ActivityId: "01_0",
    Properties: {
      Items: [
        { ActivityTypeId: "SegmentItem", ItemId: DRAFT_SEGMENT, Name: "Audience A" },
        { ActivityTypeId: "SegmentItem", ItemId: UNKNOWN_SEGMENT, Name: "Audience B" },
      ],
    },
  },
  {
    ActivityTypeId: "Email",
    ParentActivityId: "01_0",
    ActivityId: "01_1",
    Properties: { Items: [{ ActivityTypeId: "Email", ItemId: SEED_IDS.emails.relationshipTest, Name: "Mail" }] },
  },
];

/** The error-check panel, by its title in the page's language. */
const PANEL_TITLES = { "1033": "Error check", "1031": "Fehlerprüfung" };
type Lang = keyof typeof PANEL_TITLES;

/** Opens a new journey referring to the draft and the unknown segment, runs Check for errors and waits for the names; answers the panel. */
async function checkedPanel(page: Page, url: string, lang: Lang = "1033"): Promise<Locator> {
  const id = await createJourney(url, "Names and links", TILES);
  const journey = await JourneyPage.open(page, url, id, { lang });
  await journey.action("check").click();
  await journey.idle();
  const panel = journey.control.locator(`section[aria-label="${PANEL_TITLES[lang]}"]`);
  await panel.getByRole("button", { name: DRAFT_SEGMENT_NAME, exact: true }).waitFor();
  return panel;
}

/** The panel's text without the bidi isolates around user text. */
async function textOf(panel: Locator): Promise<string> {
  return ((await panel.textContent()) ?? "").replace(/[\u2066-\u2069]/g, "");
}

/** Waits until the page is the form of the draft segment (the harness's Xrm.Navigation.openForm navigates there). */
async function waitForSegmentForm(page: Page): Promise<void> {
  await page.waitForURL(
    (target) =>
      target.pathname === "/main.aspx" &&
      target.searchParams.get("etn") === "msdyncrm_segment" &&
      target.searchParams.get("id") === DRAFT_SEGMENT,
  );
}

test("a finding names the segment it is about, its link opens that segment; an unknown id is marked not found; axe finds nothing", (t) =>
  withScreenshots(t, suite, async ({ page, url, pageErrors }) => {
    const panel = await checkedPanel(page, url);
    const text = await textOf(panel);
    assert.match(text, /The segment New prospects \(draft\) is not live\./);
    assert.ok(!text.includes(DRAFT_SEGMENT), `the draft segment's id is not shown: ${text}`);
    assert.ok(text.includes(`${UNKNOWN_SEGMENT} (not found)`), `the unknown id is marked: ${text}`);
    // A record that does not exist has no form to open: its marked id is no link.
    assert.equal(await panel.locator(".ms-Link", { hasText: UNKNOWN_SEGMENT }).count(), 0);
    assert.deepEqual(await axeViolations(page), [], "the panel with record links");

    await panel.getByRole("button", { name: DRAFT_SEGMENT_NAME, exact: true }).click();
    await waitForSegmentForm(page);
    assert.deepEqual(pageErrors, []);
  }));

test("Copy details names the segment beside its id, and marks the unknown one", (t) =>
  withScreenshots(t, suite, async ({ page, url, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: url });
    const panel = await checkedPanel(page, url);
    await panel.getByRole("button", { name: "Copy details" }).click();
    await panel.getByText("The details are on the clipboard.").waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(copied.includes(`${DRAFT_SEGMENT_NAME} (${DRAFT_SEGMENT})`), copied);
    assert.ok(copied.includes(`${UNKNOWN_SEGMENT} (not found)`), copied);
  }));

test("keyboard only: Tab reaches the panel's findings, the arrow keys the segment's link, Enter opens the segment", (t) =>
  withScreenshots(t, suite, async ({ page, url, pageErrors }) => {
    await checkedPanel(page, url);
    /** What has the focus within the panel: "entry" (a finding), the text of a link, or null (outside). */
    const focusedInPanel = () =>
      page.evaluate(() => {
        const focused = document.activeElement;
        const panel = document.querySelector('section[aria-label="Error check"]');
        if (!focused || !panel?.contains(focused)) return null;
        return focused.classList.contains("ms-Link") ? focused.textContent : focused.className;
      });
    let presses = 0;
    while ((await focusedInPanel()) !== "cjt-entry" && presses++ < 60) await page.keyboard.press("Tab");
    assert.equal(await focusedInPanel(), "cjt-entry", "Tab reaches the first finding");
    // The findings are one tab stop (a vertical focus zone): the arrow keys move within, onto the links too.
    presses = 0;
    while ((await focusedInPanel()) !== DRAFT_SEGMENT_NAME && presses++ < 6) await page.keyboard.press("ArrowDown");
    assert.equal(await focusedInPanel(), DRAFT_SEGMENT_NAME, "the arrow keys reach the link");
    await page.keyboard.press("Enter");
    await waitForSegmentForm(page);
    assert.deepEqual(pageErrors, []);
  }));

test("German: the finding names the segment and the unknown id is marked „nicht gefunden“", (t) =>
  withScreenshots(t, suite, async ({ page, url, pageErrors }) => {
    const text = await textOf(await checkedPanel(page, url, "1031"));
    assert.match(text, /Das Segment New prospects \(draft\) ist nicht live\./);
    assert.ok(text.includes(`${UNKNOWN_SEGMENT} (nicht gefunden)`), `the unknown id is marked in German: ${text}`);
    assert.ok(!text.includes("(not found)"), "no English marker");
    assert.deepEqual(pageErrors, []);
  }));
