import { readFileSync } from "node:fs";
import path from "node:path";
import { VALIDATE_ACTION_NAME, VALIDATE_PARAMETERS } from "../../src/journey";
import type { ActionRequest } from "../../src/dataverse/webApiPort";
import { SEED_IDS } from "../../harness/seed/seedData";
import { createWebApiClient } from "../../harness/xrm/webApiClient";
import { useHarness } from "./testing/harnessFixture";

const J = SEED_IDS.journeys;

function validateRequest(parameters: Record<string, unknown>): ActionRequest {
  return {
    ...parameters,
    getMetadata: () => ({
      boundParameter: null,
      operationType: 0,
      operationName: VALIDATE_ACTION_NAME,
      parameterTypes: Object.fromEntries(
        VALIDATE_PARAMETERS.map((p) => [p.name, { typeName: p.typeName, structuralProperty: 1 }]),
      ),
    }),
  };
}

describe("the harness Xrm.WebApi client", () => {
  const org = useHarness();
  const client = () => createWebApiClient({ baseUrl: org.api() });
  const inject = (fault: unknown) =>
    fetch(`${org.url}/_harness/faults`, { method: "POST", body: JSON.stringify(fault) });

  test("retrieveRecord resolves with the row and its formatted values", async () => {
    const row = await client().retrieveRecord(
      "msdyncrm_customerjourney",
      `{${J.live.toUpperCase()}}`,
      "?$select=msdyncrm_name,statuscode",
    );
    expect(row.msdyncrm_name).toBe("Monthly newsletter");
    expect(row["statuscode@OData.Community.Display.V1.FormattedValue"]).toBe("Live");
  });

  test("retrieveMultipleRecords pages with maxPageSize and nextLink", async () => {
    const first = await client().retrieveMultipleRecords(
      "msdyncrm_customerjourney",
      "?$select=msdyncrm_name&$orderby=msdyncrm_name",
      5,
    );
    expect(first.entities).toHaveLength(5);
    expect(first.nextLink).toBeDefined();
    const next = await client().retrieveMultipleRecords(
      "msdyncrm_customerjourney",
      new URL(String(first.nextLink)).search,
      5,
    );
    expect(next.entities[0].msdyncrm_name).not.toBe(first.entities[0].msdyncrm_name);
  });

  test("createRecord, updateRecord and deleteRecord resolve with entityType and id", async () => {
    const created = await client().createRecord("msdyncrm_customerjourney", { msdyncrm_name: "Made by the client" });
    expect(created.entityType).toBe("msdyncrm_customerjourney");
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    await expect(
      client().updateRecord("msdyncrm_customerjourney", created.id, { msdyncrm_name: "Renamed" }),
    ).resolves.toEqual({
      entityType: "msdyncrm_customerjourney",
      id: created.id,
    });
    expect((await client().retrieveRecord("msdyncrm_customerjourney", created.id)).msdyncrm_name).toBe("Renamed");
    await expect(client().deleteRecord("msdyncrm_customerjourney", created.id)).resolves.toMatchObject({
      id: created.id,
    });
  });

  test("a missing row rejects with the Dataverse code as a number, and updateRecord does not upsert", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    await expect(client().retrieveRecord("msdyncrm_customerjourney", missing)).rejects.toMatchObject({
      errorCode: 0x80040217,
      status: 404,
    });
    await expect(
      client().updateRecord("msdyncrm_customerjourney", missing, { msdyncrm_name: "x" }),
    ).rejects.toMatchObject({ errorCode: 0x80040217 });
    await expect(client().retrieveRecord("msdyncrm_customerjourney", missing)).rejects.toMatchObject({ status: 404 });
  });

  test("business rule refusals keep the server's message", async () => {
    const error = await client()
      .deleteRecord("msdyncrm_customerjourney", J.live)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ errorCode: 0x80040265, status: 400 });
    expect((error as { message: string }).message).toMatch(/can't be deleted/);
  });

  test("throttling carries retryAfterSeconds", async () => {
    await inject({ status: 429, retryAfter: 12 });
    await expect(client().retrieveRecord("msdyncrm_customerjourney", J.live)).rejects.toEqual(
      expect.objectContaining({ errorCode: 0x80072322, status: 429, retryAfterSeconds: 12 }),
    );
  });

  test("a dropped connection, a malformed answer and an empty 401 still reject with errorCode and message", async () => {
    await inject({ drop: true });
    await expect(client().retrieveRecord("msdyncrm_customerjourney", J.live)).rejects.toMatchObject({
      errorCode: 0,
      status: 0,
      message: expect.stringMatching(/could not reach/),
    });
    await inject({ malformed: true });
    await expect(client().retrieveRecord("msdyncrm_customerjourney", J.live)).rejects.toMatchObject({
      errorCode: 0,
      message: expect.stringMatching(/could not be read/),
    });
    await inject({ status: 401 });
    await expect(client().retrieveRecord("msdyncrm_customerjourney", J.live)).rejects.toMatchObject({
      errorCode: 0,
      status: 401,
      message: expect.stringMatching(/401/),
    });
  });

  test("query options must begin with '?', as in the real client", async () => {
    await expect(
      client().retrieveRecord("msdyncrm_customerjourney", J.live, "$select=msdyncrm_name"),
    ).rejects.toMatchObject({
      message: 'Option Parameter should begin with "?"',
    });
  });

  test("online.execute runs the validate action and resolves with a response; a missing action rejects", async () => {
    const body = JSON.parse(readFileSync(path.join(__dirname, "../fixtures/seed/validate-request.json"), "utf8"));
    const response = await client().online.execute(validateRequest(body));
    expect(response.ok).toBe(true);
    const answer = (await response.json()) as { ValidationResult: string };
    expect(JSON.parse(answer.ValidationResult).ActivityValidationResults[0].Fault).toBe(
      "ErrorRecurringCampaignEndDateDoesNotFitRequestedIterations",
    );

    await fetch(`${org.url}/_harness/settings`, { method: "POST", body: JSON.stringify({ validateAction: false }) });
    await expect(client().online.execute(validateRequest(body))).rejects.toMatchObject({
      errorCode: 0x8006088a,
      status: 404,
      message: "Resource not found for the segment 'msdyncrm_CustomerJourneyValidate'.",
    });
  });
});
