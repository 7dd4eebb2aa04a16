import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { packSolution } from "./packSolution";
import { createFixture, SCHEMA_FILE, type Fixture } from "./testing/testFixture";
import { verifySolution } from "./verifySolution";
import { readZip, writeZip, type ZipEntry } from "./zipArchive";

const UNMANAGED = "CustomerJourneyControl_1_2_3_0.zip";
const MANAGED = "CustomerJourneyControl_1_2_3_0_managed.zip";
const CONTROL = "Controls/cjt_CustomerJourney.JourneyControl";
const VIEW = "Controls/cjt_CustomerJourney.JourneysView";
const WEB_RESOURCE = "WebResources/cjt_customerjourneyformjs7C90D214-6925-43FE-80E5-CF10FE83BEBF";
const GERMAN_STRINGS = "WebResources/cjt_customerjourneystringsform1031resx2F1862CB-D297-4A5D-AAF9-F32F8F1CCD0E";
const SPANISH_STRINGS = "WebResources/cjt_customerjourneystringsform3082resxAFCB59ED-5F7E-449E-B069-37BF1D770631";

let packed: Fixture;
beforeEach(async () => {
  packed = createFixture({ version: "1.2.3" });
  await packSolution(packed.paths);
});
afterEach(() => packed.remove());

const text = (data: Uint8Array) => new TextDecoder().decode(data);
const bytes = (value: string) => new TextEncoder().encode(value);

function rewrite(zipName: string, change: (entries: ZipEntry[]) => ZipEntry[]): void {
  const file = join(packed.paths.binDir, zipName);
  const { entries } = readZip(new Uint8Array(readFileSync(file)));
  writeFileSync(file, writeZip(change(entries)));
}

function replaceText(zipName: string, entryName: string, edit: (content: string) => string): void {
  rewrite(zipName, (entries) =>
    entries.map((entry) =>
      entry.name === entryName ? { name: entry.name, data: bytes(edit(text(entry.data))) } : entry,
    ),
  );
}

const verify = () => verifySolution(packed.paths, SCHEMA_FILE);

describe("verifying freshly packed zips", () => {
  it("finds no problem and reports every entry with its size", async () => {
    const { problems, report } = await verify();
    expect(problems).toEqual([]);
    const bundleSize = readFileSync(join(packed.paths.buildDir, "controls/JourneyControl/bundle.js")).length;
    expect(report).toContain(`  ${String(bundleSize).padStart(9)}  ${CONTROL}/bundle.js`);
    expect(
      report.filter((line) => /^CustomerJourneyControl_1_2_3_0(_managed)?\.zip: \d+ bytes, 14 entries$/.test(line)),
    ).toHaveLength(2);
    expect(report).toContain(
      "controls/JourneysView: not in this tree (no JourneysView/ControlManifest.Input.xml), so not expected in the zips",
    );
  });
});

describe("verifying the zips of two code components", () => {
  beforeEach(async () => {
    packed.remove();
    packed = createFixture({ version: "1.2.3", view: true });
    await packSolution(packed.paths);
  });

  it("finds no problem in freshly packed zips, the dataset control's manifest included", async () => {
    const { problems, report } = await verify();
    expect(problems).toEqual([]);
    expect(report.filter((line) => / \d+ bytes, 20 entries$/.test(line))).toHaveLength(2);
    const viewBundle = readFileSync(join(packed.paths.buildDir, "controls/JourneysView/bundle.js")).length;
    expect(report).toContain(`  ${String(viewBundle).padStart(9)}  ${VIEW}/bundle.js`);
  });

  it("fails when the second control's bundle is missing", async () => {
    rewrite(MANAGED, (entries) => entries.filter((entry) => entry.name !== `${VIEW}/bundle.js`));
    const { problems } = await verify();
    expect(problems).toContain(`${MANAGED}: /${VIEW}/ControlManifest.xml names bundle.js, which is not in ${VIEW}/`);
    expect(problems).toContain(`${MANAGED}: ${VIEW}/bundle.js is missing: the build has bundle.js`);
  });

  it("fails when a resx the second manifest names is missing", async () => {
    rewrite(UNMANAGED, (entries) => entries.filter((entry) => entry.name !== `${VIEW}/JourneysView.3082.resx`));
    expect((await verify()).problems).toContain(
      `${UNMANAGED}: /${VIEW}/ControlManifest.xml names JourneysView.3082.resx, which is not in ${VIEW}/`,
    );
  });

  it("fails when the second manifest has another version or lacks a language", async () => {
    replaceText(UNMANAGED, `${VIEW}/ControlManifest.xml`, (content) =>
      content
        .replace('version="1.2.3"', 'version="1.2.2"')
        .replace(/\s*<resx path="JourneysView\.1031\.resx"[^>]*\/>/, ""),
    );
    const { problems } = await verify();
    expect(problems).toContain(
      `${UNMANAGED}: /${VIEW}/ControlManifest.xml: control version 1.2.2 differs from the package version 1.2.3`,
    );
    expect(problems).toContain(
      `${UNMANAGED}: /${VIEW}/ControlManifest.xml names no resx for 1031, a language of the solution`,
    );
  });

  it("fails when the zips leave out a control the tree builds", async () => {
    packed.remove();
    packed = createFixture({ version: "1.2.3" });
    await packSolution(packed.paths);
    const view = createFixture({ version: "1.2.3", view: true });
    for (const file of ["JourneysView/ControlManifest.Input.xml", "out/controls/JourneysView/ControlManifest.xml"])
      packed.write(file, readFileSync(join(view.paths.root, file)));
    view.remove();
    const { problems } = await verify();
    expect(problems).toContain(
      `${UNMANAGED}: customizations.xml has no code component cjt_CustomerJourney.JourneysView, which the build has in ${join(packed.paths.buildDir, "controls/JourneysView")}`,
    );
    expect(problems).toContain(
      `${UNMANAGED}: ${VIEW}/ControlManifest.xml is missing: the build has ControlManifest.xml`,
    );
  });

  it("fails when the zips hold a control the tree does not build", async () => {
    rmSync(join(packed.paths.root, "JourneysView"), { recursive: true });
    expect((await verify()).problems).toContain(
      `${MANAGED}: customizations.xml defines the code component cjt_CustomerJourney.JourneysView, which is not among this tree's built controls`,
    );
  });
});

