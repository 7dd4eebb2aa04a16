import { readFileSync } from "node:fs";
import path from "node:path";
import { readResxStrings } from "../../scripts/resx";
import { FORM_STRINGS_RESOURCE, createGetString } from "./formStrings";
import { builtResourceStrings, builtResxFiles } from "./testing/journeyFormFixture";

describe("form strings", () => {
  it("reads the form's RESX web resource and shows the key for a string it lacks", () => {
    const asked: string[] = [];
    const getString = createGetString((webResourceName, key) => {
      asked.push(webResourceName);
      return key === "form.a" ? "Text A" : null;
    });
    expect(getString("form.a")).toBe("Text A");
    expect(getString("form.missing")).toBe("form.missing");
    expect(asked).toEqual([FORM_STRINGS_RESOURCE, FORM_STRINGS_RESOURCE]);
  });

  it("shows the key when the resource is missing (getResourceString throws) or answers nothing", () => {
    const missingResource = createGetString((webResourceName) => {
      throw new Error(`${webResourceName} does not exist.`);
    });
    expect(missingResource("form.checkPassed")).toBe("form.checkPassed");
    expect(createGetString(() => undefined)("form.checkPassed")).toBe("form.checkPassed");
    expect(createGetString(() => "")("form.checkPassed")).toBe("form.checkPassed");
  });

  it("answers in the user's language and falls back to the base language (English) through the RESX web resources", () => {
    const german = createGetString(builtResourceStrings(1031));
    expect(german("status.192350000")).toBe("Entwurf");
    expect(createGetString(builtResourceStrings(1036))("status.192350000")).toBe("Draft");
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
