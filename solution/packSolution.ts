import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseControlManifest, type ControlManifestInfo } from "./controlManifest";
import { readDirectoryFiles } from "./directoryFiles";
import { parseSolutionDefinitionText, type SolutionDefinition } from "./solutionDefinition";
import { SolutionInputError } from "./solutionInputError";
import { zipFileName, type SolutionPaths } from "./solutionPaths";
import {
  COMPONENT_TYPE_CUSTOM_CONTROL,
  COMPONENT_TYPE_WEB_RESOURCE,
  CONTENT_TYPES_ENTRY,
  controlEntryDirectory,
  controlSchemaName,
  renderContentTypes,
  renderCustomizationsXml,
  renderSolutionXml,
  webResourceEntryName,
} from "./solutionXml";
import { formatReleaseVersion, parseReleaseVersion, readControlVersion, solutionVersionOf } from "./version";
import { writeZip, type ZipEntry } from "./zipArchive";

export interface SolutionInputs {
  definition: SolutionDefinition;
  /** package.json version, e.g. 1.2.3. */
  releaseVersion: string;
  /** Four-part solution version, e.g. 1.2.3.0. */
  solutionVersion: string;
  controlName: string;
  controlManifest: ControlManifestInfo;
  /** Built control files, paths relative to the control directory with "/". */
  controlFiles: ZipEntry[];
  webResourceFile: Uint8Array;
  /** The built String (RESX) web resources, in the definition's order. */
  stringResourceFiles: Uint8Array[];
}

export interface PackedZip {
  managed: boolean;
  fileName: string;
  bytes: Uint8Array;
}

function readText(file: string, what: string, hint: string): string {
  if (!existsSync(file))
    throw new SolutionInputError(`Missing ${what}`, [`${file} does not exist${hint ? `: ${hint}` : ""}`]);
  return readFileSync(file, "utf8");
}

