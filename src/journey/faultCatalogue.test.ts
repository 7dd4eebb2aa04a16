import * as fs from "node:fs";
import * as path from "node:path";
import { readResxStrings } from "../../scripts/resx";
import { describeFault, FaultCode, fillPlaceholders, localFinding, shortenText, type Localise } from "./faultCatalogue";
import type { ValidationEntry } from "./types";

function readResx(culture: number): Map<string, string> {
  const xml = fs.readFileSync(path.join(__dirname, `../strings/JourneyControl.${culture}.resx`), "utf8");
  return new Map(Object.entries(readResxStrings(xml)));
}

const entry = (fault: string, args: string[] = []): ValidationEntry => ({
  activityId: "",
  fault,
  severity: "Error",
  args,
  source: "server",
});

describe("fault catalogue", () => {
  let english: Map<string, string>;
  let german: Map<string, string>;
  beforeAll(() => {
    english = readResx(1033);
    german = readResx(1031);
  });
  const lookUp =
    (strings: () => Map<string, string>): Localise =>
    (key, ...args) =>
      fillPlaceholders(strings().get(key) ?? key, args.map(String));

  it("has a message and a fix hint for every fault code, in English and in German", () => {
    const missing: string[] = [];
    for (const [culture, strings] of [
      ["1033", english],
      ["1031", german],
    ] as const) {
      for (const code of [...Object.values(FaultCode), "unknown"]) {
        for (const part of ["message", "hint"]) {
          const text = strings.get(`fault.${code}.${part}`);
          if (!text || text.trim() === "") missing.push(`${culture} fault.${code}.${part}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("uses the same placeholders in both languages", () => {
    const placeholders = (text: string | undefined) => (text?.match(/\{\d+\}/g) ?? []).sort().join();
    for (const [key, text] of english) {
      if (key.startsWith("fault."))
        expect({ key, placeholders: placeholders(german.get(key)) }).toEqual({ key, placeholders: placeholders(text) });
    }
  });

  it("names every code after itself; the product's own findings block going live, but a journey without a segment or starting at once only warns", () => {
    const warnings = ["StartsWithoutSegment", "StartDatePassed"];
    for (const [name, code] of Object.entries(FaultCode)) {
      expect(code).toBe(name);
      expect(localFinding(code).severity).toBe(warnings.includes(code) ? "Warning" : "Error");
    }
  });

  it("fills the arguments into the message of a known code", () => {
    const described = describeFault(
      entry("ErrorEmailNotLive", ["15bd0ab8-c12a-e911-a9b6-000d3a1e6c14"]),
      lookUp(() => english),
    );
    expect(described).toEqual({
      code: "ErrorEmailNotLive",
      known: true,
      message: "The email 15bd0ab8-c12a-e911-a9b6-000d3a1e6c14 is not live.",
      hint: english.get("fault.ErrorEmailNotLive.hint"),
      args: ["15bd0ab8-c12a-e911-a9b6-000d3a1e6c14"],
      short: {
        message: "The email 15bd0ab8-c12a-e911-a9b6-000d3a1e6c14 is not live.",
        hint: english.get("fault.ErrorEmailNotLive.hint"),
      },
    });
    expect(
      describeFault(
        entry("ErrorEmailNotLive", ["x"]),
        lookUp(() => german),
      ).message,
    ).toBe("Die E-Mail x ist nicht live.");
  });

  it("describes the seed's fault without arguments", () => {
    const described = describeFault(
      entry(FaultCode.ErrorRecurringCampaignEndDateDoesNotFitRequestedIterations),
      lookUp(() => english),
    );
    expect(described.known).toBe(true);
    expect(described.message).toBe("The recurrence does not fit between the start and end dates.");
    expect(described.message).not.toMatch(/\{\d\}/);
  });

  it("still shows the code and the arguments of an unknown fault", () => {
    const described = describeFault(
      entry("ErrorSomethingNew", ["01_0_3", "42"]),
      lookUp(() => english),
    );
    expect(described.known).toBe(false);
    expect(described.message).toContain("ErrorSomethingNew");
    expect(described.hint).toContain("01_0_3, 42");
    const withoutArgs = describeFault(
      entry("ErrorSomethingNew"),
      lookUp(() => german),
    );
    expect(withoutArgs.message).toContain("ErrorSomethingNew");
    expect(withoutArgs.hint).toContain("Argumente: keine");
  });

  it("shows a server code that names the catalogue's own texts as an unknown fault, not as their text", () => {
    for (const code of ["unknown", "argumentMissing"]) {
      const described = describeFault(
        entry(code, ["x"]),
        lookUp(() => english),
      );
      expect(described.known).toBe(false);
      expect(described.message).toContain(code);
      expect(described.hint).toContain("x");
    }
  });

  it("falls back to the generic text when the resources lack a known code's strings", () => {
    const described = describeFault(entry("NameMissing", ["a"]), (key) => key);
    expect(described).toEqual({
      code: "NameMissing",
      known: false,
      message: "NameMissing",
      hint: "a",
      args: ["a"],
      short: { message: "NameMissing", hint: "a" },
    });
  });

  it("leaves missing arguments out of the sentence, in English and German, and lists only the given ones of an unknown code", () => {
    const en = lookUp(() => english);
    const de = lookUp(() => german);
    expect(describeFault(entry("ErrorSegmentNotLive"), en).message).toBe("A segment of this journey is not live.");
    expect(describeFault(entry("ErrorSegmentNotLive", ["  "]), de).message).toBe(
      "Ein Segment dieser Customer Journey ist nicht live.",
    );
    expect(describeFault(entry("StartNotBeforeEnd", ["", "2027-01-01"]), en).message).toBe(
      "The start date (not given) is not before the end date (2027-01-01).",
    );
    expect(describeFault(entry("RecurrenceCountInvalid"), de).message).toBe(
      "Die Anzahl der Wiederholungen (nicht angegeben) muss eine ganze Zahl sein, 0 oder mehr.",
    );
    expect(describeFault(entry("SomethingNew", ["", "b", " "]), en).hint).toMatch(/^Arguments: b\. /);
    expect(describeFault(entry("SomethingNew", [""]), en).hint).toMatch(/^Arguments: none\. /);
  });

  it("renders an 800 KB argument whole for Copy details and shortened to 200 characters for reading", () => {
    const huge = "x".repeat(800 * 1024);
    const described = describeFault(
      entry("ValidationResultUnreadable", [huge]),
      lookUp(() => english),
    );
    expect(described.message).toBe(`The error check's result could not be read: ${huge}`);
    expect(described.short.message).toBe(`The error check's result could not be read: ${"x".repeat(200)}\u2026`);
    const unknown = describeFault(
      entry(huge, ["y".repeat(300)]),
      lookUp(() => english),
    );
    expect(unknown.short.message.length).toBeLessThan(400);
    expect(unknown.short.hint).toContain(`${"y".repeat(200)}\u2026`);
    expect(unknown.hint).toContain("y".repeat(300));
  });

  it("shortens text on a character boundary, never inside a surrogate pair", () => {
    expect(shortenText("ab", 2)).toBe("ab");
    expect(shortenText("abc", 2)).toBe("ab\u2026");
    expect(shortenText("a\u{1F600}b", 2)).toBe("a\u2026");
  });

  it("fills placeholders by position and empties those without an argument", () => {
    expect(fillPlaceholders("{1} before {0}, {0} again, {2}", ["a", "b"])).toBe("b before a, a again, ");
  });
});
