import { toJourneyError } from "../dataverse/webApiErrors";
import { JourneyError } from "../dataverse/journeyError";
import { parseDefinition } from "../journey/workflowDefinition";
import { DEFINITION, entry } from "./testing/fakeJourneyService";
import { resxStrings } from "./testing/resxStrings";
import { reportAsText, verdictText } from "./reportText";
import type { RecordAccess } from "./RecordLink";
import { localiserFor } from "./strings";
import { shownReport } from "./validationGroups";

const en = localiserFor(resxStrings(1033).getString, 1033);
const de = localiserFor(resxStrings(1031).getString, 1031);
const definition = parseDefinition(DEFINITION);
const about = [
  "Spring newsletter",
  "5f0d6c2a-1b2c-4d3e-8f90-0a1b2c3d4e5f",
  "Draft",
  "https://contoso.crm4.dynamics.com",
  "Nov 28, 2026, 10:00 AM",
] as const;
const nameMissing = entry("NameMissing", "", "Error", [], "local");
const noNames: RecordAccess = { names: new Map(), open: () => undefined };

describe("Copy details", () => {
  test("starts with the journey's name, id, status, the org's URL and the time, then the verdict and every finding", () => {
    const shown = shownReport(
      { verdict: "Error", entries: [nameMissing, entry("ErrorEmailNotLive", "01_0_1", "Error", ["15bd0ab8"])] },
      "form",
      "2026-11-28T10:00:00.000Z",
    );
    const lines = reportAsText(shown, definition, en, noNames, about).split("\n");
    expect(lines.slice(0, 7)).toEqual([
      "Customer journey error check",
      "Journey: \u2068Spring newsletter\u2069",
      "Id: 5f0d6c2a-1b2c-4d3e-8f90-0a1b2c3d4e5f",
      "Status: Draft",
      "Organization: https://contoso.crm4.dynamics.com",
      "Checked: Nov 28, 2026, 10:00 AM",
      "Errors found: 2 errors",
    ]);
    const findings = lines.slice(7).join("\n");
    expect(findings).toContain(en("fault.NameMissing.message"));
    expect(findings).toContain("ErrorEmailNotLive");
  });

  test("says what is not known rather than leaving it blank: a stored result's time, an unsaved journey's id, no org", () => {
    const shown = shownReport({ verdict: "Valid", entries: [] }, "stored", null);
    const text = reportAsText(shown, definition, de, noNames, [about[0], "", about[2], "", ""]);
    expect(text.split("\n").slice(0, 7)).toEqual([
      "Fehlerprüfung der Customer Journey",
      "Customer Journey: \u2068Spring newsletter\u2069",
      "ID: nicht bekannt",
      "Status: Draft",
      "Organisation: nicht bekannt",
      "Geprüft: nicht bekannt",
      "Keine Fehler gefunden",
    ]);
  });

  test("names the records the findings are about, with their ids; one without a name says why", () => {
    const named = "5e0f0000-0000-0000-0000-000000000101";
    const missing = "5e0f0000-0000-0000-0000-000000000102";
    const shown = shownReport(
      {
        verdict: "Error",
        entries: [
          entry("ErrorSegmentNotLive", "01_0_1", "Error", [named]),
          entry("ErrorSegmentNotLive", "01_0_1", "Error", [missing]),
        ],
      },
      "form",
      "2026-11-28T10:00:00.000Z",
    );
    const records: RecordAccess = {
      names: new Map([
        [named, { name: "New prospects (draft)" }],
        [missing, { missing: "notFound" }],
      ]),
      open: () => undefined,
    };
    const text = reportAsText(shown, definition, en, records, about);
    expect(text).toContain(`The segment \u2068New prospects (draft) (${named})\u2069 is not live.`);
    expect(text).toContain(`The segment \u2068${missing} (not found)\u2069 is not live.`);
  });
});

describe("the verdict", () => {
  test("counts after the verdict as each language punctuates it: French puts a no-break space before the colon", () => {
    const shown = shownReport({ verdict: "Error", entries: [nameMissing] }, "form", "2026-11-28T10:00:00.000Z");
    const fr = localiserFor(resxStrings(1036).getString, 1036);
    expect(verdictText(shown, fr)).toBe("Erreurs trouvées\u00a0: 1 erreur");
    expect(verdictText(shown, en)).toBe("Errors found: 1 error");
  });

  test("says no errors were found only when the server's check ran", () => {
    const ran = shownReport({ verdict: "Valid", entries: [] }, "form", "2026-11-28T10:00:00.000Z");
    expect(verdictText(ran, en)).toBe("No errors found");
    const notRun = shownReport(
      { verdict: "Valid", entries: [] },
      "form",
      "2026-11-28T10:00:00.000Z",
      toJourneyError({ status: 500 }, "validate"),
    );
    expect(verdictText(notRun, en)).toBe(
      "The server's error check did not run: the server answered with an error. Only this product's own checks ran: no errors",
    );
    expect(verdictText(notRun, de)).toBe(
      "Die Fehlerprüfung des Servers lief nicht: der Server hat mit einem Fehler geantwortet. Nur die eigenen Prüfungen dieses Produkts liefen: keine Fehler",
    );
  });

  test("counts the product's own findings when the server's check did not run, and says why with its arguments", () => {
    const timedOut = new JourneyError("timeout", "error.requestTimeout", { args: ["30"] });
    const shown = shownReport({ verdict: "Error", entries: [nameMissing] }, "saved", null, timedOut);
    expect(verdictText(shown, en)).toBe(
      "The server's error check did not run: the server did not answer within 30 seconds. Only this product's own checks ran: 1 error",
    );
  });

  test.each(["checking", "local"] as const)("while only the product's own checks ran (%s), it says so", (origin) => {
    expect(verdictText(shownReport({ verdict: "Valid", entries: [] }, origin, null), en)).toBe(
      "This product's own checks so far: no errors",
    );
  });

  test.each([
    ["the server's 500", { status: 500 }],
    ["a network failure", {}],
    ["a missing action", { status: 404 }],
    ["throttling", { status: 429 }],
    ["an expired sign-in", { status: 401 }],
    ["a missing privilege", { status: 403 }],
    ["a concurrency error", { status: 412 }],
    ["a refusal", { errorCode: 0x80040265, message: "Blocked by rule" }],
    ["an unreadable answer", Object.assign(new SyntaxError("bad"), { status: 200 })],
  ])("the reason for %s is a sentence of the user's language, not a resource key", (_case, error) => {
    for (const localise of [en, de]) {
      const shown = shownReport({ verdict: "Valid", entries: [] }, "form", null, toJourneyError(error, "validate"));
      expect(verdictText(shown, localise)).not.toMatch(/panel\.|\{\d\}/);
    }
  });
});
