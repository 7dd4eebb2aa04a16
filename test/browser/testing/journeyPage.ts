import type { Locator, Page } from "playwright-core";
import { eventually, WAIT_MS } from "./browserHarness";

export const JOURNEY_ENTITY = "msdyncrm_customerjourney";

export function formUrl(base: string, id: string, query: Record<string, string> = {}): string {
  const params = new URLSearchParams({ pagetype: "entityrecord", etn: JOURNEY_ENTITY, id, ...query });
  return `${base}/main.aspx?${params.toString()}`;
}

/** The journey form page with the control, as a user sees it. */
export class JourneyPage {
  readonly control: Locator;

  /** `controlField`: where the control sits (the header's instance: "#header-control-field"). */
  constructor(
    readonly page: Page,
    controlField = "#control-field",
  ) {
    this.control = page.locator(controlField);
  }

  /** Opens the form and waits until the form and the control have loaded the journey. */
  static async open(page: Page, base: string, id: string, query: Record<string, string> = {}): Promise<JourneyPage> {
    await page.goto(formUrl(base, id, query));
    const journey = new JourneyPage(page);
    await journey.loaded();
    return journey;
  }

  /** Opens the form in a new tab with window.open from `opener` (no noopener: the tab shares its opener's session storage). */
  static async openFrom(
    opener: Page,
    base: string,
    id: string,
    query: Record<string, string> = {},
  ): Promise<JourneyPage> {
    const [tab] = await Promise.all([
      opener.context().waitForEvent("page"),
      opener.evaluate((href) => void window.open(href), formUrl(base, id, query)),
    ]);
    const journey = new JourneyPage(tab);
    await journey.loaded();
    return journey;
  }

  async loaded(): Promise<void> {
    await this.page.locator('#form-root[aria-busy="false"]').waitFor({ state: "attached" });
    await this.control.locator('[role="group"] [data-action]').first().waitFor();
  }

  action(id: string): Locator {
    return this.control.locator(`button[data-action="${id}"]`);
  }

  /** The button's visible label (its text without the icon glyph). */
  async actionLabel(id: string): Promise<string> {
    return (await this.action(id).locator(".ms-Button-label").textContent()) ?? "";
  }

  async actionIds(): Promise<string[]> {
    return this.control
      .locator("button[data-action]")
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute("data-action") ?? ""));
  }

  /** The status code the control shows (its badge). */
  async statusCode(): Promise<number> {
    return Number(await this.control.locator("span[data-status]").first().getAttribute("data-status"));
  }

  async statusLabel(): Promise<string> {
    return (await this.control.locator("span[data-status]").first().textContent()) ?? "";
  }

  /** Waits until the control shows `status`; collects every status it showed on the way. */
  async waitForStatus(status: number, timeoutMs = WAIT_MS, seen: number[] = []): Promise<number[]> {
    await eventually(
      `status ${status}`,
      async () => {
        const code = await this.statusCode().catch(() => NaN);
        if (!Number.isNaN(code) && seen[seen.length - 1] !== code) seen.push(code);
        return code;
      },
      (code) => code === status,
      timeoutMs,
    );
    return seen;
  }

  /** Waits until no action is running (every action button enabled again or the bar settled). */
  async idle(): Promise<void> {
    await eventually(
      "the action bar to be idle",
      () => this.control.locator("button[data-action] .ms-Spinner").count(),
      (count) => count === 0,
    );
  }

  verdict(): Locator {
    return this.control.locator('[data-testid="verdict"]');
  }

  panel(): Locator {
    return this.control.locator('section[aria-label="Error check"]');
  }

  outline(): Locator {
    return this.control.locator('section[aria-label="Journey outline"]');
  }

  banner(kind: string): Locator {
    return this.control.locator(`[data-banner="${kind}"]`);
  }

  banners(): Locator {
    return this.control.locator("[data-banner]");
  }

  liveRegion(): Locator {
    return this.control.locator('[data-testid="live-region"]');
  }

  /** The Fluent confirm dialog (rendered in a layer outside the control's container). */
  confirmDialog(): Locator {
    return this.page
      .locator('.ms-Dialog-main[role="dialog"], .ms-Dialog-main [role="dialog"], [role="alertdialog"]')
      .first();
  }

  async confirm(label: string): Promise<void> {
    const dialog = this.page.locator(".ms-Dialog-main");
    await dialog.waitFor();
    await dialog.getByRole("button", { name: label, exact: true }).click();
    await dialog.waitFor({ state: "detached" });
  }

  // ---- the form around the control ----

  field(name: string): Locator {
    return this.page.locator(`#field-${name}`);
  }

  async setField(name: string, value: string): Promise<void> {
    const input = this.field(name);
    const tag = await input.evaluate((element) => element.tagName.toLowerCase());
    const type = await input.getAttribute("type");
    if (tag === "select") await input.selectOption(value);
    else if (type === "checkbox") await input.setChecked(value === "true");
    else {
      await input.fill(value);
      await input.dispatchEvent("change");
    }
  }

  /** On the Simple Email Sample: makes the form's recurrence not fit its dates (every 30 days, 3 times, into 9 Feb – 9 Mar), unsaved. */
  async breakRecurrence(): Promise<void> {
    await this.setField("msdyncrm_isrecurring", "true");
    await this.setField("msdyncrm_recurrenceintervaldays", "30");
    await this.setField("msdyncrm_recurrencecount", "3");
  }

  async save(): Promise<void> {
    await this.page.locator("#cmd-save").click();
  }

  formNotifications(): Locator {
    return this.page.locator("#form-notifications .notification");
  }

  async title(): Promise<string> {
    return (await this.page.locator("#record-title").textContent()) ?? "";
  }
}

export { WAIT_MS };
