import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import type { Severity, ValidationEntry, ValidationReport } from "./types";
import { mergeReports, parseValidationResponse, toValidationResultJson, verdictOf } from "./validationResult";

const seedResponseText = fs.readFileSync(
  path.join(__dirname, "../../test/fixtures/seed/validate-response.json"),
  "utf8",
);
const seedResponse = JSON.parse(seedResponseText) as { ValidationResult: string };

const seedReport: ValidationReport = {
  verdict: "Error",
  entries: [
    {
      activityId: "",
      fault: "ErrorRecurringCampaignEndDateDoesNotFitRequestedIterations",
      severity: "Error",
      args: [],
      source: "server",
    },
  ],
};

describe("parseValidationResponse", () => {
  it("reads the seed's response object, its inner string, the inner object and the response text alike", () => {
    expect(parseValidationResponse(seedResponse)).toEqual(seedReport);
    expect(parseValidationResponse(seedResponse.ValidationResult)).toEqual(seedReport);
    expect(parseValidationResponse(JSON.parse(seedResponse.ValidationResult))).toEqual(seedReport);
    expect(parseValidationResponse(seedResponseText)).toEqual(seedReport);
    expect(parseValidationResponse({ ValidationResult: JSON.parse(seedResponse.ValidationResult) })).toEqual(
      seedReport,
    );
  });

  it("labels entries with the source it is given", () => {
    expect(parseValidationResponse(seedResponse, "local").entries[0].source).toBe("local");
  });

  it("reads a valid result with no entries as Valid and a warning as Warning", () => {
    expect(parseValidationResponse('{"ActivityValidationResults":[],"Result":"Valid"}')).toEqual({
      verdict: "Valid",
      entries: [],
    });
    const warning = parseValidationResponse({
      ActivityValidationResults: [
        { ActivityId: "01_0_3", Fault: "SomethingNew", Result: "Warning", ErrorMessageArguments: ["a", 7] },
      ],
      Result: "Warning",
    });
    expect(warning).toEqual({
      verdict: "Warning",
      entries: [
        { activityId: "01_0_3", fault: "SomethingNew", severity: "Warning", args: ["a", "7"], source: "server" },
      ],
    });
  });

  it.each([
    ["not JSON", "<html>Service unavailable</html>", "ResultNotJson"],
    ["empty", "", "ResultEmpty"],
    ["blank", " \n ", "ResultEmpty"],
    ["a number", 42, "ResultNotObject"],
    ["null", null, "ResultNotObject"],
    ["undefined", undefined, "ResultNotObject"],
    ["an array", [1, 2], "ResultNotObject"],
    ["an object without the result's fields", { error: { code: "0x80040216", message: "boom" } }, "ResultIncomplete"],
    ["an inner string that is not JSON", { ValidationResult: "{oops" }, "ResultNotJson"],
    ["an inner empty string", { ValidationResult: "" }, "ResultEmpty"],
    ["an inner value that is not an object", { ValidationResult: 5 }, "ResultNotObject"],
    ["a list that is not a list", { ActivityValidationResults: "none", Result: "Valid" }, "ResultListInvalid"],
  ])("turns %s into an Error report that says why (%s) and keeps the raw text", (_label, input, fault) => {
    const report = parseValidationResponse(input);
    expect(report.verdict).toBe("Error");
    // Only "not JSON" has an argument: the parser's message (its wording is the JavaScript engine's).
    const args = fault === "ResultNotJson" ? [expect.stringMatching(/\S/)] : [];
    expect(report.entries).toEqual([{ activityId: "", fault, severity: "Error", args, source: "server" }]);
    expect(report.unreadable?.raw).toBe(
      typeof input === "string" ? input : (JSON.stringify(input) ?? "[object Undefined]"),
    );
  });

  it("says at which character a result that is not JSON goes wrong, not the browser's parser message", () => {
    expect(parseValidationResponse("{oops").entries[0]).toMatchObject({ fault: "ResultNotJson", args: ["2"] });
    expect(parseValidationResponse('{"Result":"Valid",}').entries[0].args).toEqual(["19"]);
  });

  it("reports an object that throws while it is read, with the error's message", () => {
    const hostile = {
      get ValidationResult(): string {
        throw new Error("getter failed");
      },
    };
    const report = parseValidationResponse(hostile);
    expect(report.verdict).toBe("Error");
    expect(report.entries).toEqual([
      {
        activityId: "",
        fault: "ValidationResultUnreadable",
        severity: "Error",
        args: ["getter failed"],
        source: "server",
      },
    ]);
    expect(report.unreadable).toBeDefined();
  });

  // Documented choices for entries that are only partly readable.
  it("fills in missing fields and treats unknown Result values as Error", () => {
    const report = parseValidationResponse({
      ActivityValidationResults: [
        { Fault: "NoActivity", Result: "Warning" },
        { ActivityId: "01_0", Result: "Fatal", ErrorMessageArguments: "single" },
        { ActivityId: 7, Fault: "NumericId", Result: "valid", ErrorMessageArguments: [null, { a: 1 }, true] },
        "not an entry",
      ],
      Result: "Valid",
    });
    expect(report.entries).toEqual([
      { activityId: "", fault: "NoActivity", severity: "Warning", args: [], source: "server" },
      { activityId: "01_0", fault: "", severity: "Error", args: ["single"], source: "server" },
      { activityId: "7", fault: "NumericId", severity: "Valid", args: ["", '{"a":1}', "true"], source: "server" },
      {
        activityId: "",
        fault: "ValidationResultUnreadable",
        severity: "Error",
        args: ["not an entry"],
        source: "server",
      },
    ]);
    // The overall verdict is never milder than its worst entry.
    expect(report.verdict).toBe("Error");
    expect(report.unreadable).toBeUndefined();
  });

  it("treats an unknown overall Result as Error and a missing one as the worst entry", () => {
    expect(parseValidationResponse({ ActivityValidationResults: [], Result: "Maybe" }).verdict).toBe("Error");
    expect(
      parseValidationResponse({ ActivityValidationResults: [{ ActivityId: "", Fault: "X", Result: "Warning" }] })
        .verdict,
    ).toBe("Warning");
  });

  it("never throws on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (text) => {
        const report = parseValidationResponse(text);
        expect(["Valid", "Warning", "Error"]).toContain(report.verdict);
      }),
      { numRuns: 500 },
    );
  });

  it("never throws on arbitrary JSON values, as values, as text, or wrapped as ValidationResult", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        for (const input of [
          value,
          JSON.stringify(value),
          { ValidationResult: JSON.stringify(value) },
          { ValidationResult: value },
        ]) {
          const report = parseValidationResponse(input);
          expect(SEVERITIES).toContain(report.verdict);
          expect(Array.isArray(report.entries)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("never throws on results whose entries have arbitrary fields", () => {
    const entry = fc.record(
      {
        ActivityId: fc.jsonValue(),
        Fault: fc.jsonValue(),
        Result: fc.jsonValue(),
        ErrorMessageArguments: fc.jsonValue(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(entry, fc.jsonValue())), fc.jsonValue(), (list, result) => {
        const report = parseValidationResponse({
          ValidationResult: JSON.stringify({ ActivityValidationResults: list, Result: result }),
        });
        // A verdict with no entries gets the one finding that says so.
        expect(report.entries).toHaveLength(list.length || (report.verdict === "Valid" ? 0 : 1));
        for (const e of report.entries) expect(e.args.every((arg) => typeof arg === "string")).toBe(true);
      }),
    );
  });

  it("never throws on arbitrary JavaScript values either", () => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true, withTypedArray: true }),
        (value) => {
          expect(SEVERITIES).toContain(parseValidationResponse(value).verdict);
        },
      ),
    );
  });
});

