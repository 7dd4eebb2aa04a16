import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SolutionInputError } from "./solutionInputError";
import {
  nextReleaseVersion,
  parseReleaseVersion,
  readControlVersion,
  solutionVersionOf,
  withControlVersion,
} from "./version";

describe("the package version", () => {
  it("maps major.minor.patch to the four-part solution version with revision 0", () => {
    expect(solutionVersionOf(parseReleaseVersion("1.12.2"))).toBe("1.12.2.0");
  });

  it.each([
    "1.0",
    "1.0.0.0",
    "1.0.0-beta.1",
    "1.0.0+build",
    "v1.0.0",
    "01.0.0",
    "1..0",
    "",
    "2147483648.0.0",
    1,
    null,
    undefined,
  ])("rejects %p with a message naming the expected form", (version) => {
    expect(() => parseReleaseVersion(version)).toThrow(SolutionInputError);
    expect(() => parseReleaseVersion(version)).toThrow(/is not major\.minor\.patch with whole numbers/);
  });
});

describe("raising the version", () => {
  const current = parseReleaseVersion("1.4.2");

  it.each([
    ["patch", "1.4.3.0"],
    ["minor", "1.5.0.0"],
    ["major", "2.0.0.0"],
    ["1.10.0", "1.10.0.0"],
  ])("%s gives solution version %s", (spec, expected) => {
    expect(solutionVersionOf(nextReleaseVersion(current, spec))).toBe(expected);
  });

  it.each(["1.4.2", "1.4.1", "0.9.9"])("refuses %s because Dataverse needs a higher version", (spec) => {
    expect(() => nextReleaseVersion(current, spec)).toThrow(/is not higher than the current 1\.4\.2/);
  });

  it("refuses an unknown bump kind", () => {
    expect(() => nextReleaseVersion(current, "micro")).toThrow(/"micro" is not major\.minor\.patch/);
  });
});

describe("the control manifest version", () => {
  const inputManifest = readFileSync(join(__dirname, "..", "JourneyControl", "ControlManifest.Input.xml"), "utf8");

  it("reads the <control> version of the project's Input manifest", () => {
    expect(readControlVersion(inputManifest)).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("changes only the <control> version, not the XML declaration, resx or platform library versions", () => {
    const updated = withControlVersion(inputManifest, "7.8.9");
    expect(readControlVersion(updated)).toBe("7.8.9");
    const versions = (xml: string) => [...xml.matchAll(/version="([^"]*)"/g)].map((match) => match[1]);
    const [declaration, , ...resources] = versions(inputManifest);
    expect(versions(updated)).toEqual([declaration, "7.8.9", ...resources]);
    expect(updated.replace('version="7.8.9"', "")).toBe(
      inputManifest.replace(`version="${readControlVersion(inputManifest)}"`, ""),
    );
  });

  it("finds the version when attributes span lines or use single quotes", () => {
    expect(readControlVersion("<manifest><control namespace='A'\n  constructor='B' version='2.0.1'/></manifest>")).toBe(
      "2.0.1",
    );
  });

  it("reports a manifest without a control version", () => {
    expect(readControlVersion('<manifest><control namespace="A"/></manifest>')).toBeNull();
    expect(() => withControlVersion('<manifest><control namespace="A"/></manifest>', "1.0.0")).toThrow(
      /has no <control ... version/,
    );
  });
});
