import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { SolutionInputError } from "./solutionInputError";

/** Microsoft's customizations.xml schema, kept next to the repository in ../shared/schemas (as in CI). */
export function locateCustomizationsSchema(root: string, explicit?: string): string {
  const file = explicit ? resolve(explicit) : resolve(root, "..", "shared", "schemas", "CustomizationsSolution.xsd");
  if (!existsSync(file)) {
    throw new SolutionInputError("Schema for customizations.xml not found", [
      `${file} does not exist: the shared folder (with schemas/CustomizationsSolution.xsd) must sit next to the repository, ` +
        "or pass --schema <path to CustomizationsSolution.xsd>",
    ]);
  }
  return file;
}

/** Problems xmllint reports for the document against the schema; an empty list means valid. */
export function schemaProblems(xml: Uint8Array, schemaFile: string, documentName: string): string[] {
  const directory = mkdtempSync(join(tmpdir(), "cjt-xsd-"));
  try {
    const file = join(directory, documentName);
    writeFileSync(file, xml);
    const result = spawnSync("xmllint", ["--noout", "--schema", schemaFile, file], { encoding: "utf8" });
    if (result.error) {
      throw new SolutionInputError("Cannot run xmllint", [
        `${result.error.message}: install it with \`apt-get update && apt-get install -y libxml2-utils\``,
      ]);
    }
    if (result.status === 0) return [];
    const lines = result.stderr
      .split("\n")
      .map((line) => line.split(file).join(documentName).trim())
      .filter((line) => line.length > 0 && !line.endsWith("fails to validate"));
    return lines.length > 0 ? lines : [`${documentName} fails to validate (xmllint exit ${result.status})`];
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
