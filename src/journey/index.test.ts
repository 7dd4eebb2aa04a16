import * as journey from "./index";

describe("journey index", () => {
  it("offers the whole domain API from one import", () => {
    const expected = [
      "JourneyStatus",
      "STATUSES",
      "isJourneyStatus",
      "statusInfo",
      "canTransition",
      "actionsFor",
      "LOCKABLE_FIELDS",
      "lockedFields",
      "VALIDATE_ACTION_NAME",
      "VALIDATE_PARAMETERS",
      "toValidateParameters",
      "fromValidateParameters",
      "parseValidationResponse",
      "toValidationResultJson",
      "mergeReports",
      "verdictOf",
      "mergeFindings",
      "countBySeverity",
      "FaultCode",
      "describeFault",
      "fillPlaceholders",
      "parseDefinition",
      "referencedItems",
      "recurrenceFromRecord",
      "recurrenceFits",
      "earliestFittingEnd",
      "iterationCalendar",
      "recurrenceFindings",
      "runLocalChecks",
      "countKeys",
    ];
    expect(expected.filter((name) => !(name in journey))).toEqual([]);
  });
});
