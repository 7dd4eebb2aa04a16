import type { Locator, Page } from "playwright-core";
import type { LogEntry } from "../../../harness/faults";
import { API } from "./browserHarness";

export { mostInFlight } from "../../../harness/faults";

/** The journeys view page of the harness; `&lang=`, `&privileges=` as the form page takes them. */
export const viewUrl = (base: string, query = "") => `${base}/journeys${query ? `?${query}` : ""}`;

/** Reseeds the org with `journeys` generated journeys beside the seeded ones (POST /_harness/reset). */
export async function reseed(url: string, journeys: number): Promise<void> {
  const response = await fetch(`${url}/_harness/reset`, { method: "POST", body: JSON.stringify({ journeys }) });
  if (!response.ok) throw new Error(`Reset with ${journeys} journeys failed: ${response.status}`);
}

export type Journey = Record<string, unknown> & { msdyncrm_customerjourneyid: string; statuscode: number };

/** Every journey of the org as the Web API gives it. */
export async function allJourneys(url: string): Promise<Journey[]> {
  const response = await fetch(`${url}${API}msdyncrm_customerjourneys`);
  return ((await response.json()) as { value: Journey[] }).value;
}

/** The harness's log of Web API requests, each with when it arrived and how long it took. */
export async function timedLog(url: string): Promise<LogEntry[]> {
  const entries = (await (await fetch(`${url}/_harness/log`)).json()) as LogEntry[];
  return entries.filter((entry) => entry.path.startsWith("/api/"));
}

/** The view control on the page: its rows, chips and bulk bar, found by what the control marks them with. */
export class JourneysViewPage {
  constructor(readonly page: Page) {}

  /** Opens the view in a window tall enough for the list to render every row it holds (it is virtualised). */
  async open(url: string, query = ""): Promise<void> {
    await this.page.setViewportSize({ width: 1280, height: 3000 });
    await this.page.goto(viewUrl(url, query));
    await this.page.locator("#view-root[aria-busy=false]").waitFor();
    await this.page.locator("[data-journey]").first().waitFor();
  }

  get control(): Locator {
    return this.page.locator("#view-control");
  }

  /** The list's row of a journey. */
  row(id: string): Locator {
    return this.page.locator(".ms-DetailsRow", { has: this.page.locator(`[data-journey="${id}"]`) });
  }

  /** The ids of the rows the list shows, in order. */
  async shownIds(): Promise<string[]> {
    return this.page
      .locator("[data-journey]")
      .evaluateAll((links) => links.map((link) => link.getAttribute("data-journey") ?? ""));
  }

  chip(filter: string): Locator {
    return this.page.locator(`button[data-filter="${filter}"]`);
  }

  bulk(action: string): Locator {
    return this.page.locator(`button[data-bulk="${action}"]`);
  }

  /** Ticks the rows' selection checkboxes (as a mouse user would, one after the other). */
  async select(ids: readonly string[]): Promise<void> {
    for (const id of ids) await this.row(id).getByRole("checkbox").click();
  }

  result(id: string): Locator {
    return this.row(id).locator("[data-result]");
  }

  /** The control's confirmation (a Fluent dialog in its own layer). */
  dialog(): Locator {
    return this.page.locator('[role="dialog"], [role="alertdialog"]').filter({ hasText: /\S/ });
  }

  async waitFinished(timeout = 30_000): Promise<void> {
    await this.page.locator('[data-progress="finished"]').waitFor({ timeout });
  }
}
