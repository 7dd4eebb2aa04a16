import { SEED_IDS, largeDefinition } from "../../harness/seed/seedData";
import { createWebApiClient } from "../../harness/xrm/webApiClient";
import { createIfMatchWrites } from "../../src/dataverse/ifMatchWrites";
import { createJourneyService } from "../../src/dataverse/journeyService";
import { JourneyStatus as S } from "../../src/journey/types";
import { useHarness } from "./testing/harnessFixture";

// Issue 15's request-log acceptance: a go live moves the journey's definition over the wire only to open and to
// check it, never on the conflict re-read or the polls. The largest definition the column stores (5,000 tiles
// exceed its 1,048,576 characters) is what makes that matter; 2,000 tiles (about 0.8 MB) stand in for it here.
const org = useHarness({ goLiveDelayMs: 2_500 });

test("a go live of a 2,000-tile journey, open to Live, carries its definition twice: open and check", async () => {
  const id = SEED_IDS.journeys.large;
  const definition = largeDefinition(2_000);
  const base = org.api();
  const stored = await fetch(`${base}msdyncrm_customerjourneys(${id})`, {
    method: "PATCH",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ msdyncrm_workflowdefinition: definition }),
  });
  expect(stored.status).toBe(204);

  // The definition as it travels inside a JSON body: a string, its quotes escaped.
  const onTheWire = JSON.stringify(definition).slice(1, -1);
  const carrying: string[] = [];
  const counting = (async (input: string | URL, init?: RequestInit) => {
    const response = await fetch(input, init);
    const received = await response.clone().text();
    const sent = typeof init?.body === "string" ? init.body : "";
    const url = new URL(String(input));
    if (received.includes(onTheWire) || sent.includes(onTheWire))
      carrying.push(`${init?.method ?? "GET"} ${url.pathname.replace(/^.*\//, "")}`);
    return response;
  }) as typeof fetch;
  const service = createJourneyService({
    webApi: {
      ...createWebApiClient({ baseUrl: base, fetch: counting }),
      ifMatch: createIfMatchWrites(org.url, counting),
    },
  });

  const snapshot = await service.load(id);
  const outcome = await service.transition(snapshot, "goLive", { confirmWarnings: async () => true });
  expect(outcome).toMatchObject({ done: true, status: S.GoingLive });
  const settled = await service.waitUntilSettled(id);
  expect(settled.status).toBe(S.Live);

  expect(carrying).toEqual([`GET msdyncrm_customerjourneys(${id})`, "POST msdyncrm_CustomerJourneyValidate"]);
}, 60_000);
