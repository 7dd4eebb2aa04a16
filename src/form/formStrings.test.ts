import { readFileSync } from "node:fs";
import path from "node:path";
import { readResxStrings } from "../../scripts/resx";
import { FORM_STRINGS_RESOURCE, createGetString } from "./formStrings";
import { builtEnglishStrings, builtResourceStrings, builtResxFiles } from "./testing/journeyFormFixture";

describe("form strings", () => {
  const english = builtEnglishStrings();

  it("reads the form's RESX web resource, and the built-in English for a string it lacks", () => {
    const asked: string[] = [];
    const getString = createGetString((webResourceName, key) => {
      asked.push(webResourceName);
      return key === "form.a" ? "Text A" : null;
    }, english);
    expect(getString("form.a")).toBe("Text A");
    expect(getString("form.checkPassed")).toBe("The error check found no problems.");
    expect(asked).toEqual([FORM_STRINGS_RESOURCE, FORM_STRINGS_RESOURCE]);
  });

  it("speaks English, never keys, when getResourceString throws (no RESX for the user's language) or answers nothing", () => {
    const french = createGetString(builtResourceStrings(1036), english);
    expect(french("form.checkPassed")).toBe("The error check found no problems.");
    expect(french("status.192350000")).toBe("Draft");
    expect(createGetString(() => undefined, english)("form.checkPassed")).toBe("The error check found no problems.");
    expect(createGetString(() => "", english)("form.checkPassed")).toBe("The error check found no problems.");
  });

  it("carries every form string of the English RESX and nothing else", () => {
    expect(english).toEqual(readResxStrings(builtResxFiles()["strings/form.1033.resx"]));
  });

  it("answers in the user's language and falls back to the base language (English) through the RESX web resources", () => {
    const german = createGetString(builtResourceStrings(1031), english);
    expect(german("status.192350000")).toBe("Entwurf");
    expect(german("form.missing")).toBe("form.missing");
  });

  it("writes one RESX per language with the form, status and fault strings, XML entities intact, and nothing else", () => {
    const files = builtResxFiles();
    expect(Object.keys(files).sort()).toEqual(["strings/form.1031.resx", "strings/form.1033.resx"]);
    const tables = Object.fromEntries(Object.entries(files).map(([name, xml]) => [name, readResxStrings(xml)]));
    for (const [name, xml] of Object.entries(files)) {
      for (const header of ["resmimetype", "version", "reader", "writer"])
        expect(xml).toContain(`<resheader name="${header}">`);
      expect(xml).toContain("<value>text/microsoft-resx</value>");
      const strings = tables[name];
      expect(Object.keys(strings).every((key) => /^(form|fault|status)\./.test(key))).toBe(true);
      expect(Object.keys(strings)).toEqual(
        expect.arrayContaining(["form.goLiveBlocked", "status.192350006", "fault.unknown.message"]),
      );
    }
    const english = tables["strings/form.1033.resx"];
    const german = tables["strings/form.1031.resx"];
    expect(Object.keys(german).sort()).toEqual(Object.keys(english).sort());
    // Decoded once: text that needs escaping (quotes, ×, &) comes back as the source file's text.
    expect(english["form.tileFinding"]).toBe('Tile "{0}": {1}');
    expect(Object.values(english).some((text) => /&(amp|lt|gt|quot|apos);/.test(text))).toBe(false);
    const source = readResxStrings(readFileSync(path.join(__dirname, "../strings/JourneyControl.1033.resx"), "utf8"));
    for (const [key, text] of Object.entries(english)) expect(text).toBe(source[key]);
  });
});
