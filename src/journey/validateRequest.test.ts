import * as fs from "node:fs";
import * as path from "node:path";
import type { JourneyRecord } from "./types";
import { checkedValuesKey, fromValidateParameters, toValidateParameters, VALIDATE_PARAMETERS } from "./validateRequest";

const seedBody = JSON.parse(
  fs.readFileSync(path.join(__dirname, "../../test/fixtures/seed/validate-request.json"), "utf8"),
) as Record<string, unknown>;

/** The seed request's journey as retrieveRecord returns it: lower-case GUIDs, dates without milliseconds. */
const seedRecord: JourneyRecord = {
  msdyncrm_customerjourneyid: "6628bbf7-c52a-e911-a9b7-000d3a1e6adc",
  statuscode: 192350000,
  msdyncrm_name: "Sample Customer Journey",
  msdyncrm_startdatetime: "2019-02-08T11:48:00Z",
  msdyncrm_enddatetime: "2019-03-08T11:48:00Z",
  msdyncrm_workflowdefinition: seedBody.FieldValueWorkflowDefinition as string,
  msdyncrm_isrecurring: true,
  msdyncrm_recurrenceintervaldays: 30,
  msdyncrm_recurrencecount: 3,
  msgdpr_requiredconsent: 587030001,
  _msdyncrm_contentsettingsid_value: "1922b1d8-0523-e911-a9ba-000d3a1e689f",
  msdyncrm_entitytarget: 0,
  _msdyncrm_suppressionsegmentid_value: "544a3e20-9b23-e911-a9b6-000d3a1e6c14",
  msdyncrm_customerjourneytimezone: 92,
  msdyncrm_type: 192350000,
  "@odata.etag": 'W/"1234"',
};

describe("validate request mapping", () => {
  it("maps the seed's journey to exactly the seed's request body", () => {
    expect(toValidateParameters(seedRecord)).toEqual(seedBody);
  });

  it("lists the 14 parameters once each", () => {
    expect(VALIDATE_PARAMETERS).toHaveLength(14);
    expect(new Set(VALIDATE_PARAMETERS.map((p) => p.name)).size).toBe(14);
    expect(Object.keys(seedBody).sort()).toEqual(VALIDATE_PARAMETERS.map((p) => p.name).sort());
  });

  it("reads each parameter from its documented column", () => {
    expect(Object.fromEntries(VALIDATE_PARAMETERS.map((p) => [p.name, p.column]))).toEqual({
      FieldValueCustomerJourneyId: "msdyncrm_customerjourneyid",
      FieldValueStatusCode: "statuscode",
      FieldValueName: "msdyncrm_name",
      FieldValueStartDateTime: "msdyncrm_startdatetime",
      FieldValueEndDateTime: "msdyncrm_enddatetime",
      FieldValueWorkflowDefinition: "msdyncrm_workflowdefinition",
      FieldValueIsRecurring: "msdyncrm_isrecurring",
      FieldValueRecurrenceIntervalDays: "msdyncrm_recurrenceintervaldays",
      FieldValueRecurrenceCount: "msdyncrm_recurrencecount",
      FieldValueRequiredConsent: "msgdpr_requiredconsent",
      FieldValueContentSettingsId: "_msdyncrm_contentsettingsid_value",
      FieldValueEntityTarget: "msdyncrm_entitytarget",
      FieldValueSuppressionSegmentId: "_msdyncrm_suppressionsegmentid_value",
      FieldValueCustomerJourneyTimeZone: "msdyncrm_customerjourneytimezone",
    });
  });

  it("leaves out absent and null values", () => {
    expect(
      toValidateParameters({ msdyncrm_name: "Only a name", msdyncrm_startdatetime: null, statuscode: null }),
    ).toEqual({
      FieldValueName: "Only a name",
    });
  });

  it("braces and upper-cases GUIDs however they arrive and writes dates in UTC with milliseconds", () => {
    const parameters = toValidateParameters({
      msdyncrm_customerjourneyid: "{6628bbf7-c52a-e911-a9b7-000d3a1e6adc}",
      msdyncrm_startdatetime: "2019-02-08T12:48:00+01:00",
      msdyncrm_isrecurring: false,
      msdyncrm_recurrencecount: 0,
    });
    expect(parameters).toEqual({
      FieldValueCustomerJourneyId: "{6628BBF7-C52A-E911-A9B7-000D3A1E6ADC}",
      FieldValueStartDateTime: "2019-02-08T11:48:00.000Z",
      FieldValueIsRecurring: false,
      FieldValueRecurrenceCount: 0,
    });
  });

  it("leaves out values that the action could not take (not a GUID, not a date, not an Int32)", () => {
    expect(
      toValidateParameters({
        _msdyncrm_contentsettingsid_value: "not-a-guid",
        msdyncrm_enddatetime: "someday",
        msdyncrm_recurrencecount: 2.5,
      }),
    ).toEqual({});
  });

  it("reads the seed's body back into the record retrieveRecord would give", () => {
    const { values, problems } = fromValidateParameters(seedBody);
    expect(problems).toEqual([]);
    const columns: JourneyRecord = { ...seedRecord };
    delete columns.msdyncrm_type;
    delete columns["@odata.etag"];
    expect(values).toEqual(columns);
    expect(toValidateParameters(values)).toEqual(seedBody);
  });

  it("lists type problems and unknown parameters instead of taking the values", () => {
    const { values, problems } = fromValidateParameters({
      FieldValueName: "Ok",
      FieldValueRecurrenceCount: "3",
      FieldValueIsRecurring: "true",
      FieldValueStartDateTime: "yesterday",
      FieldValueContentSettingsId: "{nope}",
      FieldValueStatusCode: 1.5,
      FieldValueEntityTarget: null,
      FieldValueSomethingElse: 1,
    });
    expect(values).toEqual({ msdyncrm_name: "Ok" });
    expect(problems).toHaveLength(6);
    expect(problems.join("\n")).toContain('FieldValueRecurrenceCount: expected Edm.Int32, got string "3"');
    expect(problems.join("\n")).toContain("FieldValueIsRecurring: expected Edm.Boolean");
    expect(problems.join("\n")).toContain("FieldValueStartDateTime");
    expect(problems.join("\n")).toContain("FieldValueContentSettingsId");
    expect(problems.join("\n")).toContain("FieldValueStatusCode");
    expect(problems.join("\n")).toContain("FieldValueSomethingElse: not a parameter");
  });

  it.each([null, [], "text", 3])("rejects a body that is not an object: %p", (body) => {
    const { values, problems } = fromValidateParameters(body);
    expect(values).toEqual({});
    expect(problems).toHaveLength(1);
  });
});

describe("checkedValuesKey", () => {
  it("is the same for values the action sees alike, and differs when a value it is asked about differs", () => {
    const sameToTheAction: JourneyRecord = {
      ...seedRecord,
      msdyncrm_customerjourneyid: `{${seedRecord.msdyncrm_customerjourneyid!.toUpperCase()}}`,
      msdyncrm_customerjourneydesignerstate: '{"NextActivityID":9}',
    };
    expect(checkedValuesKey(sameToTheAction)).toBe(checkedValuesKey(seedRecord));
    expect(checkedValuesKey({ ...seedRecord, msdyncrm_name: "Renamed" })).not.toBe(checkedValuesKey(seedRecord));
    expect(checkedValuesKey({ ...seedRecord, msdyncrm_recurrencecount: 4 })).not.toBe(checkedValuesKey(seedRecord));
  });
});
