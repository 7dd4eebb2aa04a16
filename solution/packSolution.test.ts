import { existsSync, readdirSync, readFileSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { controlEntryOrder, packSolution } from "./packSolution";
import { schemaProblems } from "./schemaValidation";
import { SolutionInputError } from "./solutionInputError";
import {
  createFixture,
  REFERENCE_SOLUTIONS,
  SCHEMA_FILE,
  type Fixture,
  type FixtureOptions,
} from "./testing/testFixture";
import { readZip } from "./zipArchive";

const fixtures: Fixture[] = [];
afterEach(() => fixtures.splice(0).forEach((fixture) => fixture.remove()));

function fixture(options?: FixtureOptions): Fixture {
  const created = createFixture(options);
  fixtures.push(created);
  return created;
}

const CONTROL = "Controls/cjt_CustomerJourney.JourneyControl";
const VIEW = "Controls/cjt_CustomerJourney.JourneysView";
const WEB_RESOURCE = "WebResources/cjt_customerjourneyformjs7C90D214-6925-43FE-80E5-CF10FE83BEBF";
const ENGLISH_STRINGS = "WebResources/cjt_customerjourneystringsform1033resx41D4D034-393A-4A59-85D0-9B070AA24B4D";
const GERMAN_STRINGS = "WebResources/cjt_customerjourneystringsform1031resx2F1862CB-D297-4A5D-AAF9-F32F8F1CCD0E";

function unpack(file: string) {
  const { entries } = readZip(new Uint8Array(readFileSync(file)));
  const text = (name: string) => new TextDecoder().decode(entries.find((entry) => entry.name === name)?.data);
  return { names: entries.map((entry) => entry.name), entries, text };
}

describe("packing the solution", () => {
  it("writes an unmanaged and a managed zip named after the solution and the package version", async () => {
    const { paths } = fixture({ version: "1.2.3" });
    const { files } = await packSolution(paths);
    expect(files).toEqual([
      join(paths.binDir, "CustomerJourneyControl_1_2_3_0.zip"),
      join(paths.binDir, "CustomerJourneyControl_1_2_3_0_managed.zip"),
    ]);
    expect(unpack(files[0]).text("solution.xml")).toContain("<Managed>0</Managed>");
    expect(unpack(files[1]).text("solution.xml")).toContain("<Managed>1</Managed>");
    expect(unpack(files[1]).text("solution.xml")).toContain("<Version>1.2.3.0</Version>");
  });

  it("orders entries as SolutionPackager does, [Content_Types].xml last", async () => {
    const { paths } = fixture();
    const { files } = await packSolution(paths);
    expect(unpack(files[0]).names).toEqual([
      "customizations.xml",
      "solution.xml",
      `${CONTROL}/ControlManifest.xml`,
      `${CONTROL}/JourneyControl.1031.resx`,
      `${CONTROL}/JourneyControl.1033.resx`,
      `${CONTROL}/JourneyControl.1036.resx`,
      `${CONTROL}/JourneyControl.3082.resx`,
      `${CONTROL}/bundle.js`,
      WEB_RESOURCE,
      ENGLISH_STRINGS,
      GERMAN_STRINGS,
      "WebResources/cjt_customerjourneystringsform1036resx000B6917-ED70-4D3B-87CF-D62B3975BFDB",
      "WebResources/cjt_customerjourneystringsform3082resxAFCB59ED-5F7E-449E-B069-37BF1D770631",
      "[Content_Types].xml",
    ]);
  });

  it("carries the built manifest, bundle and web resource byte for byte (no namespace rewrite)", async () => {
    const { paths } = fixture();
    const { files } = await packSolution(paths);
    const { entries } = unpack(files[0]);
    const packed = (name: string) => Buffer.from(entries.find((entry) => entry.name === name)!.data);
    expect(packed(`${CONTROL}/ControlManifest.xml`)).toEqual(
      readFileSync(join(paths.buildDir, "controls/JourneyControl/ControlManifest.xml")),
    );
    expect(packed(`${CONTROL}/bundle.js`)).toEqual(
      readFileSync(join(paths.buildDir, "controls/JourneyControl/bundle.js")),
    );
    expect(packed(WEB_RESOURCE)).toEqual(readFileSync(join(paths.buildDir, "webresources/form.js")));
    expect(packed(ENGLISH_STRINGS)).toEqual(readFileSync(join(paths.buildDir, "webresources/strings/form.1033.resx")));
    expect(packed(GERMAN_STRINGS)).toEqual(readFileSync(join(paths.buildDir, "webresources/strings/form.1031.resx")));
  });

  it("declares the control and the web resource as root components and in customizations.xml", async () => {
    const { paths } = fixture();
    const { text } = unpack((await packSolution(paths)).files[0]);
    expect(text("solution.xml")).toContain(
      '<RootComponent type="61" schemaName="cjt_/customerjourney/form.js" behavior="0" />',
    );
    expect(text("solution.xml")).toContain(
      '<RootComponent type="66" schemaName="cjt_CustomerJourney.JourneyControl" behavior="0" />',
    );
    expect(text("solution.xml")).toContain("<MissingDependencies />");
    expect(text("customizations.xml")).toContain(`<FileName>/${CONTROL}/ControlManifest.xml</FileName>`);
    expect(text("customizations.xml")).toContain(`<FileName>/${WEB_RESOURCE}</FileName>`);
    expect(text("customizations.xml")).toContain("<WebResourceType>3</WebResourceType>");
  });

  it("adds the form script's strings as String (RESX) web resources, one per language, that form.js depends on", async () => {
    const { paths } = fixture();
    const { text } = unpack((await packSolution(paths)).files[0]);
    for (const lcid of ["1033", "1031", "1036", "3082"]) {
      expect(text("solution.xml")).toContain(
        `<RootComponent type="61" schemaName="cjt_/customerjourney/strings/form.${lcid}.resx" behavior="0" />`,
      );
    }
    const customizations = text("customizations.xml");
    const english = /<WebResource>(?:(?!<\/WebResource>)[\s\S])*?form\.1033\.resx<\/Name>[\s\S]*?<\/WebResource>/.exec(
      customizations,
    )?.[0];
    expect(english).toContain("<WebResourceId>{41d4d034-393a-4a59-85d0-9b070aa24b4d}</WebResourceId>");
    expect(english).toContain("<LanguageCode>1033</LanguageCode>");
    expect(english).toContain("<WebResourceType>12</WebResourceType>");
    expect(english).toContain(`<FileName>/${ENGLISH_STRINGS}</FileName>`);
    expect(customizations).toContain("<LanguageCode>1031</LanguageCode>");
    expect(customizations).toContain(
      '<IsAvailableForMobileOffline>0</IsAvailableForMobileOffline>\r\n      <DependencyXml>&lt;Dependencies&gt;&lt;Dependency componentType="WebResource"&gt;' +
        '&lt;Library name="cjt_/customerjourney/strings/form.1033.resx" displayName="Customer journey form script strings (English)" languagecode="1033" description="" libraryUniqueId="{41d4d034-393a-4a59-85d0-9b070aa24b4d}" /&gt;' +
        '&lt;Library name="cjt_/customerjourney/strings/form.1031.resx" displayName="Customer journey form script strings (German)" languagecode="1031" description="" libraryUniqueId="{2f1862cb-d297-4a5d-aaf9-f32f8f1ccd0e}" /&gt;' +
        '&lt;Library name="cjt_/customerjourney/strings/form.1036.resx" displayName="Customer journey form script strings (French)" languagecode="1036" description="" libraryUniqueId="{000b6917-ed70-4d3b-87cf-d62b3975bfdb}" /&gt;' +
        '&lt;Library name="cjt_/customerjourney/strings/form.3082.resx" displayName="Customer journey form script strings (Spanish)" languagecode="3082" description="" libraryUniqueId="{afcb59ed-5f7e-449e-b069-37bf1d770631}" /&gt;' +
        "&lt;/Dependency&gt;&lt;/Dependencies&gt;</DependencyXml>\r\n      <IsCustomizable>1</IsCustomizable>",
    );
    expect(text("[Content_Types].xml")).toContain(
      `<Override PartName="/${GERMAN_STRINGS}" ContentType="application/octet-stream" />`,
    );
  });

  it("writes a customizations.xml that Microsoft's schema accepts", async () => {
    const { paths } = fixture();
    const { entries } = unpack((await packSolution(paths)).files[1]);
    expect(
      await schemaProblems(
        entries.find((entry) => entry.name === "customizations.xml")!.data,
        SCHEMA_FILE,
        "customizations.xml",
      ),
    ).toEqual([]);
  });

  it("packs css and other built files with a content type for each", async () => {
    const { paths } = fixture({ controlFiles: { "css/JourneyControl.css": ".journey{display:flex}" } });
    const { names, text } = unpack((await packSolution(paths)).files[0]);
    expect(names).toContain(`${CONTROL}/css/JourneyControl.css`);
    expect(text("[Content_Types].xml")).toContain('<Default Extension="css" ContentType="application/octet-stream" />');
  });

  it("gives byte-identical zips for the same inputs, whatever the files' times and the tree's location", async () => {
    const first = fixture();
    const second = fixture();
    const [unmanagedA, managedA] = (await packSolution(first.paths)).files.map((file) => readFileSync(file));
    for (const file of ["controls/JourneyControl/bundle.js", "webresources/form.js"])
      utimesSync(join(second.paths.buildDir, file), new Date(2031, 5, 1), new Date(2031, 5, 1));
    const [unmanagedB, managedB] = (await packSolution(second.paths)).files.map((file) => readFileSync(file));
    expect(unmanagedB.equals(unmanagedA)).toBe(true);
    expect(managedB.equals(managedA)).toBe(true);
    expect(managedA.equals(unmanagedA)).toBe(false);
  });

  it("changes the zip when the bundle changes", async () => {
    const first = fixture();
    const second = fixture({ controlFiles: { "bundle.js": "var changed = true;" } });
    const a = readFileSync((await packSolution(first.paths)).files[0]);
    const b = readFileSync((await packSolution(second.paths)).files[0]);
    expect(a.equals(b)).toBe(false);
  });

  it("replaces the zips of an earlier version and leaves other files alone", async () => {
    const { paths, write } = fixture({ version: "1.2.4" });
    write("solution/bin/CustomerJourneyControl_1_2_3_0.zip", "old");
    write("solution/bin/CustomerJourneyControl_1_2_3_0_managed.zip", "old");
    write("solution/bin/notes.txt", "keep");
    write("solution/bin/OtherSolution_1_0_0_0.zip", "keep");
    await packSolution(paths);
    expect(readdirSync(paths.binDir).sort()).toEqual([
      "CustomerJourneyControl_1_2_4_0.zip",
      "CustomerJourneyControl_1_2_4_0_managed.zip",
      "OtherSolution_1_0_0_0.zip",
      "notes.txt",
    ]);
  });
});

describe("packing two code components", () => {
  it("orders their files as SolutionPackager does for several controls: the manifests first, then by path", () => {
    const reference = readFileSync(join(REFERENCE_SOLUTIONS, "packager-built-eight-controls", "entries.txt"), "utf8")
      .split(/\r?\n/)
      .filter((name) => name.startsWith("Controls/"));
    const shuffled = [...reference].reverse().sort((a, b) => (a.length % 3) - (b.length % 3));
    expect(shuffled).not.toEqual(reference);
    expect(shuffled.sort(controlEntryOrder)).toEqual(reference);
  });

  it("packs both controls' folders, whatever order the definition lists them in", async () => {
    const { paths } = fixture({ view: true, editDefinition: (d) => (d.controls as unknown[]).reverse() });
    const { files, inputs } = await packSolution(paths);
    expect(inputs.leftOut).toEqual([]);
    expect(unpack(files[1]).names).toEqual([
      "customizations.xml",
      "solution.xml",
      `${CONTROL}/ControlManifest.xml`,
      `${VIEW}/ControlManifest.xml`,
      ...["1031", "1033", "1036", "3082"].map((code) => `${CONTROL}/JourneyControl.${code}.resx`),
      `${CONTROL}/bundle.js`,
      ...["1031", "1033", "1036", "3082"].map((code) => `${VIEW}/JourneysView.${code}.resx`),
      `${VIEW}/bundle.js`,
      WEB_RESOURCE,
      ENGLISH_STRINGS,
      GERMAN_STRINGS,
      "WebResources/cjt_customerjourneystringsform1036resx000B6917-ED70-4D3B-87CF-D62B3975BFDB",
      "WebResources/cjt_customerjourneystringsform3082resxAFCB59ED-5F7E-449E-B069-37BF1D770631",
      "[Content_Types].xml",
    ]);
    expect(Buffer.from(unpack(files[1]).entries.find((entry) => entry.name === `${VIEW}/bundle.js`)!.data)).toEqual(
      readFileSync(join(paths.buildDir, "controls/JourneysView/bundle.js")),
    );
  });

  it("declares both as type 66 root components and custom controls, with an Override for each manifest", async () => {
    const { paths } = fixture({ view: true, editDefinition: (d) => (d.controls as unknown[]).reverse() });
    const { text, entries } = unpack((await packSolution(paths)).files[0]);
    expect(text("solution.xml")).toContain(
      '<RootComponent type="66" schemaName="cjt_CustomerJourney.JourneyControl" behavior="0" />\r\n' +
        '      <RootComponent type="66" schemaName="cjt_CustomerJourney.JourneysView" behavior="0" />',
    );
    expect(text("customizations.xml")).toContain(
      [
        "<CustomControls>",
        "    <CustomControl>",
        "      <Name>cjt_CustomerJourney.JourneyControl</Name>",
        `      <FileName>/${CONTROL}/ControlManifest.xml</FileName>`,
        "    </CustomControl>",
        "    <CustomControl>",
        "      <Name>cjt_CustomerJourney.JourneysView</Name>",
        `      <FileName>/${VIEW}/ControlManifest.xml</FileName>`,
        "    </CustomControl>",
        "  </CustomControls>",
      ].join("\r\n"),
    );
    expect(text("[Content_Types].xml")).toContain(
      `<Override PartName="/${CONTROL}/ControlManifest.xml" ContentType="application/octet-stream" />` +
        `<Override PartName="/${VIEW}/ControlManifest.xml" ContentType="application/octet-stream" />`,
    );
    expect(
      await schemaProblems(entries.find((entry) => entry.name === "customizations.xml")!.data, SCHEMA_FILE, "c.xml"),
    ).toEqual([]);
  });

  it("leaves out a control whose source is not in the tree and says which", async () => {
    const { paths } = fixture();
    const { files, inputs } = await packSolution(paths);
    expect(inputs.leftOut).toEqual([
      { inputManifest: "JourneysView/ControlManifest.Input.xml", directory: "controls/JourneysView" },
    ]);
    expect(unpack(files[0]).names.filter((name) => name.startsWith(VIEW))).toEqual([]);
  });

  it("refuses when the second control's source is in the tree but it has not been built", async () => {
    const created = fixture({ view: true, viewFiles: { "ControlManifest.xml": null } });
    await expect(packSolution(created.paths)).rejects.toThrow(
      /Missing built control:\n.*JourneysView\/ControlManifest\.xml does not exist: run `npm run build` first/,
    );
  });

  it("refuses when the second control's bundle or a resx its manifest names is missing", async () => {
    const created = fixture({ view: true, viewFiles: { "bundle.js": null, "JourneysView.1036.resx": null } });
    const error = await packSolution(created.paths).catch((caught: Error) => caught);
    expect((error as Error).message).toContain(
      `the built manifest names bundle.js, which is not in ${join(created.paths.buildDir, "controls/JourneysView")}`,
    );
    expect((error as Error).message).toContain(
      `the built manifest names JourneysView.1036.resx, which is not in ${join(created.paths.buildDir, "controls/JourneysView")}`,
    );
  });

  it("refuses when the second control's source manifest has another version", async () => {
    const created = fixture({ view: true, version: "1.3.0", viewInputManifestVersion: "1.2.9" });
    const error = await packSolution(created.paths).catch((caught: Error) => caught);
    expect((error as Error).message).toContain("The control version and the package version disagree");
    expect((error as Error).message).toContain(
      `package.json has 1.3.0, ${join(created.paths.root, "JourneysView/ControlManifest.Input.xml")} has 1.2.9`,
    );
    expect((error as Error).message).not.toContain("JourneyControl/ControlManifest.Input.xml");
  });

  it("refuses a stale build of the second control, and one that lacks a solution language", async () => {
    const manifest = (text: string) => text.replace(/\s*<resx path="JourneysView\.3082\.resx"[^>]*\/>/, "");
    const created = fixture({ view: true, viewBuiltManifestVersion: "1.2.2" });
    const builtManifest = join(created.paths.buildDir, "controls/JourneysView/ControlManifest.xml");
    created.write("out/controls/JourneysView/ControlManifest.xml", manifest(readFileSync(builtManifest, "utf8")));
    const error = await packSolution(created.paths).catch((caught: Error) => caught);
    expect((error as Error).message).toContain(
      `the built manifest ${builtManifest} has version 1.2.2, package.json has 1.2.3: the build is stale`,
    );
    expect((error as Error).message).toContain(
      `the built manifest ${builtManifest} names no resx for 3082, a language of the solution`,
    );
  });

  it("refuses two built controls with the same namespace and constructor", async () => {
    const created = fixture({ view: true });
    created.write(
      "out/controls/JourneysView/ControlManifest.xml",
      readFileSync(join(created.paths.buildDir, "controls/JourneyControl/ControlManifest.xml"), "utf8"),
    );
    await expect(packSolution(created.paths)).rejects.toThrow(
      "two built controls are both cjt_CustomerJourney.JourneyControl",
    );
  });
});

describe("refusing to pack", () => {
  async function packError(options: FixtureOptions, before?: (fixture: Fixture) => void): Promise<string> {
    const created = fixture(options);
    before?.(created);
    try {
      await packSolution(created.paths);
    } catch (error) {
      expect(error).toBeInstanceOf(SolutionInputError);
      return (error as Error).message;
    }
    throw new Error("expected packing to be refused");
  }

  it("when package.json and ControlManifest.Input.xml disagree on the version", async () => {
    const message = await packError({ version: "1.3.0", inputManifestVersion: "1.2.9" });
    expect(message).toContain("The control version and the package version disagree");
    expect(message).toContain("package.json has 1.3.0");
    expect(message).toContain("has 1.2.9");
    expect(message).toContain("npm run version:bump");
  });

  it("when the built control is older than the version", async () => {
    const message = await packError({ version: "1.3.0", builtManifestVersion: "1.2.9" });
    expect(message).toContain("has version 1.2.9, package.json has 1.3.0: the build is stale");
  });

  it("when a built string resource is missing", async () => {
    const message = await packError({ stringResources: { "1033": "Not saved" } });
    expect(message).toContain("webresources/strings/form.1031.resx does not exist: run `npm run build` first");
  });

  it("when the package version is not major.minor.patch", async () => {
    const message = await packError({ version: "1.3", inputManifestVersion: "1.3" });
    expect(message).toContain('"1.3" is not major.minor.patch');
  });

  it("when the definition is bad, without touching existing zips", async () => {
    const message = await packError({ editDefinition: (d) => delete d.publisher.prefix }, ({ write }) =>
      write("solution/bin/CustomerJourneyControl_1_2_3_0.zip", "previous build"),
    );
    expect(message).toContain("publisher.prefix is missing");
    expect(readFileSync(join(fixtures[0].paths.binDir, "CustomerJourneyControl_1_2_3_0.zip"), "utf8")).toBe(
      "previous build",
    );
  });

  it("when the option value prefix is out of range", async () => {
    expect(await packError({ editDefinition: (d) => (d.publisher.optionValuePrefix = 123456) })).toContain(
      "publisher.optionValuePrefix must be a whole number from 10000 to 99999, got 123456",
    );
  });

  it("when the control has not been built", async () => {
    const message = await packError({ controlFiles: { "ControlManifest.xml": null } });
    expect(message).toMatch(/Missing built control:\n.*ControlManifest\.xml does not exist: run `npm run build` first/);
  });

  it("when the web resource has not been built", async () => {
    expect(await packError({ webResource: null })).toContain("form.js does not exist: run `npm run build` first");
  });

  it("when a file the manifest names is missing", async () => {
    expect(await packError({ controlFiles: { "JourneyControl.1031.resx": null } })).toContain(
      "the built manifest names JourneyControl.1031.resx, which is not in",
    );
  });

  it("when a built file is empty", async () => {
    expect(await packError({ controlFiles: { "bundle.js": "" } })).toMatch(/bundle\.js is empty/);
  });

  it("when the built manifest is not XML", async () => {
    expect(await packError({ controlFiles: { "ControlManifest.xml": "<manifest><control" } })).toContain(
      "is not well-formed XML",
    );
  });

  it("and writes nothing when refusing", async () => {
    const created = fixture({ webResource: null });
    await expect(packSolution(created.paths)).rejects.toThrow();
    expect(existsSync(created.paths.binDir)).toBe(false);
  });
});
