import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bumpVersion } from "./bumpVersion";
import { REPOSITORY_ROOT } from "./testing/testFixture";
import { readControlVersion } from "./version";

let directory: string;
let packageFile: string;
let lockFile: string;
let manifestFile: string;

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), "cjt-bump-"));
  packageFile = join(directory, "package.json");
  lockFile = join(directory, "package-lock.json");
  manifestFile = join(directory, "ControlManifest.Input.xml");
  writeFileSync(packageFile, `${JSON.stringify({ name: "fixture", version: "1.4.2", private: true }, null, 2)}\n`);
  writeFileSync(
    lockFile,
    `${JSON.stringify({ name: "fixture", version: "1.4.2", lockfileVersion: 3, requires: true, packages: { "": { name: "fixture", version: "1.4.2" } } }, null, 2)}\n`,
  );
  writeFileSync(
    manifestFile,
    readFileSync(join(REPOSITORY_ROOT, "JourneyControl", "ControlManifest.Input.xml"), "utf8").replace(
      /(<control\b[^>]*?\sversion=")[^"]*"/,
      '$11.4.2"',
    ),
  );
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

const packageVersion = () => JSON.parse(readFileSync(packageFile, "utf8")).version;
const lockVersions = () => {
  const lock = JSON.parse(readFileSync(lockFile, "utf8"));
  return [lock.version, lock.packages[""].version];
};
const manifestVersion = () => readControlVersion(readFileSync(manifestFile, "utf8"));

describe("npm run version:bump", () => {
  it("raises package.json, package-lock.json and the Input manifest together", () => {
    expect(bumpVersion(packageFile, [manifestFile], "patch")).toEqual({
      from: "1.4.2",
      to: "1.4.3",
      manifestsWere: [],
    });
    expect(packageVersion()).toBe("1.4.3");
    expect(lockVersions()).toEqual(["1.4.3", "1.4.3"]);
    expect(manifestVersion()).toBe("1.4.3");
  });

  it("accepts an explicit higher version", () => {
    bumpVersion(packageFile, [manifestFile], "2.0.0");
    expect([packageVersion(), manifestVersion()]).toEqual(["2.0.0", "2.0.0"]);
  });

  it("brings a disagreeing manifest back in line and says so", () => {
    writeFileSync(manifestFile, readFileSync(manifestFile, "utf8").replace('version="1.4.2"', 'version="1.4.0"'));
    expect(bumpVersion(packageFile, [manifestFile], "minor")).toEqual({
      from: "1.4.2",
      to: "1.5.0",
      manifestsWere: [{ file: manifestFile, version: "1.4.0" }],
    });
    expect(manifestVersion()).toBe("1.5.0");
  });

  it.each(["1.4.2", "1.0.0", "next", "1.5"])("changes nothing for %p", (spec) => {
    const before = [
      readFileSync(packageFile, "utf8"),
      readFileSync(lockFile, "utf8"),
      readFileSync(manifestFile, "utf8"),
    ];
    expect(() => bumpVersion(packageFile, [manifestFile], spec)).toThrow(
      /not higher than the current 1\.4\.2|is not major\.minor\.patch/,
    );
    expect([
      readFileSync(packageFile, "utf8"),
      readFileSync(lockFile, "utf8"),
      readFileSync(manifestFile, "utf8"),
    ]).toEqual(before);
  });

  it("raises every control's Input manifest, and none when one of them has no version", () => {
    const secondManifest = join(directory, "JourneysView.Input.xml");
    writeFileSync(secondManifest, '<manifest><control namespace="A" constructor="V" version="1.4.2"/></manifest>');
    bumpVersion(packageFile, [manifestFile, secondManifest], "patch");
    expect([manifestVersion(), readControlVersion(readFileSync(secondManifest, "utf8"))]).toEqual(["1.4.3", "1.4.3"]);

    writeFileSync(secondManifest, '<manifest><control namespace="A" constructor="V"/></manifest>');
    expect(() => bumpVersion(packageFile, [manifestFile, secondManifest], "patch")).toThrow(
      `${secondManifest} has no <control ... version="..."> attribute`,
    );
    expect([packageVersion(), manifestVersion()]).toEqual(["1.4.3", "1.4.3"]);
  });

  it("changes nothing when the manifest has no control version", () => {
    writeFileSync(manifestFile, '<manifest><control namespace="A" constructor="B"/></manifest>');
    expect(() => bumpVersion(packageFile, [manifestFile], "patch")).toThrow(/has no <control ... version/);
    expect(packageVersion()).toBe("1.4.2");
  });
});
