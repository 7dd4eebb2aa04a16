import { SEED_IDS, seedData } from "../../harness/seed/seedData";
import { json, useHarness, type Json } from "./testing/harnessFixture";

const J = SEED_IDS.journeys;
const TYPE = "Microsoft.Dynamics.CRM.msdyncrm_customerjourney";
/** Every name a plain object inherits: constructor, toString, __proto__, hasOwnProperty, ... */
const INHERITED_NAMES = Object.getOwnPropertyNames(Object.prototype);

describe("the emulated org answers bad input as Dataverse does: a 400 with an OData error, never a 500", () => {
  const org = useHarness();
  const journeys = () => `${org.api()}msdyncrm_customerjourneys`;
  const journey = (id: string) => `${journeys()}(${id})`;
  const send = (method: string, url: string, body: string) =>
    fetch(url, { method, headers: { "Content-Type": "application/json" }, body });
  const log = async () => (await json(await fetch(`${org.url}/_harness/log`))) as unknown as Json[];

  describe("malformed percent-encoding in the path", () => {
    test.each([
      ["a stray %", "msdyncrm_customerjourneys%"],
      ["% and no hex digits", `msdyncrm_customerjourneys(${J.live})%zz`],
      ["bytes that are not UTF-8", "msdyncrm_customerjourneys%FF"],
    ])("%s is a 400 with an OData error, and the log records it", async (_, path) => {
      const response = await fetch(`${org.api()}${path}`);
      expect(response.status).toBe(400);
      expect((await json(response)).error).toEqual({ code: "0x80060888", message: "The request URL is invalid." });
      expect((await log()).map((e) => [e.method, e.path, e.status])).toEqual([["GET", `/api/data/v9.2/${path}`, 400]]);
    });
  });

  describe("deeply nested $filter", () => {
    const nested = (depth: number) => `${"(".repeat(depth)}statuscode eq 192350001${")".repeat(depth)}`;
    const liveIds = seedData()
      .msdyncrm_customerjourneys.filter((row) => row.statuscode === 192350001)
      .map((row) => row.msdyncrm_customerjourneyid)
      .sort();

    test("7,000 nested parentheses are refused with the recursion-limit error", async () => {
      const response = await fetch(`${journeys()}?$filter=${nested(7000)}`);
      expect(response.status).toBe(400);
      expect((await json(response)).error).toEqual({
        code: "0x80060888",
        message: "The recursion limit has been exceeded.",
      });
      expect((await log()).map((e) => e.status)).toEqual([400]);
    });

    test("2,000 nested nots are refused the same way", async () => {
      const response = await fetch(`${journeys()}?$filter=${"not ".repeat(2000)}statuscode eq 192350001`);
      expect(response.status).toBe(400);
      expect((await json(response)).error.message).toBe("The recursion limit has been exceeded.");
    });

    test("nesting within the limit still filters", async () => {
      const body = await json(await fetch(`${journeys()}?$filter=${nested(90)}&$select=msdyncrm_name`));
      expect(body.value.map((row: Json) => row.msdyncrm_customerjourneyid).sort()).toEqual(liveIds);
    });
  });

  describe("names every object inherits are not columns", () => {
    const notFound = (name: string) => ({
      code: "0x80048d19",
      message: `Could not find a property named '${name}' on type '${TYPE}'.`,
    });

    test.each(INHERITED_NAMES)("%s in $select, $filter and $orderby is an unknown property", async (name) => {
      for (const query of [`$select=msdyncrm_name,${name}`, `$filter=${name} eq 'x'`, `$orderby=${name} desc`]) {
        const response = await fetch(`${journeys()}?${query}`);
        expect([query, response.status]).toEqual([query, 400]);
        expect((await json(response)).error).toEqual(notFound(name));
      }
    });

    test.each(INHERITED_NAMES)("%s in a create or update body is an unknown property", async (name) => {
      const before = (await json(await fetch(journeys()))).value.length;
      const body = `{"msdyncrm_name":"Inherited","${name}":{"polluted":"yes"}}`;
      for (const response of [await send("POST", journeys(), body), await send("PATCH", journey(J.seedPatch), body)]) {
        expect(response.status).toBe(400);
        expect((await json(response)).error).toEqual({
          code: "0x80060888",
          message: `The property '${name}' does not exist on type '${TYPE}'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
        });
      }
      expect((await json(await fetch(journeys()))).value.length).toBe(before);
      expect((await json(await fetch(journey(J.seedPatch)))).msdyncrm_name).toBe("Spring newsletter");
      expect(({} as Json).polluted).toBeUndefined();
    });
  });

  describe("Int32 columns", () => {
    const withCount = (value: string) => `{"msdyncrm_name":"Counted","msdyncrm_recurrencecount":${value}}`;

    test.each([
      ["1e300", "msdyncrm_recurrencecount"],
      ["2147483648", "msdyncrm_recurrenceintervaldays"],
      ["-2147483649", "msdyncrm_customerjourneytimezone"],
      ["1e300", "msdyncrm_entitytarget"],
    ])("%s is not an Edm.Int32 for %s", async (value, column) => {
      for (const response of [
        await send("POST", journeys(), `{"msdyncrm_name":"Big","${column}":${value}}`),
        await send("PATCH", journey(J.seedPatch), `{"${column}":${value}}`),
      ]) {
        expect(response.status).toBe(400);
        expect((await json(response)).error).toEqual({
          code: "0x80060888",
          message: `Cannot convert the literal '${JSON.stringify(JSON.parse(value))}' to the expected type 'Edm.Int32' for property '${column}' of '${TYPE}'.`,
        });
      }
      expect((await json(await fetch(journey(J.seedPatch))))[column]).not.toBe(JSON.parse(value));
    });

    test.each(["msdyncrm_recurrencecount", "msdyncrm_recurrenceintervaldays"])(
      "%s is a non-negative integer: -5 is outside its range",
      async (column) => {
        const response = await send("PATCH", journey(J.seedPatch), `{"${column}":-5}`);
        expect(response.status).toBe(400);
        expect((await json(response)).error).toEqual({
          code: "0x8004431a",
          message: `A validation error occurred. The value -5 of '${column}' on record of type 'msdyncrm_customerjourney' is outside the valid range. Accepted Values: 0 to 2147483647.`,
        });
        expect((await json(await fetch(journey(J.seedPatch))))[column]).not.toBe(-5);
      },
    );

    test("the ends of the range are accepted", async () => {
      const created = await send("POST", journeys(), withCount("2147483647"));
      expect(created.status).toBe(204);
      const row = await json(await fetch(created.headers.get("OData-EntityId") ?? ""));
      expect(row.msdyncrm_recurrencecount).toBe(2147483647);
      expect((await send("PATCH", journey(row.msdyncrm_customerjourneyid), withCount("0"))).status).toBe(204);
      const timeZone = await send("PATCH", journey(J.seedPatch), '{"msdyncrm_customerjourneytimezone":-2147483648}');
      expect(timeZone.status).toBe(204);
    });
  });

  describe("a body over the limit", () => {
    test("40 MB is read to the end and answered 413 with an OData error, on a connection that stays usable", async () => {
      const response = await send("POST", journeys(), `{"msdyncrm_name":"${"x".repeat(40 * 1024 * 1024)}"}`);
      expect(response.status).toBe(413);
      expect((await json(response)).error).toEqual({
        code: "0x80060888",
        message: "The request body is larger than 16 MiB (16,777,216 bytes), the most the emulated org accepts.",
      });
      expect((await fetch(journey(J.live))).status).toBe(200);
      expect((await log()).map((e) => [e.method, e.path, e.status])).toEqual([
        ["POST", "/api/data/v9.2/msdyncrm_customerjourneys", 413],
        ["GET", `/api/data/v9.2/msdyncrm_customerjourneys(${J.live})`, 200],
      ]);
    });
  });
});
