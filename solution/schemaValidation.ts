import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { validateXML } from "xmllint-wasm";
import { SolutionInputError } from "./solutionInputError";

/** Microsoft's customizations.xml schema set, kept in the repository (solution/schemas, its README says which). */
export function locateCustomizationsSchema(explicit?: string): string {
  const file = resolve(explicit ?? join(__dirname, "schemas", "CustomizationsSolution.xsd"));
  if (!existsSync(file)) {
    throw new SolutionInputError("Schema for customizations.xml not found", [
      `${file} does not exist: pass --schema <path to CustomizationsSolution.xsd>`,
    ]);
  }
  return file;
}

/** The root schema and, preloaded under their file names, the other schemas of its folder (the ones it includes). */
function readSchemaSet(schemaFile: string) {
  const directory = dirname(schemaFile);
  const rootName = basename(schemaFile);
  const read = (fileName: string) => ({ fileName, contents: readFileSync(join(directory, fileName), "utf8") });
  const included = readdirSync(directory).filter((name) => name.endsWith(".xsd") && name !== rootName);
  return { schema: read(rootName), preload: included.map(read) };
}

/**
 * Problems libxml2 (xmllint-wasm, no native xmllint needed) finds in the document against the schema, each as
 * `<document>:<line>: <message>`; an empty list means valid.
 */
export async function schemaProblems(xml: Uint8Array, schemaFile: string, documentName: string): Promise<string[]> {
  let result;
  try {
    result = await validateXML({ xml: { fileName: documentName, contents: xml }, ...readSchemaSet(schemaFile) });
  } catch (error) {
    throw new SolutionInputError(
      `Cannot check ${documentName} against ${schemaFile}`,
      (error as Error).message.split("\n").filter((line) => line.trim().length > 0),
    );
  }
  if (result.valid) return [];
  // Errors without a location are the source excerpt and caret that follow a parser error.
  const located = result.errors.filter((error) => error.loc !== null).map((error) => error.rawMessage);
  return located.length > 0 ? located : [`${documentName} fails to validate: ${result.rawOutput.trim()}`];
}
