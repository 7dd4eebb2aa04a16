import { readFileSync } from "node:fs";
import path from "node:path";
import { DynamicsWebApi } from "dynamics-web-api";
import { SEED_IDS } from "../../harness/seed/seedData";
import { useHarness } from "./testing/harnessFixture";

// A third-party Dataverse client, written against real orgs, must work unchanged against the emulated one.
describe("dynamics-web-api against the emulated org", () => {
  const org = useHarness();
  const client = () =>
    new DynamicsWebApi({
      serverUrl: `${org.url}/`,
      dataApi: { version: "9.2" },
      onTokenRefresh: async () => "harness-token",
      propagateErrors: true,
    });

  test("create, retrieve, update with an etag, retrieve all pages, delete", async () => {
    const api = client();
    const id = await api.create<Record<string, unknown>, string>({
      collection: "msdyncrm_customerjourneys",
      data: {
        msdyncrm_name: "Made by dynamics-web-api",
        "msdyncrm_contentsettingsId@odata.bind": `/msdyncrm_contentsettingss(${SEED_IDS.contentSettings})`,
      },
    });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const row = await api.retrieve({
      collection: "msdyncrm_customerjourneys",
      key: id,
      select: ["msdyncrm_name", "statuscode", "_msdyncrm_contentsettingsid_value"],
      includeAnnotations: "OData.Community.Display.V1.FormattedValue",
    });
    expect(row.msdyncrm_name).toBe("Made by dynamics-web-api");
    expect(row["statuscode@OData.Community.Display.V1.FormattedValue"]).toBe("Draft");
    expect(row._msdyncrm_contentsettingsid_value).toBe(SEED_IDS.contentSettings);

    const updated = await api.update({
      collection: "msdyncrm_customerjourneys",
      key: id,
      data: { msdyncrm_name: "Renamed by dynamics-web-api" },
      ifmatch: row["@odata.etag"],
      returnRepresentation: true,
      select: ["msdyncrm_name"],
    });
    expect(updated.msdyncrm_name).toBe("Renamed by dynamics-web-api");
    await expect(
      api.update({
        collection: "msdyncrm_customerjourneys",
        key: id,
        data: { msdyncrm_name: "Stale" },
        ifmatch: row["@odata.etag"],
      }),
    ).rejects.toMatchObject({ status: 412 });

    const all = await api.retrieveAll({
      collection: "msdyncrm_customerjourneys",
      select: ["msdyncrm_name"],
      maxPageSize: 3,
    });
    expect(all.value.map((r: { msdyncrm_customerjourneyid: string }) => r.msdyncrm_customerjourneyid)).toContain(id);
    expect(
      new Set(all.value.map((r: { msdyncrm_customerjourneyid: string }) => r.msdyncrm_customerjourneyid)).size,
    ).toBe(all.value.length);

    await api.deleteRecord({ collection: "msdyncrm_customerjourneys", key: id });
    await expect(api.retrieve({ collection: "msdyncrm_customerjourneys", key: id })).rejects.toMatchObject({
      status: 404,
      code: "0x80040217",
    });
  });

  test("callAction runs the validate action with the seed's parameters", async () => {
    const action = JSON.parse(readFileSync(path.join(__dirname, "../fixtures/seed/validate-request.json"), "utf8"));
    const response = await client().callAction({ actionName: "msdyncrm_CustomerJourneyValidate", action });
    const expected = JSON.parse(readFileSync(path.join(__dirname, "../fixtures/seed/validate-response.json"), "utf8"));
    expect(response.ValidationResult).toBe(expected.ValidationResult);
  });

  test("the library reads the org's errors: unknown set and live-journey delete", async () => {
    await expect(client().retrieveMultiple({ collection: "msdyncrm_nothings" })).rejects.toMatchObject({
      status: 404,
      code: "0x8006088a",
    });
    await expect(
      client().deleteRecord({ collection: "msdyncrm_customerjourneys", key: SEED_IDS.journeys.live }),
    ).rejects.toMatchObject({
      status: 400,
      code: "0x80040265",
    });
  });

  test("callFunction WhoAmI answers with the current user", async () => {
    const whoAmI = await client().callFunction("WhoAmI");
    expect(whoAmI.UserId).toBe(SEED_IDS.users.current);
  });
});
