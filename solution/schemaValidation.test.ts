import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { locateCustomizationsSchema, schemaProblems } from "./schemaValidation";
import { REFERENCE_SOLUTIONS, REPOSITORY_ROOT, SCHEMA_FILE } from "./testing/testFixture";

const referenceCustomizations = (folder: string) =>
  readFileSync(join(REFERENCE_SOLUTIONS, folder, "customizations.xml"), "utf8");
const bytes = (text: string) => new TextEncoder().encode(text);

describe("the customizations.xml schema check", () => {
  it("uses Microsoft's schema set kept in the repository unless told otherwise", () => {
    expect(locateCustomizationsSchema()).toBe(
      join(REPOSITORY_ROOT, "solution", "schemas", "CustomizationsSolution.xsd"),
    );
    expect(locateCustomizationsSchema("solution/schemas/CustomizationsSolution.xsd")).toBe(SCHEMA_FILE);
  });

  it.each(["packager-built-single-control", "packager-built-eight-controls"])(
    "accepts the customizations.xml Microsoft's SolutionPackager wrote (%s)",
    async (folder) => {
      expect(await schemaProblems(bytes(referenceCustomizations(folder)), SCHEMA_FILE, "customizations.xml")).toEqual(
        [],
      );
    },
  );

  it("reports an element the schema does not allow with the document, its line and libxml2's message", async () => {
    const xml = referenceCustomizations("packager-built-single-control").replace(
      "<CustomControls>",
      "<CustomControls><Bogus />",
    );
    expect(await schemaProblems(bytes(xml), SCHEMA_FILE, "customizations.xml")).toEqual([
      "customizations.xml:12: Schemas validity error : Element 'Bogus': This element is not expected. Expected is ( CustomControl ).",
    ]);
  });

  it("reports a document that is not well-formed XML, at the line where it breaks", async () => {
    const xml = referenceCustomizations("packager-built-single-control").replace("</ImportExportXml>", "");
    expect(await schemaProblems(bytes(xml), SCHEMA_FILE, "customizations.xml")).toEqual([
      "customizations.xml:23: parser error : Premature end of data in tag ImportExportXml line 2",
    ]);
  });

  it("says which included schema is missing when the set is incomplete", async () => {
    const directory = mkdtempSync(join(tmpdir(), "cjt-schema-"));
    try {
      copyFileSync(SCHEMA_FILE, join(directory, "CustomizationsSolution.xsd"));
      const check = schemaProblems(
        bytes(referenceCustomizations("packager-built-single-control")),
        join(directory, "CustomizationsSolution.xsd"),
        "customizations.xml",
      );
      await expect(check).rejects.toThrow(/^Cannot check customizations\.xml against .*CustomizationsSolution\.xsd:/);
      await expect(check).rejects.toThrow("Failed to load the document 'isv.config.xsd' for inclusion");
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