describe("verifying a damaged zip fails", () => {
  it("when an entry customizations.xml points to is missing", async () => {
    rewrite(UNMANAGED, (entries) => entries.filter((entry) => entry.name !== WEB_RESOURCE));
    const { problems } = await verify();
    expect(problems).toContain(
      `${UNMANAGED}: customizations.xml: FileName /${WEB_RESOURCE} is not an entry of the zip`,
    );
    expect(problems).toContain(
      `${UNMANAGED}: [Content_Types].xml: Override /${WEB_RESOURCE} is not an entry of the zip`,
    );
  });

  it("when the packed bundle is not the built one", async () => {
    replaceText(MANAGED, `${CONTROL}/bundle.js`, (content) => `${content}\n// tampered`);
    const { problems } = await verify();
    expect(problems).toContain(
      `${MANAGED}: ${CONTROL}/bundle.js differs from the built bundle.js: repack with \`npm run build\``,
    );
  });

  it("when the packed manifest is not the built one", async () => {
    replaceText(UNMANAGED, `${CONTROL}/ControlManifest.xml`, (content) =>
      content.replace('namespace="CustomerJourney"', 'namespace="cjt_CustomerJourney"'),
    );
    const { problems } = await verify();
    expect(problems).toContain(
      `${UNMANAGED}: ${CONTROL}/ControlManifest.xml differs from the built ControlManifest.xml: repack with \`npm run build\``,
    );
    expect(problems).toContain(
      `${UNMANAGED}: /${CONTROL}/ControlManifest.xml: namespace and constructor make cjt_cjt_CustomerJourney.JourneyControl, customizations.xml calls it cjt_CustomerJourney.JourneyControl`,
    );
  });

  it("when a file is empty", async () => {
    replaceText(UNMANAGED, `${CONTROL}/JourneyControl.1031.resx`, () => "");
    expect((await verify()).problems).toContain(`${UNMANAGED}: ${CONTROL}/JourneyControl.1031.resx is empty`);
  });

  it("when customizations.xml breaks Microsoft's schema, naming the line and what is wrong", async () => {
    let line = 0;
    replaceText(UNMANAGED, "customizations.xml", (content) => {
      const broken = content.replace(
        "<WebResourceType>3</WebResourceType>",
        "<WebResourceType>JScript</WebResourceType>",
      );
      line = broken.split("\r\n").findIndex((text) => text.includes("JScript")) + 1;
      return broken;
    });
    expect((await verify()).problems).toContain(
      `${UNMANAGED}: customizations.xml does not match CustomizationsSolution.xsd: customizations.xml:${line}: ` +
        "Schemas validity error : Element 'WebResourceType': 'JScript' is not a valid value of the atomic type 'xs:integer'.",
    );
  });

  it("when a root component has no component behind it", async () => {
    replaceText(MANAGED, "solution.xml", (content) => content.replace(/\s*<RootComponent type="66"[^>]*\/>/, ""));
    expect((await verify()).problems).toContain(
      `${MANAGED}: code components (type 66): RootComponents list (none) but customizations.xml defines cjt_CustomerJourney.JourneyControl`,
    );
  });

  it("when the managed zip says it is unmanaged", async () => {
    replaceText(MANAGED, "solution.xml", (content) => content.replace("<Managed>1</Managed>", "<Managed>0</Managed>"));
    expect((await verify()).problems).toContain(`${MANAGED}: solution.xml: Managed is "0", expected "1"`);
  });

  it("when the content types do not cover an entry", async () => {
    replaceText(UNMANAGED, "[Content_Types].xml", (content) =>
      content.replace('<Default Extension="resx" ContentType="application/octet-stream" />', ""),
    );
    const { problems } = await verify();
    expect(problems).toContain(
      `${UNMANAGED}: [Content_Types].xml: no content type for ${CONTROL}/JourneyControl.1031.resx (no Default for .resx, no Override)`,
    );
  });

  it("when [Content_Types].xml is not the last entry", async () => {
    rewrite(UNMANAGED, (entries) => [entries[entries.length - 1], ...entries.slice(0, -1)]);
    expect((await verify()).problems).toContain(
      `${UNMANAGED}: [Content_Types].xml must be the last entry, the last is ${SPANISH_STRINGS}`,
    );
  });

  it("when an entry belongs to no component", async () => {
    rewrite(UNMANAGED, (entries) => [
      ...entries.slice(0, -1),
      { name: "WebResources/stray", data: bytes("x") },
      entries[entries.length - 1],
    ]);
    expect((await verify()).problems).toContain(
      `${UNMANAGED}: WebResources/stray belongs to no component of the solution`,
    );
  });

  it("when the zip is truncated", async () => {
    const file = join(packed.paths.binDir, UNMANAGED);
    writeFileSync(file, readFileSync(file).subarray(0, 200));
    const { problems } = await verify();
    expect(problems.some((problem) => problem.startsWith(`${UNMANAGED}: not a readable zip`))).toBe(true);
  });

  it("when a zip is missing, e.g. after a version bump without a build", async () => {
    packed.write("package.json", JSON.stringify({ name: "fixture", version: "1.2.4" }));
    const { problems } = await verify();
    expect(problems).toContain(
      `CustomerJourneyControl_1_2_4_0.zip: not found in ${packed.paths.binDir}: run \`npm run build\` first`,
    );
  });

  it("when the build changed after packing", async () => {
    packed.write("out/webresources/form.js", "var rebuilt = 1;");
    expect((await verify()).problems).toContain(
      `${UNMANAGED}: ${WEB_RESOURCE} differs from the built webresources/form.js: repack with \`npm run build\``,
    );
  });

  it("when form.js does not declare a string resource as its dependency", async () => {
    replaceText(UNMANAGED, "customizations.xml", (content) =>
      content.replace(/&lt;Library name="cjt_\/customerjourney\/strings\/form\.1031\.resx"[^&]*\/&gt;/, ""),
    );
    expect((await verify()).problems).toContain(
      `${UNMANAGED}: customizations.xml: cjt_/customerjourney/form.js does not list cjt_/customerjourney/strings/form.1031.resx in its DependencyXml, so getResourceString cannot read it`,
    );
  });

  it("when form.js depends on a web resource the solution does not hold", async () => {
    replaceText(UNMANAGED, "customizations.xml", (content) =>
      content
        .replace("strings/form.1031.resx&quot;", "strings/form.1040.resx&quot;")
        .replace('strings/form.1031.resx" displayName', 'strings/form.1040.resx" displayName'),
    );
    expect((await verify()).problems).toContain(
      `${UNMANAGED}: customizations.xml: cjt_/customerjourney/form.js depends on cjt_/customerjourney/strings/form.1040.resx, which the solution does not hold`,
    );
  });

  it("when a string resource is not of type RESX or not in its language", async () => {
    replaceText(MANAGED, "customizations.xml", (content) =>
      content.replace(
        "<LanguageCode>1031</LanguageCode>\r\n      <WebResourceType>12</WebResourceType>",
        "<LanguageCode>1033</LanguageCode>\r\n      <WebResourceType>3</WebResourceType>",
      ),
    );
    const { problems } = await verify();
    expect(problems).toContain(
      `${MANAGED}: customizations.xml: web resource cjt_/customerjourney/strings/form.1031.resx is not WebResourceType 12 (String, RESX)`,
    );
    expect(problems).toContain(
      `${MANAGED}: customizations.xml: web resource cjt_/customerjourney/strings/form.1031.resx has LanguageCode 1033, expected 1031`,
    );
  });

  it("when a packed string resource is not a .resx document or not the built one", async () => {
    replaceText(UNMANAGED, GERMAN_STRINGS, () => "<strings />");
    const { problems } = await verify();
    expect(problems).toContain(
      `${UNMANAGED}: cjt_/customerjourney/strings/form.1031.resx is not a .resx document (root element and the resmimetype header text/microsoft-resx)`,
    );
    expect(problems).toContain(
      `${UNMANAGED}: ${GERMAN_STRINGS} differs from the built webresources/strings/form.1031.resx: repack with \`npm run build\``,
    );
  });

  it("when the two zips hold different files", async () => {
    replaceText(MANAGED, "customizations.xml", (content) =>
      content.replace("Customer journey form script", "Other name"),
    );
    expect((await verify()).problems).toContain(`customizations.xml differs between ${UNMANAGED} and ${MANAGED}`);
  });
});
