import path from "node:path";
import { formStringResources } from "./buildPageScript";
import { readResxStrings, resourceStringReader, stringResourcesOf } from "./resx";

const FORM = "cjt_/customerjourney/strings/form";
const ROOT = path.resolve(__dirname, "..", "..");

describe("the harness's Xrm.Utility.getResourceString", () => {
  const resx = (value: string) =>
    `<root><data name="form.a" xml:space="preserve"><value>${value}</value></data></root>`;
  const resources = stringResourcesOf("cjt_/customerjourney/", {
    "strings/form.1033.resx": resx("English &amp; more"),
    "strings/form.1031.resx": "<root></root>",
  });

  it("answers in the user's language, then the org's base language, then null", () => {
    expect(resourceStringReader(resources, 1031, 1033)(FORM, "form.a")).toBe("English & more");
    expect(resourceStringReader(resources, 1033, 1033)(FORM, "form.missing")).toBeNull();
    const german = stringResourcesOf("cjt_/customerjourney/", { "strings/form.1031.resx": resx("Deutsch") });
    expect(resourceStringReader({ [FORM]: { ...resources[FORM], ...german[FORM] } }, 1031, 1033)(FORM, "form.a")).toBe(
      "Deutsch",
    );
  });

  it("throws like the platform when no RESX web resource of that name is a dependency, or none in the user's language", () => {
    expect(() => resourceStringReader(resources, 1033, 1033)("cjt_/other", "form.a")).toThrow(
      "cjt_/other.1033.resx does not exist.",
    );
    expect(() => resourceStringReader(resources, 1036, 1033)(FORM, "form.a")).toThrow(
      `${FORM}.1036.resx does not exist.`,
    );
  });

  it("serves the form script's strings in English and German", () => {
    const read = (language: number) => resourceStringReader(formStringResources(ROOT), language, 1033);
    expect(read(1031)(FORM, "status.192350000")).toBe("Entwurf");
    expect(read(1033)(FORM, "status.192350000")).toBe("Draft");
    expect(read(1033)(FORM, "action.goLive")).toBeNull();
  });
});

describe("the one RESX reader (scripts/resx.js: the form's build, the harness and the tests)", () => {
  const data = (name: string, value: string) =>
    `<data name="${name}" xml:space="preserve"><value>${value}</value></data>`;

  it("decodes decimal and hexadecimal character references as well as the named entities", () => {
    const strings = readResxStrings(
      `<root>${data("decimal", "Caf&#233;")}${data("hex", "Caf&#x00E9; &#x1F600;")}${data("named", "&lt;b&gt; &quot;&apos; &amp;")}</root>`,
    );
    expect(strings).toEqual({ decimal: "Café", hex: "Café 😀", named: `<b> "' &` });
  });

  it("decodes once: an escaped reference stays a reference", () => {
    expect(readResxStrings(`<root>${data("a", "&amp;#233; &amp;lt; &#38;lt;")}</root>`)).toEqual({
      a: "&#233; &lt; &lt;",
    });
  });

  it("keeps CDATA as written, decodes names, skips comments and reads a missing value as empty", () => {
    const strings = readResxStrings(
      `<root><!-- ${data("commented", "out")} -->${data("in&amp;out", "<![CDATA[<i>&amp;</i>]]> &#233;")}` +
        `<data name='single' /><data name="empty"><value/></data><data name="bad"><value>&#x110000;</value></data></root>`,
    );
    expect(strings).toEqual({ "in&out": "<i>&amp;</i> é", single: "", empty: "", bad: "&#x110000;" });
  });
});
