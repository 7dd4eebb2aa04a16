/** @jest-environment jsdom */
import { createElement } from "react";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { setIconOptions } from "@fluentui/react";
import { createJourneyService } from "../../dataverse/journeyService";
import { FakeWebApi, journeyRow } from "../../dataverse/testing/fakeWebApi";
import { parseValidationResponse } from "../../journey/validationResult";
import { parseCsv } from "../../journey/testing/csvParse";
import { JourneyStatus as S } from "../../journey/types";
import { createDateTimeFormatter } from "../dateFormat";
import { Privilege, type PrivilegeKind } from "../journeyControlProps";
import { resxStrings } from "../testing/resxStrings";
import type { ViewColumn } from "./datasetRows";
import { JourneysList } from "./JourneysList";
import { fakeDataset, type FakeDatasetOptions } from "./testing/fakeDataset";

setIconOptions({ disableWarnings: true });

const NOW = new Date("2030-01-15T12:00:00Z");
const inDays = (days: number) => new Date(NOW.getTime() + days * 86_400_000).toISOString();
const idOf = (n: number) => `c0000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const checked = (verdict: string) => JSON.stringify({ ActivityValidationResults: [], Result: verdict });

/** The seeded journeys: name → the row's values over a valid Draft's. */
const SEED: Record<string, Record<string, unknown>> = {
  "Spring sale": { statuscode: S.Live, msdyncrm_enddatetime: inDays(12), msdyncrm_validationresults: checked("Valid") },
  "Summer news": {
    statuscode: S.Live,
    msdyncrm_enddatetime: inDays(90),
    msdyncrm_validationresults: checked("Warning"),
  },
  "Autumn draft": { statuscode: S.Draft, msdyncrm_validationresults: checked("Error") },
  "Holiday greetings": { statuscode: S.GoingLive, modifiedon: inDays(-30) },
  Webinar: { statuscode: S.Live, msdyncrm_enddatetime: inDays(200) },
};

function setup(
  options: {
    hasPrivilege?: (privilege: PrivilegeKind) => boolean;
    dataset?: FakeDatasetOptions;
    /** How the services wait before trying a throttled request again; at once by default. */
    sleep?: () => Promise<void>;
  } = {},
) {
  const webApi = new FakeWebApi(journeyRow({ msdyncrm_customerjourneyid: idOf(99) }));
  webApi.rows.clear();
  const names = Object.keys(SEED);
  names.forEach((name, n) =>
    webApi.rows.set(idOf(n), journeyRow({ msdyncrm_customerjourneyid: idOf(n), msdyncrm_name: name, ...SEED[name] })),
  );
  const column = (row: Record<string, unknown>, name: ViewColumn) =>
    name.endsWith("datetime") || name === "modifiedon"
      ? row[name] && new Date(String(row[name]))
      : (row[name] as string | number | boolean | null);
  const dataset = fakeDataset(
    names.map((_, n) => {
      const row = webApi.rows.get(idOf(n)) as Record<string, unknown>;
      const values = Object.fromEntries(
        (
          [
            "msdyncrm_name",
            "statuscode",
            "msdyncrm_startdatetime",
            "msdyncrm_enddatetime",
            "msdyncrm_isrecurring",
            "msdyncrm_validationresults",
            "modifiedon",
          ] as ViewColumn[]
        ).map((name) => [name, column(row, name)]),
      );
      return { id: idOf(n), values, formatted: { modifiedby: "Nancy Anderson" } };
    }),
    options.dataset,
  );
  const timing = { sleep: options.sleep ?? (async () => undefined), random: () => 0.5 };
  const props = {
    dataset,
    getString: resxStrings(1033, "JourneysView").getString,
    languageId: 1033,
    formatDateTime: createDateTimeFormatter(1033, () => 0),
    hasPrivilege: options.hasPrivilege ?? (() => true),
    newService: () => createJourneyService({ webApi, timing, now: () => NOW }),
    webApi,
    allocatedHeight: 600,
    now: () => NOW,
  };
  const view = render(createElement(JourneysList, props));
  return { ...view, webApi, dataset, props };
}

const rowNames = () =>
  screen
    .queryAllByRole("row")
    .map((row) => row.querySelector("[data-journey]")?.textContent)
    .filter(Boolean);
const rowOf = (name: string) => screen.getByText(name).closest('[role="row"]') as HTMLElement;
// Queries by attribute: role queries over a Fluent list are slow in jsdom.
const select = (name: string) => fireEvent.click(rowOf(name).querySelector('[role="checkbox"]') as HTMLElement);
const BULK = {
  "Check for errors": "check",
  Stop: "stop",
  "Export as CSV": "exportCsv",
  "Export as JSON": "exportJson",
};
const bulkButton = (label: keyof typeof BULK) => {
  const button = document.querySelector(`[data-bulk="${BULK[label]}"]`) as HTMLElement;
  expect(button.textContent).toBe(label);
  return button;
};

describe("the journeys list", () => {
  test("shows each journey with its status, ends in N days, last check and the not-processed mark", () => {
    setup();
    expect(rowNames()).toEqual(Object.keys(SEED));
    const spring = rowOf("Spring sale");
    expect(within(spring).getByText("Live")).toBeTruthy();
    expect(within(spring).getByText("ends in 12 days")).toBeTruthy();
    expect(within(spring).getByText("No errors found")).toBeTruthy();
    expect(within(rowOf("Autumn draft")).getByText(/^Errors found/)).toBeTruthy();
    expect(within(rowOf("Webinar")).getByText("Not checked")).toBeTruthy();
    expect(within(rowOf("Holiday greetings")).getByText(/^Not processed since /)).toBeTruthy();
    expect(within(rowOf("Spring sale")).queryByText(/^Not processed since /)).toBeNull();
  });

  test("the column headers are the view's own; a column the view lacks has the control's name", () => {
    setup({ dataset: { viewColumns: ["msdyncrm_name", "statuscode"] } });
    const headers = screen.getAllByRole("columnheader").map((header) => header.textContent);
    expect(headers).toEqual(
      expect.arrayContaining(["View's msdyncrm_name", "View's statuscode", "End", "Last error check"]),
    );
  });

  test("a header click sorts through the dataset", () => {
    const { dataset } = setup();
    fireEvent.click(screen.getByText("View's msdyncrm_enddatetime"));
    expect(dataset.sorting).toEqual([{ name: "msdyncrm_enddatetime", sortDirection: 0 }]);
    expect(dataset.refresh).toHaveBeenCalled();
  });

  test("more pages load through the dataset's paging", () => {
    const { dataset } = setup({ dataset: { hasNextPage: true, totalResultCount: 12 } });
    fireEvent.click(screen.getByRole("button", { name: "Load more (5 of 12 shown)" }));
    expect(dataset.paging.loadNextPage).toHaveBeenCalled();
  });

  test("the name opens the journey", () => {
    const { dataset } = setup();
    fireEvent.click(screen.getByText("Summer news"));
    expect(dataset.openDatasetItem).toHaveBeenCalledWith(expect.objectContaining({ id: { guid: idOf(1) } }));
  });
});

describe("quick filters", () => {
  test("each chip shows its count and keeps only its journeys; a second click shows all again", () => {
    setup();
    const chip = (filter: string) => document.querySelector(`[data-filter="${filter}"]`) as HTMLElement;
    const expected: [string, string, string[]][] = [
      ["live", "Live (3)", ["Spring sale", "Summer news", "Webinar"]],
      ["endingSoon", "Live and ending within 30 days (1)", ["Spring sale"]],
      ["stuck", "Stuck (1)", ["Holiday greetings"]],
      ["hasErrors", "Has errors (1)", ["Autumn draft"]],
      ["notChecked", "Not checked (2)", ["Holiday greetings", "Webinar"]],
    ];
    for (const [filter, label, names] of expected) {
      expect(chip(filter).textContent).toBe(label);
      fireEvent.click(chip(filter));
      expect(chip(filter).getAttribute("aria-pressed")).toBe("true");
      expect(rowNames()).toEqual(names);
    }
    fireEvent.click(chip("notChecked"));
    expect(rowNames()).toHaveLength(5);
  });
});

describe("bulk actions", () => {
  test("without a selection every action says why it is disabled", () => {
    setup();
    expect(screen.getByText("No journeys selected")).toBeTruthy();
    for (const label of Object.keys(BULK) as (keyof typeof BULK)[]) {
      const button = bulkButton(label);
      expect(button.getAttribute("aria-disabled")).toBe("true");
      expect(document.getElementById(button.getAttribute("aria-describedby") ?? "")?.textContent).toContain(
        "Select one or more journeys first.",
      );
    }
  });

  test("a selection enables them and reaches the dataset; Stop says none is Live when none is", () => {
    const { dataset } = setup();
    select("Autumn draft");
    expect(screen.getByText("1 journey selected")).toBeTruthy();
    expect(dataset.setSelectedRecordIds).toHaveBeenLastCalledWith([idOf(2)]);
    expect(bulkButton("Check for errors").getAttribute("aria-disabled")).toBeNull();
    expect(bulkButton("Stop").getAttribute("aria-disabled")).toBe("true");
    expect(screen.getByText(/none of the selected is Live/)).toBeTruthy();
  });

  test("without write privilege Check and Stop say so; export stays", () => {
    setup({ hasPrivilege: (privilege) => privilege !== Privilege.Write });
    select("Spring sale");
    expect(bulkButton("Check for errors").getAttribute("aria-disabled")).toBe("true");
    expect(bulkButton("Stop").getAttribute("aria-disabled")).toBe("true");
    expect(screen.getAllByText("You don't have permission to change journeys.")).toHaveLength(2);
    expect(bulkButton("Export as CSV").getAttribute("aria-disabled")).toBeNull();
  });

  test("keyboard: Space selects the focused row, and Check for errors is reachable by focus and runs on it", async () => {
    const { webApi } = setup();
    const row = rowOf("Summer news");
    act(() => row.focus());
    fireEvent.keyDown(row, { key: " ", code: "Space", which: 32, keyCode: 32 });
    expect(screen.getByText("1 journey selected")).toBeTruthy();
    const check = bulkButton("Check for errors");
    act(() => check.focus());
    expect(document.activeElement).toBe(check);
    fireEvent.click(check);
    await screen.findByText(/^Finished: 1 of 1 succeeded/);
    expect(webApi.calls.filter((call) => call.method === "execute")).toHaveLength(1);
  });

  test("check for errors: progress, a verdict per row, results stored, the list refreshed", async () => {
    const { webApi, dataset } = setup();
    webApi.validate = async (request) => {
      const values = JSON.stringify(request);
      const { validateAnswer } = jest.requireActual("../../dataverse/testing/fakeWebApi");
      return values.includes("Summer news")
        ? validateAnswer("Error", [{ fault: "SegmentNotLive", severity: "Error", activityId: "01_1" }])
        : validateAnswer("Valid");
    };
    select("Spring sale");
    select("Summer news");
    fireEvent.click(bulkButton("Check for errors"));
    expect(screen.getByText(/^Checking for errors: \d of 2 done$/)).toBeTruthy();
    await screen.findByText("Finished: 2 of 2 succeeded. Each row says how it went.");
    expect(within(rowOf("Summer news")).getByText("Errors found: 1 error")).toBeTruthy();
    expect(rowOf("Spring sale").querySelector('[data-result="checked"]')).toBeTruthy();
    expect(parseValidationResponse(webApi.rows.get(idOf(1))?.msdyncrm_validationresults).verdict).toBe("Error");
    expect(dataset.refresh).toHaveBeenCalled();
  });

  test("stop: one confirmation naming the count of Live journeys, then a per-row outcome", async () => {
    const { webApi } = setup();
    for (const name of ["Spring sale", "Summer news", "Autumn draft"]) select(name);
    webApi.changeRow(idOf(1), { msdyncrm_name: "Summer news (renamed)" });
    fireEvent.click(bulkButton("Stop"));
    const dialog = await screen.findByRole("alertdialog");
    expect(within(dialog).getByText(/^2 Live journeys stop/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: "Stop" }));
    await screen.findByText(/^Finished: 1 of 2 succeeded/);
    expect(within(rowOf("Spring sale")).getByText(/^Stop requested/)).toBeTruthy();
    expect(within(rowOf("Summer news")).getByText(/^Someone changed this journey/)).toBeTruthy();
    const writes = webApi.calls.filter((call) => call.method === "updateRecord");
    expect(writes.map((call) => call.id)).toEqual([idOf(0)]);
  });

  test("stop: a journey saved since the list was read with only columns the list does not show changed stops; a shown change is refused", async () => {
    const { webApi } = setup();
    for (const name of ["Spring sale", "Summer news", "Webinar"]) select(name);
    webApi.changeRow(idOf(0), { msdyncrm_validationresults: checked("Error") });
    webApi.changeRow(idOf(4), { msdyncrm_customerjourneydesignerstate: '{"NextActivityID":9}' });
    webApi.changeRow(idOf(1), { msdyncrm_enddatetime: inDays(30) });
    fireEvent.click(bulkButton("Stop"));
    const dialog = await screen.findByRole("alertdialog");
    fireEvent.click(within(dialog).getByRole("button", { name: "Stop" }));
    await screen.findByText(/^Finished: 2 of 3 succeeded/);
    expect(within(rowOf("Spring sale")).getByText(/^Stop requested/)).toBeTruthy();
    expect(within(rowOf("Webinar")).getByText(/^Stop requested/)).toBeTruthy();
    expect(within(rowOf("Summer news")).getByText(/^Someone changed this journey/)).toBeTruthy();
    expect(webApi.rows.get(idOf(1))?.statuscode).toBe(S.Live);
  });

  /** A wait the test ends: the services' throttling back-off. */
  const heldSleep = () => {
    const wakes: (() => void)[] = [];
    return {
      sleep: () => new Promise<void>((resolve) => wakes.push(resolve)),
      wake: () => act(() => wakes.shift()?.()),
    };
  };
  const busyNotice = () => document.querySelector('[data-banner="serverBusy"]');

  test("check for errors: while the results write waits on throttling the view says the server is busy, then goes on", async () => {
    const { sleep, wake } = heldSleep();
    const { webApi } = setup({ sleep });
    webApi.failNext("updateRecord", { status: 429, retryAfterSeconds: 3 });
    select("Spring sale");
    fireEvent.click(bulkButton("Check for errors"));
    const notice = await screen.findByText("The server is busy. Trying again in 3 seconds…");
    expect(notice.closest('[role="status"]')).toBeTruthy();
    wake();
    await screen.findByText(/^Finished: 1 of 1 succeeded/);
    expect(busyNotice()).toBeNull();
    expect(webApi.methods().filter((method) => method === "updateRecord")).toHaveLength(2);
    expect(rowOf("Spring sale").querySelector('[data-result="checked"]')).toBeTruthy();
  });

  test("stop: a throttled status write shows the notice until it goes through", async () => {
    const { sleep, wake } = heldSleep();
    const { webApi } = setup({ sleep });
    webApi.failNext("updateRecord", { status: 429, retryAfterSeconds: 1 });
    select("Webinar");
    fireEvent.click(bulkButton("Stop"));
    fireEvent.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Stop" }));
    // The service waits at least 2 s between tries, whatever Retry-After asked.
    await screen.findByText("The server is busy. Trying again in 2 seconds…");
    wake();
    await screen.findByText(/^Finished: 1 of 1 succeeded/);
    expect(busyNotice()).toBeNull();
    expect(webApi.rows.get(idOf(4))?.statuscode).toBe(S.Stopping);
  });

  test("export as CSV: a file of the selected journeys offered as a download, its URL revoked after", async () => {
    const created: Blob[] = [];
    URL.createObjectURL = jest.fn((blob: Blob) => (created.push(blob), "blob:inventory"));
    URL.revokeObjectURL = jest.fn();
    const clicked: EventTarget[] = [];
    // The link's own click (a download in a browser) is a click event here too; its navigation is prevented.
    const onClick = (event: Event) =>
      (event.target as HTMLElement).dataset?.testid === "export-link" &&
      (clicked.push(event.target as HTMLElement), event.preventDefault());
    document.addEventListener("click", onClick);
    const { unmount } = setup();
    select("Webinar");
    select("Spring sale");
    fireEvent.click(bulkButton("Export as CSV"));
    const link = await screen.findByTestId("export-link");
    expect(link.getAttribute("download")).toBe("customer-journeys.csv");
    expect(clicked).toEqual([link]);
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(created[0]);
    });
    const rows = parseCsv(text.replace(/^\ufeff/, ""));
    expect(rows.map((row) => row[1])).toEqual(["Name", "Spring sale", "Webinar"]);
    unmount();
    expect(URL.revokeObjectURL).toHaveBeenCalledWith("blob:inventory");
    document.removeEventListener("click", onClick);
  });
});
