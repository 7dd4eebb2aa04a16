import { parseValidationResponse } from "../journey/validationResult";
import type { JourneyRecord } from "../journey/types";
import { noticesFor } from "./checkNotifications";
import { createGetString } from "./formStrings";
import { SAMPLE_DEFINITION, builtEnglishStrings, builtResourceStrings } from "./testing/journeyFormFixture";

const getString = createGetString(builtResourceStrings(1033), builtEnglishStrings(), 1033);
const RLO = "\u202E";
const values = (definition = SAMPLE_DEFINITION): JourneyRecord => ({ msdyncrm_workflowdefinition: definition });

/** The notices for a server answer, as the gate (or Check for errors) shows them. */
function noticesForServer(inner: unknown, purpose: "goLive" | "check" = "goLive", record = values()) {
  const report = parseValidationResponse({ ValidationResult: JSON.stringify(inner) });
  const kind = report.verdict === "Error" ? "blocked" : report.verdict === "Warning" ? "warnings" : "clean";
  return noticesFor({ kind, report }, purpose, record, getString).map((notice) => notice.message);
}

describe("the form's check notifications", () => {
  it("says the server reported an error without details when its Error verdict lists nothing, never 0 errors", () => {
    for (const purpose of ["goLive", "check"] as const) {
      const messages = noticesForServer({ ActivityValidationResults: [], Result: "Error" }, purpose);
      expect(messages.join("\n")).not.toMatch(/\b0 error/);
      expect(messages).toContainEqual(
        expect.stringContaining("The error check reported a problem but gave no details."),
      );
    }
  });

  it("leaves a missing argument out of the sentence: no 'The segment  is not live.'", () => {
    const messages = noticesForServer({
      ActivityValidationResults: [{ ActivityId: "", Fault: "ErrorSegmentNotLive", Result: "Error" }],
      Result: "Error",
    });
    expect(messages[1]).toMatch(/^A segment of this journey is not live\. /);
    expect(messages.join("\n")).not.toMatch(/ {2}/);
  });

  it("shows at most 200 characters of an 800 KB argument", () => {
    const huge = "x".repeat(800 * 1024);
    const messages = noticesForServer({
      ActivityValidationResults: [
        { ActivityId: "", Fault: "ErrorEmailNotLive", Result: "Error", ErrorMessageArguments: [huge] },
      ],
      Result: "Error",
    });
    expect(messages[1].length).toBeLessThan(400);
    expect(messages[1]).toContain(`${"x".repeat(200)}\u2026`);
  });

  it("keeps a tile name's unterminated right-to-left override inside the tile name", () => {
    const definition = SAMPLE_DEFINITION.replace('"Welcome email"', `"${RLO}Welcome email"`);
    const messages = noticesForServer(
      {
        ActivityValidationResults: [
          { ActivityId: "01_0_2", Fault: "ErrorEmailNotLive", Result: "Error", ErrorMessageArguments: ["e1"] },
        ],
        Result: "Error",
      },
      "goLive",
      values(definition),
    );
    expect(messages[1]).toBe(
      `Tile "\u2068${RLO}Welcome email\u202C\u2069": The email \u2068e1\u2069 is not live. Take the email live, then check again.`,
    );
  });
});
