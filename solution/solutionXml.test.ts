import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseSolutionDefinition, type SolutionDefinition } from "./solutionDefinition";
import {
  controlSchemaName,
  escapeXml,
  renderContentTypes,
  renderSolutionXml,
  webResourceEntryName,
} from "./solutionXml";
import { REFERENCE_SOLUTIONS } from "./testing/testFixture";

const reference = (folder: string, file: string) => readFileSync(join(REFERENCE_SOLUTIONS, folder, file), "utf8");
const entriesOf = (folder: string) => reference(folder, "entries.txt").split(/\r?\n/).filter(Boolean);

describe("[Content_Types].xml", () => {
  it.each(["packager-built-single-control", "packager-built-eight-controls"])(
    "is byte-identical to what SolutionPackager wrote for the entries of %s",
    (folder) => {
      const entries = entriesOf(folder).filter((name) => name !== "[Content_Types].xml");
      expect(renderContentTypes(entries)).toBe(reference(folder, "[Content_Types].xml"));
    },
  );

  it("gives each file without an extension an Override, as exported web resources have", () => {
    const xml = renderContentTypes(["customizations.xml", "WebResources/cjt_formjs0A"]);
    expect(xml).toContain('<Override PartName="/WebResources/cjt_formjs0A" ContentType="application/octet-stream" />');
  });
});

describe("web resource entry names", () => {
  it("follow the exported solution: name without / and . followed by the upper-case id", () => {
    const excerpt = reference("exported-with-webresource", "customizations.WebResources-excerpt.xml");
    const resources = [
      ...excerpt.matchAll(
        /<WebResourceId>\{([^}]+)\}<\/WebResourceId>\s*<Name>([^<]+)<\/Name>[\s\S]*?<FileName>\/([^<]+)<\/FileName>/g,
      ),
    ];
    expect(resources.length).toBeGreaterThan(1);
    for (const [, id, name, fileName] of resources) expect(webResourceEntryName({ name, id })).toBe(fileName);
  });
});

describe("solution.xml", () => {
  const definitionLike = (input: Record<string, unknown>): SolutionDefinition =>
    parseSolutionDefinition({
      controls: [{ inputManifest: "ColorPicker/ControlManifest.Input.xml", directory: "controls/ColorPicker" }],
      webResource: {
        name: "raw_/x.js",
        displayName: "x",
        id: "00000000-0000-0000-0000-000000000001",
        introducedVersion: "1.0.0.0",
        file: "x.js",
      },
      ...input,
    });

  it("has the shape of the packager-built reference (comments aside)", () => {
    const definition = definitionLike({
      uniqueName: "ControlPicker",
      localizedNames: { "1033": "ControlPicker" },
      languages: [1033],
      publisher: {
        uniqueName: "RAW",
        localizedNames: { "1033": "RAW" },
        descriptions: { "1033": "RAW" },
        prefix: "raw",
        optionValuePrefix: 69972,
      },
    });
    const rendered = renderSolutionXml(definition, "1.0.15", false, [
      { type: 66, schemaName: controlSchemaName("raw", "RAW.ColorPicker", "ColorPicker") },
    ]);
    const withoutHeaderAndComments = (xml: string) =>
      xml
        .split("\r\n")
        .slice(2)
        .filter((line) => !line.trim().startsWith("<!--"));
    expect(withoutHeaderAndComments(rendered)).toEqual(
      withoutHeaderAndComments(reference("packager-built-single-control", "solution.xml")),
    );
    expect(rendered.startsWith('\ufeff<?xml version="1.0" encoding="utf-8"?>\r\n<ImportExportXml ')).toBe(true);
  });

  it("lists root components by type and escapes names", () => {
    const definition = definitionLike({
      uniqueName: "S",
      localizedNames: { "1033": 'A & B "quoted"' },
      languages: [1033],
      publisher: { uniqueName: "P", localizedNames: { "1033": "P" }, prefix: "raw", optionValuePrefix: 10000 },
    });
    const xml = renderSolutionXml(definition, "2.0.0.0", true, [
      { type: 66, schemaName: "raw_A.B" },
      { type: 61, schemaName: "raw_/x.js" },
    ]);
    expect(xml.indexOf('type="61"')).toBeLessThan(xml.indexOf('type="66"'));
    expect(xml).toContain(`description="${escapeXml('A & B "quoted"')}"`);
    expect(xml).toContain("<Managed>1</Managed>");
    expect(xml).toContain("<Version>2.0.0.0</Version>");
  });
});
