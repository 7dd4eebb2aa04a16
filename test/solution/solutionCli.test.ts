import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createFixture, REPOSITORY_ROOT, type Fixture, type FixtureOptions } from "../../solution/testing/testFixture";
import { readZip, writeZip } from "../../solution/zipArchive";

const fixtures: Fixture[] = [];
afterEach(() => fixtures.splice(0).forEach((fixture) => fixture.remove()));

function fixture(options?: FixtureOptions): Fixture {
  const created = createFixture(options);
  fixtures.push(created);
  return created;
}

/** `node solution/cli.mjs <args>` from the repository, as the npm scripts run it. */
function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [join(REPOSITORY_ROOT, "solution", "cli.mjs"), ...args], {
    cwd: REPOSITORY_ROOT,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const SYNOPSIS = "Usage: node solution/cli.mjs pack|verify|bump <patch|minor|major|x.y.z> [options]";

describe("node solution/cli.mjs", () => {
  it("lists its commands and options with --help", () => {
    const { status, stdout } = cli(["--help"]);
    expect(status).toBe(0);
    expect(stdout.startsWith(SYNOPSIS)).toBe(true);
    for (const text of ["pack ", "verify ", "bump <patch|minor|major|x.y.z>", "--root <dir>", "--schema <file>"])
      expect(stdout).toContain(text);
    expect(cli(["verify", "--help"]).stdout).toBe(stdout);
  });

  it.each([
    [[], "No command given."],
    [["publish"], 'Unknown command "publish".'],
    [["pack", "--schema", "x.xsd"], "pack: Unknown option '--schema'"],
    [["verify", "extra"], "verify takes no arguments, got: extra."],
    [["bump"], "bump takes <patch|minor|major|x.y.z>, got: none."],
  ])("refuses %j with exit code 2 and says how to call it", (args, message) => {
    const { status, stdout, stderr } = cli(args);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(message);
    expect(stderr).toContain(SYNOPSIS);
  });
});

describe("node solution/cli.mjs pack", () => {
  it("packs both zips of a built tree and names them", () => {
    const { paths } = fixture({ version: "2.1.0" });
    const { status, stdout } = cli(["pack", "--root", paths.root]);
    expect(status).toBe(0);
    expect(stdout).toContain(
      "Packed CustomerJourneyControl 2.1.0.0 (control cjt_CustomerJourney.JourneyControl 2.1.0)",
    );
    expect(existsSync(join(paths.binDir, "CustomerJourneyControl_2_1_0_0.zip"))).toBe(true);
    expect(existsSync(join(paths.binDir, "CustomerJourneyControl_2_1_0_0_managed.zip"))).toBe(true);
    expect(stdout).toContain(
      "Left out controls/JourneysView: JourneysView/ControlManifest.Input.xml is not in this tree.",
    );
  });

  it("names both code components when the tree has the dataset control", () => {
    const { paths } = fixture({ view: true });
    const { status, stdout } = cli(["pack", "--root", paths.root]);
    expect(status).toBe(0);
    expect(stdout).toContain(
      "Packed CustomerJourneyControl 1.2.3.0 (controls cjt_CustomerJourney.JourneyControl, cjt_CustomerJourney.JourneysView 1.2.3)",
    );
    expect(stdout).not.toContain("Left out");
  });

  it("stops the build with a clear message for a bad definition, without a stack trace", () => {
    const { paths } = fixture({ editDefinition: (d) => (d.publisher.prefix = "x") });
    const { status, stderr } = cli(["pack", "--root", paths.root]);
    expect(status).toBe(1);
    expect(stderr).toContain(`Invalid solution definition ${paths.definitionFile}:`);
    expect(stderr).toContain(
      'publisher.prefix "x" must be 2 to 8 letters or digits, start with a letter and not start with "mscrm"',
    );
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  it("writes the same bytes in every time zone", () => {
    const { paths } = fixture();
    const zipsIn = (timeZone: string) => {
      const binDir = join(paths.root, `bin-${timeZone.replace("/", "-")}`);
      expect(cli(["pack", "--root", paths.root, "--bin-dir", binDir], { TZ: timeZone }).status).toBe(0);
      return ["CustomerJourneyControl_1_2_3_0.zip", "CustomerJourneyControl_1_2_3_0_managed.zip"].map((name) =>
        readFileSync(join(binDir, name)),
      );
    };
    const [auckland, losAngeles] = [zipsIn("Pacific/Auckland"), zipsIn("America/Los_Angeles")];
    expect(auckland[0].equals(losAngeles[0])).toBe(true);
    expect(auckland[1].equals(losAngeles[1])).toBe(true);
  });
});

describe("node solution/cli.mjs verify", () => {
  it("passes freshly packed zips against the repository's schema set and fails them once damaged", () => {
    const { paths } = fixture();
    expect(cli(["pack", "--root", paths.root]).status).toBe(0);
    const passed = cli(["verify", "--root", paths.root]);
    expect(passed.status).toBe(0);
    expect(passed.stdout).toContain("Solution verification passed");

    const zip = join(paths.binDir, "CustomerJourneyControl_1_2_3_0_managed.zip");
    writeFileSync(zip, readFileSync(zip).subarray(0, 100));
    const failed = cli(["verify", "--root", paths.root]);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain("Solution verification failed (1 problem):");
    expect(failed.stderr).toContain("CustomerJourneyControl_1_2_3_0_managed.zip: not a readable zip");
  });

  it("prints the line of customizations.xml that breaks the schema", () => {
    const { paths } = fixture();
    expect(cli(["pack", "--root", paths.root]).status).toBe(0);
    const zip = join(paths.binDir, "CustomerJourneyControl_1_2_3_0.zip");
    const entries = readZip(new Uint8Array(readFileSync(zip))).entries.map((entry) =>
      entry.name === "customizations.xml"
        ? { name: entry.name, data: Buffer.from(Buffer.from(entry.data).toString().replace("<Roles />", "<Role />")) }
        : entry,
    );
    writeFileSync(zip, writeZip(entries));
    const { status, stderr } = cli(["verify", "--root", paths.root]);
    expect(status).toBe(1);
    expect(stderr).toMatch(
      /^ {2}- CustomerJourneyControl_1_2_3_0\.zip: customizations\.xml does not match CustomizationsSolution\.xsd: customizations\.xml:4: Schemas validity error : Element 'Role': This element is not expected\./m,
    );
  });

  it("says where it looked when the schema is missing", () => {
    const { paths } = fixture();
    const missing = join(paths.root, "no-such-schema.xsd");
    const { status, stderr } = cli(["verify", "--root", paths.root, "--schema", missing]);
    expect(status).toBe(1);
    expect(stderr).toContain(`Schema for customizations.xml not found:\n  - ${missing} does not exist`);
  });
});

describe("node solution/cli.mjs bump", () => {
  it("bumps a tree, after which the packer refuses the stale build", () => {
    const { paths } = fixture({ version: "1.2.3" });
    const bumped = cli(["bump", "minor", "--root", paths.root]);
    expect(bumped.status).toBe(0);
    expect(bumped.stdout).toContain(
      "Version 1.2.3 -> 1.3.0 (package.json, package-lock.json, JourneyControl/ControlManifest.Input.xml; solution version 1.3.0.0).",
    );
    expect(JSON.parse(readFileSync(paths.packageFile, "utf8")).version).toBe("1.3.0");
    const stale = cli(["pack", "--root", paths.root]);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain("has version 1.2.3, package.json has 1.3.0: the build is stale");
  });

  it("bumps both controls' manifests when the tree has the dataset control", () => {
    const { paths } = fixture({ version: "1.2.3", view: true, viewInputManifestVersion: "1.2.0" });
    const bumped = cli(["bump", "patch", "--root", paths.root]);
    expect(bumped.status).toBe(0);
    expect(bumped.stdout).toContain(
      "Note: JourneysView/ControlManifest.Input.xml had 1.2.0, package.json had 1.2.3; both now agree.",
    );
    expect(bumped.stdout).toContain(
      "(package.json, package-lock.json, JourneyControl/ControlManifest.Input.xml, JourneysView/ControlManifest.Input.xml;",
    );
    for (const manifest of ["JourneyControl", "JourneysView"])
      expect(readFileSync(join(paths.root, manifest, "ControlManifest.Input.xml"), "utf8")).toMatch(
        /<control [^>]*version="1\.2\.4"/,
      );
  });

  it("bumps only the manifests named with --manifest", () => {
    const { paths } = fixture({ version: "1.2.3", view: true });
    const view = join(paths.root, "JourneysView", "ControlManifest.Input.xml");
    const bumped = cli(["bump", "patch", "--root", paths.root, "--manifest", view]);
    expect(bumped.status).toBe(0);
    expect(readFileSync(view, "utf8")).toMatch(/<control [^>]*version="1\.2\.4"/);
    expect(readFileSync(join(paths.root, "JourneyControl", "ControlManifest.Input.xml"), "utf8")).toMatch(
      /<control [^>]*version="1\.2\.3"/,
    );
  });

  it("refuses a version that is not a bump kind or x.y.z", () => {
    const { paths } = fixture({ version: "1.2.3" });
    const { status, stderr } = cli(["bump", "huge", "--root", paths.root]);
    expect(status).toBe(1);
    expect(stderr).toContain('"huge" is not major.minor.patch');
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(JSON.parse(readFileSync(paths.packageFile, "utf8")).version).toBe("1.2.3");
  });
});
