import { readFileSync } from "node:fs";
import path from "node:path";
import { SEED_IDS, seedData } from "../../harness/seed/seedData";
import { eventually, json, useHarness, type Json } from "./testing/harnessFixture";

const fixture = (name: string) => readFileSync(path.join(__dirname, "../fixtures/seed", name), "utf8");

// The five requests of the API page, sent as the page writes them (v9.0 paths, bodies verbatim).
describe("the seed page's exchanges against the emulated org", () => {
  const org = useHarness();

  test("create: 204 with OData-EntityId, and the row reads back with its binds as _x_value", async () => {
    const body = fixture("create-request.json");
    const response = await fetch(`${org.api("v9.0")}msdyncrm_customerjourneys`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body,
    });
    expect(response.status).toBe(204);
    const entityId = response.headers.get("OData-EntityId") ?? "";
    const match = /\/api\/data\/v9\.0\/msdyncrm_customerjourneys\(([0-9a-f-]{36})\)$/.exec(entityId);
    expect(match).not.toBeNull();

    const row = await json(await fetch(entityId));
    const sent = JSON.parse(body);
    expect(row.msdyncrm_name).toBe("Simple Email Sample");
    expect(row.statuscode).toBe(192350000);
    expect(row.statecode).toBe(0);
    expect(row.msdyncrm_workflowdefinition).toBe(sent.msdyncrm_workflowdefinition);
    expect(row.msdyncrm_customerjourneydesignerstate).toBe(sent.msdyncrm_customerjourneydesignerstate);
    expect(row._msdyncrm_contentsettingsid_value).toBe(SEED_IDS.contentSettings);
    expect(row._ownerid_value).toBe(SEED_IDS.users.current);
    expect(row.msdyncrm_startdatetime).toBe("2019-02-09T11:29:00Z");
    expect(row.msdyncrm_enddatetime).toBe("2019-03-09T11:29:00Z");
    expect(row["@odata.etag"]).toMatch(/^W\/"\d+"$/);
  });

  test("retrieve: the filter returns exactly the live journeys", async () => {
    const response = await fetch(`${org.api("v9.0")}msdyncrm_customerjourneys?$filter=statuscode eq 192350001`);
    expect(response.status).toBe(200);
    const body = await json(response);
    const expected = seedData()
      .msdyncrm_customerjourneys.filter((row) => row.statuscode === 192350001)
      .map((row) => row.msdyncrm_customerjourneyid)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(body.value.map((row: Json) => row.msdyncrm_customerjourneyid).sort()).toEqual(expected);
    expect(body["@odata.context"]).toMatch(/\/api\/data\/v9\.0\/\$metadata#msdyncrm_customerjourneys$/);
  });

  test("update: statuscode Going live is accepted, then the service moves the journey to Live", async () => {
    const url = `${org.api("v9.0")}msdyncrm_customerjourneys(${SEED_IDS.journeys.seedPatch})`;
    const response = await fetch(url, {
      method: "PATCH",
      headers: { "Content-Type": "application/json" },
      body: '{\n    "statuscode": 192350006\n}',
    });
    expect(response.status).toBe(204);
    expect((await json(await fetch(url))).statuscode).toBe(192350006);
    const settled = await eventually(
      () => fetch(url).then(json),
      (row) => row.statuscode !== 192350006,
    );
    expect(settled.statuscode).toBe(192350001);
    expect(JSON.parse(settled.msdyncrm_validationresults).Result).toBe("Valid");
  });

  test("delete: 204, and the row is gone", async () => {
    const url = `${org.api("v9.0")}msdyncrm_customerjourneys(${SEED_IDS.journeys.seedDelete})`;
    const response = await fetch(url, { method: "DELETE" });
    expect(response.status).toBe(204);
    const after = await fetch(url);
    expect(after.status).toBe(404);
    expect((await json(after)).error.code).toBe("0x80040217");
  });

  test("validate: the answer is the page's response, field for field", async () => {
    const response = await fetch(`${org.api("v9.0")}msdyncrm_CustomerJourneyValidate`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: fixture("validate-request.json"),
    });
    expect(response.status).toBe(200);
    const body = await json(response);
    const expected = JSON.parse(fixture("validate-response.json"));
    expect(Object.keys(body).sort()).toEqual(Object.keys(expected).sort());
    expect(body["@odata.context"]).toBe(expected["@odata.context"].replace("{{orgUrl}}", org.url));
    expect(body.ValidationResult).toBe(expected.ValidationResult);
  });
});
