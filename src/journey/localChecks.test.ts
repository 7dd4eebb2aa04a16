import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { runLocalChecks } from "./localChecks";
import { generateDefinition } from "./testing/sampleDefinition";
import type { JourneyRecord } from "./types";
import { fromValidateParameters } from "./validateRequest";

const seedBody = JSON.parse(
  fs.readFileSync(path.join(__dirname, "../../test/fixtures/seed/validate-request.json"), "utf8"),
) as unknown;
const seedValues = fromValidateParameters(seedBody).values;

const good: JourneyRecord = {
  msdyncrm_name: "Welcome series",
  msdyncrm_startdatetime: "2026-03-01T09:00:00Z",
  msdyncrm_enddatetime: "2026-04-01T09:00:00Z",
  msdyncrm_isrecurring: false,
  msdyncrm_workflowdefinition: generateDefinition(12),
};

const faults = (values: JourneyRecord) => runLocalChecks(values).entries.map((e) => e.fault);

describe("runLocalChecks", () => {
  it("finds the same fault in the seed's journey as the server did", () => {
    const report = runLocalChecks(seedValues);
    expect(report.verdict).toBe("Error");
    expect(report.entries).toEqual([
      {
        activityId: "",
        fault: "ErrorRecurringCampaignEndDateDoesNotFitRequestedIterations",
        severity: "Error",
        args: ["2019-05-09T11:48:00.000Z", "30", "3", "28"],
        source: "local",
      },
    ]);
  });

  it("passes the journey of the seed's create request", () => {
    const createBody = JSON.parse(
      fs.readFileSync(path.join(__dirname, "../../test/fixtures/seed/create-request.json"), "utf8"),
    ) as JourneyRecord;
    expect(runLocalChecks(createBody)).toEqual({ verdict: "Valid", entries: [] });
  });

  it("passes a complete journey", () => {
    expect(runLocalChecks(good)).toEqual({ verdict: "Valid", entries: [] });
  });

  it.each([undefined, null, "", "   "])("asks for a name when it is %p", (name) => {
    expect(faults({ ...good, msdyncrm_name: name })).toEqual(["NameMissing"]);
  });

  it("wants the start before the end", () => {
    const report = runLocalChecks({ ...good, msdyncrm_enddatetime: good.msdyncrm_startdatetime });
    expect(report.entries.map((e) => [e.fault, ...e.args])).toEqual([
      ["StartNotBeforeEnd", "2026-03-01T09:00:00Z", "2026-03-01T09:00:00Z"],
    ]);
    expect(faults({ ...good, msdyncrm_enddatetime: null })).toEqual([]);
  });

  it("includes the recurrence and the definition's structure", () => {
    expect(faults({ ...good, msdyncrm_isrecurring: true, msdyncrm_recurrencecount: -1 })).toEqual([
      "RecurrenceCountInvalid",
    ]);
    expect(faults({ ...good, msdyncrm_workflowdefinition: "not json" })).toEqual(["DefinitionNotJson"]);
    expect(faults({ ...good, msdyncrm_workflowdefinition: null })).toEqual(["DefinitionEmpty"]);
  });

  it("gives a Warning verdict when only warnings are found, and marks every entry local", () => {
    const startsWithEmail = JSON.stringify([
      { ActivityTypeId: "bpf_root", ActivityId: "01", Properties: { Items: [] } },
      {
        ActivityTypeId: "Email",
        ActivityId: "e",
        ParentActivityId: "01",
        Properties: { Items: [{ ItemId: "x", ActivityTypeId: "Email" }] },
      },
    ]);
    const report = runLocalChecks({ ...good, msdyncrm_workflowdefinition: startsWithEmail });
    expect(report.verdict).toBe("Warning");
    expect(report.entries.map((e) => [e.fault, e.activityId, e.source])).toEqual([
      ["StartsWithoutSegment", "e", "local"],
    ]);
  });

  it("never throws on arbitrary field values, even objects that cannot become strings", () => {
    const fields = Object.keys({ ...good, msdyncrm_recurrencecount: 0, msdyncrm_recurrenceintervaldays: 0 });
    const anyValue = fc.oneof(
      fc.jsonValue(),
      fc.constant({ toString: null, valueOf: null }),
      fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true }),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...fields), anyValue), (values) => {
        const report = runLocalChecks(values as JourneyRecord);
        expect(["Valid", "Warning", "Error"]).toContain(report.verdict);
      }),
    );
  });
});
