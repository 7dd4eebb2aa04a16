import { SEED_IDS, seedData } from "../../harness/seed/seedData";
import { eventually, json, useHarness } from "./testing/harnessFixture";

const J = SEED_IDS.journeys;
const FORMATTED = "@OData.Community.Display.V1.FormattedValue";

describe("emulated Web API behaviour", () => {
  const org = useHarness();
  const journeys = () => `${org.api()}msdyncrm_customerjourneys`;
  const journey = (id: string) => `${journeys()}(${id})`;
  const patch = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(url, {
      method: "PATCH",
      headers: { "Content-Type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
  const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...headers },
      body: JSON.stringify(body),
    });

  describe("concurrency", () => {
    test("If-Match with the current etag updates; with an older one the write is refused with 412", async () => {
      const before = await json(await fetch(journey(J.seedPatch)));
      const first = await patch(
        journey(J.seedPatch),
        { msdyncrm_name: "First" },
        { "If-Match": before["@odata.etag"] },
      );
      expect(first.status).toBe(204);
      const stale = await patch(
        journey(J.seedPatch),
        { msdyncrm_name: "Second" },
        { "If-Match": before["@odata.etag"] },
      );
      expect(stale.status).toBe(412);
      expect((await json(stale)).error.code).toBe("0x80060882");
      expect((await json(await fetch(journey(J.seedPatch)))).msdyncrm_name).toBe("First");
    });

    test("every write changes the etag, and a stale delete is refused too", async () => {
      const before = await json(await fetch(journey(J.seedDelete)));
      await patch(journey(J.seedDelete), { msdyncrm_name: "Renamed" });
      const after = await json(await fetch(journey(J.seedDelete)));
      expect(after["@odata.etag"]).not.toBe(before["@odata.etag"]);
      const stale = await fetch(journey(J.seedDelete), {
        method: "DELETE",
        headers: { "If-Match": before["@odata.etag"] },
      });
      expect(stale.status).toBe(412);
      expect((await fetch(journey(J.seedDelete))).status).toBe(200);
    });

    test("If-Match: * on a missing row is 404; without it a PATCH creates the row (upsert, as Dataverse does)", async () => {
      const missing = journey("11111111-2222-4333-8444-555555555555");
      const refused = await patch(missing, { msdyncrm_name: "Ghost" }, { "If-Match": "*" });
      expect(refused.status).toBe(404);
      expect((await fetch(missing)).status).toBe(404);
      const upsert = await patch(missing, { msdyncrm_name: "Upserted" });
      expect(upsert.status).toBe(204);
      expect((await json(await fetch(missing))).msdyncrm_name).toBe("Upserted");
    });
  });

  describe("paging", () => {
    test("odata.maxpagesize pages through every journey once, following @odata.nextLink", async () => {
      const all = seedData()
        .msdyncrm_customerjourneys.map((row) => row.msdyncrm_customerjourneyid)
        .sort();
      const seen: string[] = [];
      let next: string | undefined = `${journeys()}?$select=msdyncrm_name`;
      let pages = 0;
      while (next) {
        const response = await fetch(next, { headers: { Prefer: "odata.maxpagesize=4" } });
        expect(response.headers.get("Preference-Applied")).toBe("odata.maxpagesize=4");
        const body = await json(response);
        expect(body.value.length).toBeLessThanOrEqual(4);
        seen.push(...body.value.map((row: { msdyncrm_customerjourneyid: string }) => row.msdyncrm_customerjourneyid));
        next = body["@odata.nextLink"];
        pages++;
      }
      expect(pages).toBe(Math.ceil(all.length / 4));
      expect(seen.sort()).toEqual(all);
    });

    test("$top limits without a next link; $count counts the whole match", async () => {
      const body = await json(
        await fetch(`${journeys()}?$top=2&$count=true`, { headers: { Prefer: "odata.maxpagesize=1" } }),
      );
      expect(body.value).toHaveLength(2);
      expect(body["@odata.nextLink"]).toBeUndefined();
      expect(body["@odata.count"]).toBe(seedData().msdyncrm_customerjourneys.length);
    });
  });

  describe("query options", () => {
    test("$filter with and/or/ne/gt/lt, $orderby and $select", async () => {
      const query =
        "$select=msdyncrm_name,statuscode&$filter=(statuscode eq 192350000 or statuscode eq 192350001) and msdyncrm_name ne 'Spring newsletter' and statuscode lt 192350002 and statuscode gt 0&$orderby=msdyncrm_name desc";
      const body = await json(await fetch(`${journeys()}?${query}`));
      const expected = seedData()
        .msdyncrm_customerjourneys.filter(
          (r) => (r.statuscode === 192350000 || r.statuscode === 192350001) && r.msdyncrm_name !== "Spring newsletter",
        )
        .map((r) => String(r.msdyncrm_name).toLowerCase())
        .sort()
        .reverse();
      expect(body.value.map((r: { msdyncrm_name: string }) => r.msdyncrm_name.toLowerCase())).toEqual(expected);
      expect(Object.keys(body.value[0]).sort()).toEqual([
        "@odata.etag",
        "msdyncrm_customerjourneyid",
        "msdyncrm_name",
        "statuscode",
      ]);
    });

    test("a GUID and a date filter on lookups and date columns", async () => {
      const byLookup = await json(
        await fetch(`${journeys()}?$filter=_msdyncrm_suppressionsegmentid_value eq ${SEED_IDS.segments.suppression}`),
      );
      expect(byLookup.value.map((r: { msdyncrm_customerjourneyid: string }) => r.msdyncrm_customerjourneyid)).toEqual([
        J.seedValidate,
      ]);
      const byDate = await json(
        await fetch(`${journeys()}?$filter=msdyncrm_enddatetime lt 2025-09-01T00:00:00Z&$orderby=msdyncrm_name`),
      );
      expect(byDate.value.map((r: { msdyncrm_name: string }) => r.msdyncrm_name)).toEqual([
        "Sample Customer Journey",
        "Summer sale 2025",
      ]);
    });

    test("unknown columns and bad syntax get Dataverse errors", async () => {
      const unknown = await fetch(`${journeys()}?$select=msdyncrm_nope`);
      expect(unknown.status).toBe(400);
      expect((await json(unknown)).error).toEqual({
        code: "0x80048d19",
        message:
          "Could not find a property named 'msdyncrm_nope' on type 'Microsoft.Dynamics.CRM.msdyncrm_customerjourney'.",
      });
      const syntax = await fetch(`${journeys()}?$filter=statuscode eq`);
      expect(syntax.status).toBe(400);
      expect((await json(syntax)).error.code).toBe("0x80060888");
      const unsupported = await fetch(`${journeys()}?$expand=ownerid`);
      expect(unsupported.status).toBe(400);
      expect((await json(unsupported)).error.message).toMatch(/\$expand/);
      const fetchXml = await fetch(
        `${journeys()}?fetchXml=${encodeURIComponent("<fetch><entity name='msdyncrm_customerjourney'/></fetch>")}`,
      );
      expect(fetchXml.status).toBe(400);
      expect((await json(fetchXml)).error.message).toMatch(/fetchXml/);
    });

    test("unknown entity sets and rows", async () => {
      const set = await fetch(`${org.api()}msdyncrm_journeys`);
      expect(set.status).toBe(404);
      expect((await json(set)).error).toEqual({
        code: "0x8006088a",
        message: "Resource not found for the segment 'msdyncrm_journeys'.",
      });
      const row = await fetch(journey("00000000-0000-4000-8000-000000000000"));
      expect(row.status).toBe(404);
      expect((await json(row)).error.code).toBe("0x80040217");
    });
  });

  describe("binds, annotations and audit columns", () => {
    test("@odata.bind sets, changes and clears lookups; a bind to a missing row is refused", async () => {
      const created = await post(
        journeys(),
        {
          msdyncrm_name: "Bound",
          "msdyncrm_SuppressionSegmentId@odata.bind": `/msdyncrm_segments(${SEED_IDS.segments.suppression})`,
        },
        { Prefer: "return=representation" },
      );
      expect(created.status).toBe(201);
      const row = await json(created);
      expect(row._msdyncrm_suppressionsegmentid_value).toBe(SEED_IDS.segments.suppression);
      const url = journey(row.msdyncrm_customerjourneyid);

      await patch(url, {
        "msdyncrm_SuppressionSegmentId@odata.bind": `/msdyncrm_segments(${SEED_IDS.segments.suppressionOld})`,
      });
      expect((await json(await fetch(url)))._msdyncrm_suppressionsegmentid_value).toBe(
        SEED_IDS.segments.suppressionOld,
      );
      await patch(url, { "msdyncrm_SuppressionSegmentId@odata.bind": null });
      expect((await json(await fetch(url)))._msdyncrm_suppressionsegmentid_value).toBeNull();

      const missing = await patch(url, {
        "msdyncrm_contentsettingsId@odata.bind": "/msdyncrm_contentsettingss(00000000-0000-4000-8000-000000000000)",
      });
      expect(missing.status).toBe(404);
      expect((await json(missing)).error.code).toBe("0x80040217");
      const wrongSet = await patch(url, {
        "msdyncrm_contentsettingsId@odata.bind": `/msdyncrm_segments(${SEED_IDS.segments.suppression})`,
      });
      expect(wrongSet.status).toBe(400);
      const direct = await patch(url, { _msdyncrm_contentsettingsid_value: SEED_IDS.contentSettings });
      expect(direct.status).toBe(400);
    });

    test("formatted values come only when asked for: status labels and the modifier's full name", async () => {
      const plain = await json(await fetch(journey(J.live)));
      expect(plain[`statuscode${FORMATTED}`]).toBeUndefined();
      await patch(
        journey(J.live),
        { msdyncrm_name: "Renamed by a colleague" },
        { "x-harness-user": SEED_IDS.users.colleague },
      );
      const annotated = await json(
        await fetch(journey(J.live), {
          headers: { Prefer: 'odata.include-annotations="OData.Community.Display.V1.FormattedValue"' },
        }),
      );
      expect(annotated[`statuscode${FORMATTED}`]).toBe("Live");
      expect(annotated[`_modifiedby_value${FORMATTED}`]).toBe("Morgan Lee");
      expect(annotated._modifiedby_value).toBe(SEED_IDS.users.colleague);
      expect(annotated["_modifiedby_value@Microsoft.Dynamics.CRM.lookuplogicalname"]).toBeUndefined();
      expect(Date.now() - Date.parse(annotated.modifiedon)).toBeLessThan(60_000);
    });

    test("payload problems are 400 with a message naming the property", async () => {
      const unknown = await post(journeys(), { msdyncrm_name: "x", msdyncrm_colour: "red" });
      expect(unknown.status).toBe(400);
      expect((await json(unknown)).error.message).toMatch(/msdyncrm_colour/);
      const wrongType = await post(journeys(), { msdyncrm_name: "x", msdyncrm_recurrencecount: "three" });
      expect(wrongType.status).toBe(400);
      expect((await json(wrongType)).error.message).toMatch(/Edm\.Int32/);
      const notJson = await fetch(journeys(), {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: "{name:",
      });
      expect(notJson.status).toBe(400);
    });
  });

  describe("status rules and the service lifecycle", () => {
    test("a status change outside TransitionData is refused with 400 and changes nothing", async () => {
      const refused = await patch(journey(J.seedPatch), { statuscode: 192350001 });
      expect(refused.status).toBe(400);
      expect((await json(refused)).error.message).toMatch(/Draft \(192350000\) to Live \(192350001\)/);
      expect((await json(await fetch(journey(J.seedPatch)))).statuscode).toBe(192350000);
      const created = await post(journeys(), { msdyncrm_name: "Born live", statuscode: 192350001 });
      expect(created.status).toBe(400);
    });

    test("a live journey can't be deleted; a stopped one can", async () => {
      const live = await fetch(journey(J.live), { method: "DELETE" });
      expect(live.status).toBe(400);
      expect((await json(live)).error.code).toBe("0x80040265");
      expect((await fetch(journey(J.live))).status).toBe(200);
      expect((await fetch(journey(J.stopped), { method: "DELETE" })).status).toBe(204);
    });

    test("going live with a segment that is not live ends in Error with the check result written", async () => {
      expect((await patch(journey(J.failsGoLive), { statuscode: 192350006 })).status).toBe(204);
      const settled = await eventually(
        () => fetch(journey(J.failsGoLive)).then(json),
        (r) => r.statuscode !== 192350006,
      );
      expect(settled.statuscode).toBe(192350005);
      const result = JSON.parse(settled.msdyncrm_validationresults);
      expect(result.Result).toBe("Error");
      expect(result.ActivityValidationResults).toContainEqual({
        ActivityId: "01_0",
        Fault: "ErrorSegmentNotLive",
        Result: "Error",
        ErrorMessageArguments: [SEED_IDS.segments.draft],
      });
      expect(settled._modifiedby_value).toBe(SEED_IDS.users.service);
    });

    test("stopping moves on to stopped; the large journey goes live", async () => {
      await patch(journey(J.live), { statuscode: 192350007 });
      await patch(journey(J.large), { statuscode: 192350006 });
      const stopped = await eventually(
        () => fetch(journey(J.live)).then(json),
        (r) => r.statuscode !== 192350007,
      );
      expect(stopped.statuscode).toBe(192350002);
      const large = await eventually(
        () => fetch(journey(J.large)).then(json),
        (r) => r.statuscode !== 192350006,
      );
      expect(large.statuscode).toBe(192350001);
    });
  });

  describe("the validate action's server-only checks", () => {
    test("missing and not-live segments and emails, missing content settings, each with the id as argument 0", async () => {
      const missingSegment = "00000000-0000-4000-8000-00000000aaaa";
      const definition = JSON.parse(
        String(
          seedData().msdyncrm_customerjourneys.find((r) => r.msdyncrm_customerjourneyid === J.seedPatch)
            ?.msdyncrm_workflowdefinition,
        ),
      );
      definition[1].Properties.Items[1].ItemId = missingSegment;
      definition[2].Properties.Items[0].ItemId = SEED_IDS.emails.draft;
      const response = await post(`${org.api()}msdyncrm_CustomerJourneyValidate`, {
        FieldValueName: "Checks",
        FieldValueStartDateTime: "2027-01-05T09:00:00.000Z",
        FieldValueEndDateTime: "2027-02-05T09:00:00.000Z",
        FieldValueWorkflowDefinition: JSON.stringify(definition),
        FieldValueContentSettingsId: "{00000000-0000-4000-8000-00000000BBBB}",
        FieldValueSuppressionSegmentId: `{${SEED_IDS.segments.draft.toUpperCase()}}`,
      });
      expect(response.status).toBe(200);
      const result = JSON.parse((await json(response)).ValidationResult);
      expect(result.Result).toBe("Error");
      const faults = result.ActivityValidationResults.map(
        (e: { ActivityId: string; Fault: string; ErrorMessageArguments: string[] }) => [
          e.ActivityId,
          e.Fault,
          e.ErrorMessageArguments[0],
        ],
      );
      expect(faults).toEqual(
        expect.arrayContaining([
          ["01_0", "ErrorSegmentNotFound", missingSegment],
          ["01_0_2", "ErrorEmailNotLive", SEED_IDS.emails.draft],
          ["", "ErrorSegmentNotLive", SEED_IDS.segments.draft],
          ["", "ErrorContentSettingsNotFound", "00000000-0000-4000-8000-00000000bbbb"],
        ]),
      );
    });

    test("parameters of the wrong type are a 400", async () => {
      const response = await post(`${org.api()}msdyncrm_CustomerJourneyValidate`, { FieldValueRecurrenceCount: "3" });
      expect(response.status).toBe(400);
      expect((await json(response)).error.message).toMatch(/FieldValueRecurrenceCount/);
    });
  });

  test("privileges: a caller limited to read can read but not write", async () => {
    const headers = { "x-harness-privileges": "read" };
    expect((await fetch(journey(J.live), { headers })).status).toBe(200);
    const write = await patch(journey(J.seedPatch), { msdyncrm_name: "x" }, headers);
    expect(write.status).toBe(403);
    expect((await json(write)).error.code).toBe("0x80040220");
    const refSet = await post(`${org.api()}msdyncrm_segments`, { msdyncrm_segmentname: "x" });
    expect(refSet.status).toBe(403);
  });
});
