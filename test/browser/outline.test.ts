import assert from "node:assert/strict";
import { test } from "node:test";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { createJourney, useBrowserHarness, withScreenshots } from "./testing/browserHarness";
import { JourneyPage } from "./testing/journeyPage";

const suite = useBrowserHarness();

const SEGMENT_ID = "24db2671-1529-e911-a9b7-000d3a1e6adc";
const EMAIL_ID = "15bd0ab8-c12a-e911-a9b6-000d3a1e6c14";

const tile = (id: string, type: string, parent: string | null, itemId: string | null = null) => ({
  ActivityTypeId: type,
  ...(parent === null ? {} : { ParentActivityId: parent }),
  ParentBranchId: 0,
  ParentRelationshipType: "Default",
  ActivityId: id,
  Properties: { Items: [{ ItemId: itemId, ActivityTypeId: type, Name: `${type} ${id}` }] },
});
const start = [
  tile("01", "bpf_root", null),
  {
    ...tile("01_0", "Segment", "01"),
    Properties: { Items: [{ ActivityTypeId: "SegmentItem", ItemId: SEGMENT_ID, Name: "Segment" }] },
  },
];
/**
 * A journey whose tiles hang one from the other, `depth` of them under the segment: ids 0, 1, … in base 36,
 * no type, so that 20,000 of them fit the column's 1,048,576 characters; the last one `last` if given.
 */
function chain(depth: number, last?: object): object[] {
  const links = Array.from({ length: depth }, (_, i) => ({
    ActivityId: i.toString(36),
    ParentActivityId: i === 0 ? "01_0" : (i - 1).toString(36),
  }));
  if (last) links[depth - 1] = { ...links[depth - 1], ...last };
  return [...start, ...links];
}

for (const depth of [2_000, 20_000]) {
  test(`a chain ${depth.toLocaleString("en-US")} tiles deep: the control renders with its status, actions and outline`, (t) =>
    withScreenshots(t, suite, async ({ page, url, pageErrors }) => {
      const id = await createJourney(url, `Chain of ${depth}`, chain(depth));
      const journey = await JourneyPage.open(page, url, id);
      assert.equal(await journey.statusLabel(), "Draft");
      assert.deepEqual(await journey.actionIds(), ["check", "goLive", "copy", "delete"]);
      const rows = journey.outline().locator("li");
      assert.equal(await rows.count(), 500);
      // Row 500 is the 499th tile of the chain, 500 levels down; deep rows keep the indentation of level 9.
      assert.equal(await rows.last().getAttribute("aria-level"), "500");
      assert.match((await rows.last().textContent()) ?? "", /Level 500$/);
      assert.equal(await rows.last().evaluate((row) => row.style.paddingLeft), "128px");
      await journey
        .outline()
        .getByRole("button", { name: `Show more tiles (${depth + 1 - 500} not shown)` })
        .click();
      assert.equal(await rows.count(), 1_000);
      assert.deepEqual(pageErrors, []);
    }));
}

test("a finding on a tile 20,000 down the chain: choosing it in the panel brings the tile into the outline, pressed", (t) =>
  withScreenshots(t, suite, async ({ page, url, pageErrors }) => {
    const id = await createJourney(url, "Deep finding", chain(20_000, { ActivityTypeId: "Email", Properties: {} }));
    const journey = await JourneyPage.open(page, url, id);
    await journey.action("check").click();
    await journey.idle();
    const deepest = (19_999).toString(36);
    const entry = journey.panel().locator(`button[data-activity-id="${deepest}"]`).first();
    assert.match((await entry.textContent()) ?? "", /EmailNotChosen/);
    await entry.click();
    const pressed = journey.outline().locator('button[aria-pressed="true"]');
    assert.equal(await pressed.getAttribute("data-activity-id"), deepest);
    assert.match((await pressed.textContent()) ?? "", /Level 20001/);
    assert.ok(await pressed.isVisible(), "scrolled into view");
    assert.equal(await journey.outline().locator("li").count(), 500);
    await journey.outline().getByRole("button", { name: "Show earlier tiles (19501 not shown)" }).waitFor();
    assert.deepEqual(pageErrors, []);
  }));

test("tiles that are each other's parent: the control renders, the outline shows them once, the check names the loop", (t) =>
  withScreenshots(t, suite, async ({ page, url, pageErrors }) => {
    const tiles = [...start, tile("a", "Email", "b", EMAIL_ID), tile("b", "Email", "a", EMAIL_ID)];
    tiles.push(tile("self", "Email", "self", EMAIL_ID));
    const id = await createJourney(url, "Looping tiles", tiles);
    const journey = await JourneyPage.open(page, url, id);
    assert.equal(await journey.statusLabel(), "Draft");
    assert.deepEqual(await journey.actionIds(), ["check", "goLive", "copy", "delete"]);
    assert.deepEqual(await journey.outline().locator("li button > span:first-child").allTextContents(), [
      "Segment",
      "Email a",
      "Email b",
      "Email self",
    ]);

    await journey.action("check").click();
    await journey.idle();
    const panelText = (await journey.panel().textContent()) ?? "";
    assert.match(panelText, /Tiles form a loop: a → b\./);
    assert.match(panelText, /Tiles form a loop: self\./);
    await journey.panel().locator('button[data-activity-id="a"]').first().click();
    assert.equal(await journey.outline().locator('button[aria-pressed="true"]').getAttribute("data-activity-id"), "a");
    assert.deepEqual(pageErrors, []);
  }));

