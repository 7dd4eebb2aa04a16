import { BUNDLED_STRINGS, createGetString } from "./formStrings";
import { bundledStringTables } from "./testing/journeyFormFixture";

describe("form strings", () => {
  const tables = { "1033": { "form.a": "English A", "form.b": "English B" }, "1031": { "form.a": "Deutsch A" } };

  it("answers in the user's language, falls back to English, then shows the key", () => {
    const german = createGetString(tables, 1031);
    expect(german("form.a")).toBe("Deutsch A");
    expect(german("form.b")).toBe("English B");
    expect(german("form.missing")).toBe("form.missing");
    expect(createGetString(tables, 1036)("form.a")).toBe("English A");
    expect(createGetString(tables, undefined)("form.a")).toBe("English A");
  });

  it("is empty when the code runs without the build's strings", () => {
    expect(BUNDLED_STRINGS).toEqual({});
  });

  it("embeds the form, status and fault strings of both resx files, with XML entities resolved, and nothing else", () => {
    const embedded = bundledStringTables();
    expect(Object.keys(embedded).sort()).toEqual(["1031", "1033"]);
    for (const strings of Object.values(embedded)) {
      expect(Object.keys(strings).every((key) => /^(form|fault|status)\./.test(key))).toBe(true);
      expect(Object.keys(strings)).toEqual(expect.arrayContaining(["form.goLiveBlocked", "status.192350006", "fault.unknown.message"]));
    }
    expect(embedded["1031"]["status.192350000"]).toBe("Entwurf");
    expect(Object.values(embedded["1033"]).some((text) => /&(amp|lt|gt|quot|apos);/.test(text))).toBe(false);
    expect(Object.keys(embedded["1031"]).sort()).toEqual(Object.keys(embedded["1033"]).sort());
  });
});
