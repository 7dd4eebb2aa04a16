import { readFileSync } from "node:fs";
import path from "node:path";
import { readResxStrings } from "../../scripts/resx";
import { FORM_STRINGS_RESOURCE, createGetString, type EnglishStrings } from "./formStrings";
import { builtEnglishStrings, builtResourceStrings, builtResxFiles } from "./testing/journeyFormFixture";

describe("form strings", () => {
  const english = builtEnglishStrings();

  it("reads the form's RESX web resource, and the built-in English for a string it lacks", () => {
    const asked: string[] = [];
    const getString = createGetString(
      (webResourceName, key) => {
        asked.push(webResourceName);
        return key === "form.a" ? "Text A" : null;
      },
      english,
      1033,
    );
    expect(getString("form.a")).toBe("Text A");
    expect(getString("form.checkPassed")).toBe("The error check found no problems.");
    expect(asked).toEqual([FORM_STRINGS_RESOURCE, FORM_STRINGS_RESOURCE]);
  });

  it("speaks English, never keys, when getResourceString throws (no RESX for the user's language) or answers nothing", () => {
    const italian = createGetString(builtResourceStrings(1040), english, 1040);
    expect(italian("form.checkPassed")).toBe("The error check found no problems.");
    expect(italian("status.192350000")).toBe("Draft");
    expect(createGetString(() => undefined, english, 1033)("form.checkPassed")).toBe(
      "The error check found no problems.",
    );
    expect(createGetString(() => "", english, 1033)("form.checkPassed")).toBe("The error check found no problems.");
  });

  it("carries every form string of the English RESX and nothing else", () => {
    const leaves = (node: EnglishStrings, prefix: string): [string, string][] =>
      Object.entries(node).flatMap(([segment, child]) =>
        typeof child === "string" ? [[prefix + segment, child]] : leaves(child, `${prefix}${segment}.`),
      );
    const resx = readResxStrings(builtResxFiles()["strings/form.1033.resx"]);
    expect(Object.fromEntries(leaves(english, ""))).toEqual(resx);
    const withoutResx = createGetString(() => null, english, 1033);
    for (const [key, text] of Object.entries(resx)) expect(withoutResx(key)).toBe(text);
    expect(withoutResx("fault")).toBe("fault");
    expect(withoutResx("fault.NameMissing")).toBe("fault.NameMissing");
  });

  it("answers in the user's language and falls back to the base language (English) through the RESX web resources", () => {
    const german = createGetString(builtResourceStrings(1031), english, 1031);
    expect(german("status.192350000")).toBe("Entwurf");
    expect(german("form.missing")).toBe("form.missing");
  });

  it("picks the plural form a count needs by the user's language: French says 0 and 1 in the singular", () => {
    const french = createGetString(builtResourceStrings(1036), english, 1036);
    const inEnglish = createGetString(builtResourceStrings(1033), english, 1033);
    expect([0, 1, 2].map((count) => french("panel.count.Warning", count))).toEqual([
      "{0} avertissement",
      "{0} avertissement",
      "{0} avertissements",
    ]);
    expect([0, 1, 2].map((count) => inEnglish("panel.count.Warning", count))).toEqual([
      "{0} warnings",
      "{0} warning",
      "{0} warnings",
    ]);
    expect(inEnglish("form.goLiveBlocked", 1)).toMatch(/^Not saved: \{0\} error stops/);
    expect(createGetString(builtResourceStrings(1031), english, 1031)("form.goLiveBlocked", 1)).toContain(
      "Beheben Sie ihn",
    );
  });

  it("writes one RESX per language with the form, status and fault strings, XML entities intact, and nothing else", () => {
    const files = builtResxFiles();
    expect(Object.keys(files).sort()).toEqual([
      "strings/form.1031.resx",
      "strings/form.1033.resx",
      "strings/form.1036.resx",
      "strings/form.3082.resx",
    ]);
    const tables = Object.fromEntries(Object.entries(files).map(([name, xml]) => [name, readResxStrings(xml)]));
    for (const [name, xml] of Object.entries(files)) {
      for (const header of ["resmimetype", "version", "reader", "writer"])
        expect(xml).toContain(`<resheader name="${header}">`);
      expect(xml).toContain("<value>text/microsoft-resx</value>");
      const strings = tables[name];
      expect(
        Object.keys(strings).every((key) => /^((form|fault|status)\.|panel\.count\.(Error|Warning)\.)/.test(key)),
      ).toBe(true);
      expect(Object.keys(strings)).toEqual(
        expect.arrayContaining([
          "form.goLiveBlocked.one",
          "status.192350006",
          "fault.unknown.message",
          "panel.count.Error.other",
        ]),
      );
    }
    const english = tables["strings/form.1033.resx"];
    for (const lcid of [1031, 1036, 3082])
      expect(Object.keys(tables[`strings/form.${lcid}.resx`]).sort()).toEqual(Object.keys(english).sort());
    // Decoded once: text that needs escaping (quotes, ×, &) comes back as the source file's text.
    expect(english["form.tileFinding"]).toBe('Tile "{0}": {1}');
    expect(Object.values(english).some((text) => /&(amp|lt|gt|quot|apos);/.test(text))).toBe(false);
    const source = readResxStrings(readFileSync(path.join(__dirname, "../strings/JourneyControl.1033.resx"), "utf8"));
    for (const [key, text] of Object.entries(english)) expect(text).toBe(source[key]);
  });
});