test("a 100-email chain: each level indents one step further down to level 9, deeper rows stay there and say their level", (t) =>
  withScreenshots(t, suite, async ({ page, url, pageErrors }) => {
    const emails = Array.from({ length: 100 }, (_, i) => ({
      ...tile(`e${i}`, "Email", i === 0 ? "01_0" : `e${i - 1}`, EMAIL_ID),
    }));
    const id = await createJourney(url, "Chain of 100 emails", [...start, ...emails]);
    const journey = await JourneyPage.open(page, url, id);
    const tiles = journey.outline().locator("li button[data-activity-id]");
    assert.equal(await tiles.count(), 101);
    // Where each tile's text starts on screen, relative to the segment's.
    const lefts = await tiles.evaluateAll((buttons) => buttons.map((button) => button.getBoundingClientRect().left));
    const steps = lefts.slice(1).map((left, i) => Math.round(left - lefts[i]));
    assert.deepEqual(steps.slice(0, 8), [16, 16, 16, 16, 16, 16, 16, 16]);
    assert.deepEqual(new Set(steps.slice(8)), new Set([0]));
    assert.equal(await tiles.nth(7).textContent(), "Email e6(Email)");
    assert.equal(await tiles.nth(8).textContent(), "Email e7(Email)Level 9");
    assert.match((await tiles.nth(100).textContent()) ?? "", /Level 101$/);
    assert.deepEqual(pageErrors, []);
  }));

test("keyboard only: tab to the outline's filter and tree, collapse a subtree, filter and clear; axe finds nothing", (t) =>
  withScreenshots(t, suite, async ({ page, url, pageErrors }) => {
    // The segment, a trigger with a yes branch (one email) and a no branch (a chain of 60 emails).
    const tiles = [
      ...start,
      tile("t", "Trigger", "01_0"),
      { ...tile("y", "Email", "t", EMAIL_ID), ParentRelationshipType: "yesBranch" },
      ...Array.from({ length: 60 }, (_, i) => ({
        ...tile(`n${i}`, "Email", i === 0 ? "t" : `n${i - 1}`, EMAIL_ID),
        ...(i === 0 ? { ParentBranchId: 1, ParentRelationshipType: "noBranch" } : {}),
      })),
    ];
    const id = await createJourney(url, "Keyboard outline", tiles);
    const journey = await JourneyPage.open(page, url, id);
    const outline = journey.outline();
    const rows = outline.locator("li");
    assert.equal(await rows.count(), 63);
    assert.equal(await outline.locator('button[data-activity-id="y"]').textContent(), "YesEmail y(Email)");
    assert.equal(await outline.locator('button[data-activity-id="n0"]').textContent(), "NoEmail n0(Email)");
    assert.deepEqual(await axeViolations(page), [], "outline with toggles and the filter box");

    const focusedIn = () =>
      page.evaluate(() => {
        const section = document.querySelector('section[aria-label="Journey outline"]');
        const focused = document.activeElement;
        return focused && section?.contains(focused) ? focused.outerHTML.slice(0, 80) : null;
      });
    let presses = 0;
    while ((await focusedIn()) === null && presses++ < 200) await page.keyboard.press("Tab");
    assert.match((await focusedIn()) ?? "", /^<input/, "the filter box is the outline's first tab stop");
    await page.keyboard.press("Tab");
    // The tree is one tab stop: its first row's toggle (the segment's); the arrow keys move within.
    assert.match((await focusedIn()) ?? "", /aria-expanded="true"/);
    await page.keyboard.press("ArrowDown");
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute("aria-label")),
      "Tiles under Trigger t",
    );
    await page.keyboard.press("Enter");
    assert.equal(await rows.count(), 2, "the trigger's subtree is collapsed");
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("aria-expanded")), "false");
    await page.keyboard.press("Space");
    assert.equal(await rows.count(), 63, "and expanded again");
    await page.keyboard.press("Enter");
    assert.equal(await rows.count(), 2);

    await page.keyboard.press("Shift+Tab");
    assert.match((await focusedIn()) ?? "", /^<input/);
    await page.keyboard.type("n59");
    // The match under its ancestors, whatever is collapsed: segment, trigger, the no branch's chain.
    assert.equal(await rows.count(), 62);
    assert.equal(await rows.last().locator("button[data-activity-id]").getAttribute("data-activity-id"), "n59");
    await page.keyboard.type("x");
    await outline.getByText("No tiles match the filter.").waitFor();
    await page.keyboard.press("Escape");
    assert.equal(await rows.count(), 2, "clearing the filter restores the outline as it was");
    assert.deepEqual(await axeViolations(page), [], "collapsed");
    assert.deepEqual(pageErrors, []);
  }));

async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include('section[aria-label="Journey outline"]').analyze();
  if (result.passes.length === 0) throw new Error("axe checked nothing: is the outline on the page?");
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}
