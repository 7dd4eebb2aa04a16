import path from "node:path";
import { formStringResources } from "./buildPageScript";
import { resourceStringReader, stringResourcesOf } from "./resx";

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

  it("throws like the platform when no RESX web resource of that name is a dependency", () => {
    expect(() => resourceStringReader(resources, 1033, 1033)("cjt_/other", "form.a")).toThrow(
      "cjt_/other does not exist.",
    );
  });

  it("serves the form script's strings in English and German", () => {
    const read = (language: number) => resourceStringReader(formStringResources(ROOT), language, 1033);
    expect(read(1031)(FORM, "status.192350000")).toBe("Entwurf");
    expect(read(1033)(FORM, "status.192350000")).toBe("Draft");
    expect(read(1033)(FORM, "action.goLive")).toBeNull();
  });
});