/** Manifest first, then the other files in ordinal order of their paths (as SolutionPackager orders them). */
function controlFileOrder(a: ZipEntry, b: ZipEntry): number {
  if (a.name === "ControlManifest.xml" || b.name === "ControlManifest.xml")
    return a.name === "ControlManifest.xml" ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Reads and cross-checks everything the zips are made from; throws SolutionInputError listing what is wrong. */
export async function readSolutionInputs(paths: SolutionPaths): Promise<SolutionInputs> {
  const definition = parseSolutionDefinitionText(
    readText(paths.definitionFile, "solution definition", "it defines the solution and publisher"),
    `solution definition ${paths.definitionFile}`,
  );

  let packageJson: { version?: unknown };
  try {
    packageJson = JSON.parse(readText(paths.packageFile, "package.json", ""));
  } catch (error) {
    if (error instanceof SolutionInputError) throw error;
    throw new SolutionInputError(`Unreadable ${paths.packageFile}`, [(error as Error).message]);
  }
  const release = parseReleaseVersion(packageJson.version, `version in ${paths.packageFile}`);
  const releaseVersion = formatReleaseVersion(release);

  const inputManifestVersion = readControlVersion(readText(paths.inputManifestFile, "control manifest", ""));
  if (inputManifestVersion !== releaseVersion) {
    throw new SolutionInputError("The control version and the package version disagree", [
      `package.json has ${releaseVersion}, ${paths.inputManifestFile} has ${inputManifestVersion ?? "no version"}; ` +
        "change both with `npm run version:bump -- <patch|minor|major|x.y.z>`, then rebuild",
    ]);
  }

  const controlDirectory = join(paths.buildDir, definition.controlDirectory);
  const builtManifestFile = join(controlDirectory, "ControlManifest.xml");
  const manifestXml = readText(builtManifestFile, "built control", "run `npm run build` first");
  const controlManifest = await parseControlManifest(manifestXml, builtManifestFile);
  const problems: string[] = [];
  if (controlManifest.version !== releaseVersion) {
    problems.push(
      `the built manifest ${builtManifestFile} has version ${controlManifest.version}, package.json has ${releaseVersion}: the build is stale, run \`npm run build\``,
    );
  }

  const controlFiles = readDirectoryFiles(controlDirectory).sort(controlFileOrder);
  const present = new Set(controlFiles.map((file) => file.name));
  for (const path of controlManifest.resourcePaths) {
    if (!present.has(path)) problems.push(`the built manifest names ${path}, which is not in ${controlDirectory}`);
  }

  const readWebResourceFile = (file: string): Uint8Array => {
    const path = join(paths.buildDir, file);
    if (!existsSync(path)) {
      problems.push(`the web resource ${path} does not exist: run \`npm run build\` first`);
      return new Uint8Array();
    }
    const data = new Uint8Array(readFileSync(path));
    if (data.length === 0) problems.push(`${path} is empty`);
    return data;
  };
  for (const file of controlFiles)
    if (file.data.length === 0) problems.push(`${join(controlDirectory, file.name)} is empty`);
  const webResourceFile = readWebResourceFile(definition.webResource.file);
  const stringResourceFiles = definition.webResource.stringResources.map((resource) =>
    readWebResourceFile(resource.file),
  );
  if (problems.length > 0) throw new SolutionInputError("Cannot pack the solution", problems);

  return {
    definition,
    releaseVersion,
    solutionVersion: solutionVersionOf(release),
    controlName: controlSchemaName(definition.publisher.prefix, controlManifest.namespace, controlManifest.constructor),
    controlManifest,
    controlFiles,
    webResourceFile,
    stringResourceFiles,
  };
}

/** The unmanaged and managed zips (in that order) for the inputs; pure: the same inputs give the same bytes. */
export function buildSolutionZips(inputs: SolutionInputs): PackedZip[] {
  const { definition, controlName, solutionVersion } = inputs;
  const text = (value: string) => new TextEncoder().encode(value);
  const controlDirectory = controlEntryDirectory(controlName);
  const { stringResources } = definition.webResource;
  const rootComponents = [
    { type: COMPONENT_TYPE_CUSTOM_CONTROL, schemaName: controlName },
    ...[definition.webResource, ...stringResources].map((resource) => ({
      type: COMPONENT_TYPE_WEB_RESOURCE,
      schemaName: resource.name,
    })),
  ];
  return [false, true].map((managed) => {
    const entries: ZipEntry[] = [
      { name: "customizations.xml", data: text(renderCustomizationsXml(definition, [controlName])) },
      { name: "solution.xml", data: text(renderSolutionXml(definition, solutionVersion, managed, rootComponents)) },
      ...inputs.controlFiles.map((file) => ({ name: `${controlDirectory}/${file.name}`, data: file.data })),
      { name: webResourceEntryName(definition.webResource), data: inputs.webResourceFile },
      ...stringResources.map((resource, index) => ({
        name: webResourceEntryName(resource),
        data: inputs.stringResourceFiles[index],
      })),
    ];
    entries.push({ name: CONTENT_TYPES_ENTRY, data: text(renderContentTypes(entries.map((entry) => entry.name))) });
    return {
      managed,
      fileName: zipFileName(definition.uniqueName, solutionVersion, managed),
      bytes: writeZip(entries),
    };
  });
}

function isZipOfSolution(fileName: string, uniqueName: string): boolean {
  return (
    fileName.startsWith(uniqueName) && /^_\d+_\d+_\d+_\d+(_managed)?\.zip$/.test(fileName.slice(uniqueName.length))
  );
}

/** Packs both zips into the bin directory, replacing zips of earlier versions of the same solution. */
export async function packSolution(paths: SolutionPaths): Promise<{ inputs: SolutionInputs; files: string[] }> {
  const inputs = await readSolutionInputs(paths);
  const zips = buildSolutionZips(inputs);
  mkdirSync(paths.binDir, { recursive: true });
  for (const existing of readdirSync(paths.binDir)) {
    if (isZipOfSolution(existing, inputs.definition.uniqueName) && statSync(join(paths.binDir, existing)).isFile()) {
      rmSync(join(paths.binDir, existing));
    }
  }
  const files = zips.map((zip) => {
    const file = join(paths.binDir, zip.fileName);
    writeFileSync(file, zip.bytes);
    return file;
  });
  return { inputs, files };
}
