import * as fs from "node:fs";
import * as path from "node:path";
import { readResxStrings } from "../../scripts/resx";
import { describeFault, FaultCode, fillPlaceholders, localFinding, type Localise } from "./faultCatalogue";
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

  it("names every code after itself; the product's own findings block going live, but a journey without a segment only warns", () => {
    for (const [name, code] of Object.entries(FaultCode)) {
      expect(code).toBe(name);
      expect(localFinding(code).severity).toBe(code === "StartsWithoutSegment" ? "Warning" : "Error");
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

  it("falls back to the generic text when the resources lack a known code's strings", () => {
    const described = describeFault(entry("NameMissing", ["a"]), (key) => key);
    expect(described).toEqual({ code: "NameMissing", known: false, message: "NameMissing", hint: "a", args: ["a"] });
  });

  it("fills placeholders by position and empties those without an argument", () => {
    expect(fillPlaceholders("{1} before {0}, {0} again, {2}", ["a", "b"])).toBe("b before a, a again, ");
  });
});
