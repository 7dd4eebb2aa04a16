import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  createFixture,
  REPOSITORY_ROOT,
  SCHEMA_FILE,
  type Fixture,
  type FixtureOptions,
} from "../../solution/testFixture";

const fixtures: Fixture[] = [];
afterEach(() => fixtures.splice(0).forEach((fixture) => fixture.remove()));

function fixture(options?: FixtureOptions): Fixture {
  const created = createFixture(options);
  fixtures.push(created);
  return created;
}

function run(script: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [join(REPOSITORY_ROOT, "solution", script), ...args], {
    cwd: REPOSITORY_ROOT,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("node solution/pack.mjs", () => {
  it("packs both zips of a built tree and names them", () => {
    const { paths } = fixture({ version: "2.1.0" });
    const { status, stdout } = run("pack.mjs", ["--root", paths.root]);
    expect(status).toBe(0);
    expect(stdout).toContain(
      "Packed CustomerJourneyControl 2.1.0.0 (control cjt_CustomerJourney.JourneyControl 2.1.0)",
    );
    expect(existsSync(join(paths.binDir, "CustomerJourneyControl_2_1_0_0.zip"))).toBe(true);
    expect(existsSync(join(paths.binDir, "CustomerJourneyControl_2_1_0_0_managed.zip"))).toBe(true);
  });

  it("stops the build with a clear message for a bad definition, without a stack trace", () => {
    const { paths } = fixture({ editDefinition: (d) => (d.publisher.prefix = "x") });
    const { status, stderr } = run("pack.mjs", ["--root", paths.root]);
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
      expect(run("pack.mjs", ["--root", paths.root, "--bin-dir", binDir], { TZ: timeZone }).status).toBe(0);
      return ["CustomerJourneyControl_1_2_3_0.zip", "CustomerJourneyControl_1_2_3_0_managed.zip"].map((name) =>
        readFileSync(join(binDir, name)),
      );
    };
    const [auckland, losAngeles] = [zipsIn("Pacific/Auckland"), zipsIn("America/Los_Angeles")];
    expect(auckland[0].equals(losAngeles[0])).toBe(true);
    expect(auckland[1].equals(losAngeles[1])).toBe(true);
  });
});

describe("node solution/verify.mjs", () => {
  it("passes freshly packed zips and fails them once damaged", () => {
    const { paths } = fixture();
    expect(run("pack.mjs", ["--root", paths.root]).status).toBe(0);
    const passed = run("verify.mjs", ["--root", paths.root, "--schema", SCHEMA_FILE]);
    expect(passed.status).toBe(0);
    expect(passed.stdout).toContain("Solution verification passed");

    const zip = join(paths.binDir, "CustomerJourneyControl_1_2_3_0_managed.zip");
    writeFileSync(zip, readFileSync(zip).subarray(0, 100));
    const failed = run("verify.mjs", ["--root", paths.root, "--schema", SCHEMA_FILE]);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain("Solution verification failed (1 problem):");
    expect(failed.stderr).toContain("CustomerJourneyControl_1_2_3_0_managed.zip: not a readable zip");
  });

  it("says where it looked when the schema is not next to the repository", () => {
    const { paths } = fixture();
    const missing = join(paths.root, "no-such-schema.xsd");
    const { status, stderr } = run("verify.mjs", ["--root", paths.root, "--schema", missing]);
    expect(status).toBe(1);
    expect(stderr).toContain(`Schema for customizations.xml not found:\n  - ${missing} does not exist`);
  });
});

describe("node solution/bump-version.mjs", () => {
  it("explains its usage when the bump kind is missing", () => {
    const { status, stderr } = run("bump-version.mjs", []);
    expect(status).toBe(2);
    expect(stderr).toContain("Usage: npm run version:bump -- patch|minor|major|x.y.z");
  });

  it("bumps a tree that the packer then accepts", () => {
    const { paths } = fixture({ version: "1.2.3" });
    const bumped = run("bump-version.mjs", [
      "minor",
      "--package",
      paths.packageFile,
      "--manifest",
      paths.inputManifestFile,
    ]);
    expect(bumped.status).toBe(0);
    expect(bumped.stdout).toContain("Version 1.2.3 -> 1.3.0");
    const stale = run("pack.mjs", ["--root", paths.root]);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain("has version 1.2.3, package.json has 1.3.0: the build is stale");
  });
});