const SEVERITIES: Severity[] = ["Valid", "Warning", "Error"];

const entryArbitrary: fc.Arbitrary<ValidationEntry> = fc.record({
  activityId: fc.oneof(fc.constant(""), fc.string()),
  fault: fc.string(),
  severity: fc.constantFrom(...SEVERITIES),
  args: fc.array(fc.string()),
  source: fc.constant("server" as const),
});

describe("a verdict the server gives without entries", () => {
  it.each(["Error", "Warning"] as const)(
    "%s with no entries is one finding saying the check gave no details",
    (verdict) => {
      for (const stored of [{ ActivityValidationResults: [], Result: verdict }, { Result: verdict }]) {
        expect(parseValidationResponse({ ValidationResult: JSON.stringify(stored) })).toEqual({
          verdict,
          entries: [{ activityId: "", fault: "ResultWithoutDetails", severity: verdict, args: [], source: "server" }],
        });
      }
    },
  );
});

describe("toValidationResultJson", () => {
  it("writes the seed's inner JSON for the seed's report", () => {
    expect(JSON.parse(toValidationResultJson(seedReport))).toEqual(JSON.parse(seedResponse.ValidationResult));
  });

  it("round-trips with parseValidationResponse", () => {
    fc.assert(
      fc.property(fc.array(entryArbitrary), fc.constantFrom(...SEVERITIES), (entries, extra) => {
        // Without entries the verdict is Valid: the product writes no bare "Error" (that reads as one finding, below).
        const verdict =
          entries.length === 0
            ? "Valid"
            : SEVERITIES[Math.max(SEVERITIES.indexOf(verdictOf(entries)), SEVERITIES.indexOf(extra))];
        const report: ValidationReport = { verdict, entries };
        expect(parseValidationResponse(toValidationResultJson(report))).toEqual(report);
      }),
    );
  });
});

describe("verdictOf and mergeReports", () => {
  const entry = (severity: Severity, source: "local" | "server" = "local"): ValidationEntry => ({
    activityId: "",
    fault: "F",
    severity,
    args: [],
    source,
  });

  it("takes the worst severity", () => {
    expect(verdictOf([])).toBe("Valid");
    expect(verdictOf([entry("Valid"), entry("Warning")])).toBe("Warning");
    expect(verdictOf([entry("Error"), entry("Warning")])).toBe("Error");
  });

  it("keeps every entry and the worst verdict", () => {
    const local: ValidationReport = { verdict: "Warning", entries: [entry("Warning")] };
    const server: ValidationReport = { verdict: "Valid", entries: [entry("Valid", "server")] };
    expect(mergeReports(local, server)).toEqual({
      verdict: "Warning",
      entries: [entry("Warning"), entry("Valid", "server")],
    });
    expect(mergeReports()).toEqual({ verdict: "Valid", entries: [] });
    const unreadable = parseValidationResponse("nope");
    expect(mergeReports(local, unreadable)).toMatchObject({ verdict: "Error", unreadable: unreadable.unreadable });
  });
});
