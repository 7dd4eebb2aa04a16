import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { languagesWithoutResx, parseControlManifest, type ControlManifestInfo } from "./controlManifest";
import { readDirectoryFiles } from "./directoryFiles";
import { parseSolutionDefinitionText, type ControlDefinition, type SolutionDefinition } from "./solutionDefinition";
import { SolutionInputError } from "./solutionInputError";
import { controlsInTree, inputManifestFile, zipFileName, type SolutionPaths } from "./solutionPaths";
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

/** A built code component as it goes into the zips. */
export interface PackedControl {
  /** Schema name, `<prefix>_<namespace>.<constructor>`. */
  name: string;
  manifest: ControlManifestInfo;
  /** Built files, paths relative to the control's build directory with "/". */
  files: ZipEntry[];
}

export interface SolutionInputs {
  definition: SolutionDefinition;
  /** package.json version, e.g. 1.2.3. */
  releaseVersion: string;
  /** Four-part solution version, e.g. 1.2.3.0. */
  solutionVersion: string;
  /** The controls whose source is in the tree, in ordinal order of their names (as SolutionPackager lists them). */
  controls: PackedControl[];
  /** The definition's controls whose ControlManifest.Input.xml is not in the tree: not packed. */
  leftOut: ControlDefinition[];
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

const ordinal = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * SolutionPackager's order of control files: every control's ControlManifest.xml first, then all other files,
 * each group in ordinal order of the entry path (see testing/reference-solutions/packager-built-eight-controls).
 */
export function controlEntryOrder(a: string, b: string): number {
  const isManifest = (name: string) => name.endsWith("/ControlManifest.xml");
  return Number(isManifest(b)) - Number(isManifest(a)) || ordinal(a, b);
}

/** Every control's ControlManifest.Input.xml must carry the package version. */
function checkInputManifestVersions(paths: SolutionPaths, controls: ControlDefinition[], releaseVersion: string) {
  const disagreeing = controls
    .map((control) => {
      const file = inputManifestFile(paths, control);
      return { file, version: readControlVersion(readText(file, "control manifest", "")) };
    })
    .filter(({ version }) => version !== releaseVersion);
  if (disagreeing.length > 0) {
    throw new SolutionInputError("The control version and the package version disagree", [
      ...disagreeing.map(
        ({ file, version }) => `package.json has ${releaseVersion}, ${file} has ${version ?? "no version"}`,
      ),
      "change them together with `npm run version:bump -- <patch|minor|major|x.y.z>`, then rebuild",
    ]);
  }
}

async function readBuiltControl(
  paths: SolutionPaths,
  control: ControlDefinition,
  expected: { releaseVersion: string; prefix: string; languages: readonly number[] },
  problems: string[],
): Promise<PackedControl> {
  const directory = join(paths.buildDir, control.directory);
  const manifestFile = join(directory, "ControlManifest.xml");
  const manifest = await parseControlManifest(
    readText(manifestFile, "built control", "run `npm run build` first"),
    manifestFile,
  );
  if (manifest.version !== expected.releaseVersion) {
    problems.push(
      `the built manifest ${manifestFile} has version ${manifest.version}, package.json has ${expected.releaseVersion}: the build is stale, run \`npm run build\``,
    );
  }
  const files = readDirectoryFiles(directory);
  const present = new Set(files.map((file) => file.name));
  for (const path of manifest.resourcePaths) {
    if (!present.has(path)) problems.push(`the built manifest names ${path}, which is not in ${directory}`);
  }
  for (const code of languagesWithoutResx(manifest, expected.languages))
    problems.push(`the built manifest ${manifestFile} names no resx for ${code}, a language of the solution`);
  for (const file of files) if (file.data.length === 0) problems.push(`${join(directory, file.name)} is empty`);
  return {
    name: controlSchemaName(expected.prefix, manifest.namespace, manifest.constructor),
    manifest,
    files,
  };
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

  const { present, absent } = controlsInTree(definition.controls, paths);
  if (present.length === 0) {
    throw new SolutionInputError(
      "No code component to pack",
      absent.map((control) => `${inputManifestFile(paths, control)} does not exist`),
    );
  }
  checkInputManifestVersions(paths, present, releaseVersion);

  const problems: string[] = [];
  const expected = { releaseVersion, prefix: definition.publisher.prefix, languages: definition.languages };
  const controls: PackedControl[] = [];
  for (const control of present) controls.push(await readBuiltControl(paths, control, expected, problems));
  controls.sort((a, b) => ordinal(a.name, b.name));
  controls.forEach((control, index) => {
    if (index > 0 && control.name === controls[index - 1].name)
      problems.push(`two built controls are both ${control.name} (the same namespace and constructor)`);
  });

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
  const webResourceFile = readWebResourceFile(definition.webResource.file);
  const stringResourceFiles = definition.webResource.stringResources.map((resource) =>
    readWebResourceFile(resource.file),
  );
  if (problems.length > 0) throw new SolutionInputError("Cannot pack the solution", problems);

  return {
    definition,
    releaseVersion,
    solutionVersion: solutionVersionOf(release),
    controls,
    leftOut: absent,
    webResourceFile,
    stringResourceFiles,
  };
}

/** The unmanaged and managed zips (in that order) for the inputs; pure: the same inputs give the same bytes. */
export function buildSolutionZips(inputs: SolutionInputs): PackedZip[] {
  const { definition, controls, solutionVersion } = inputs;
  const text = (value: string) => new TextEncoder().encode(value);
  const controlNames = controls.map((control) => control.name);
  const controlFiles = controls
    .flatMap((control) =>
      control.files.map((file) => ({ name: `${controlEntryDirectory(control.name)}/${file.name}`, data: file.data })),
    )
    .sort((a, b) => controlEntryOrder(a.name, b.name));
  const { stringResources } = definition.webResource;
  const rootComponents = [
    ...controlNames.map((schemaName) => ({ type: COMPONENT_TYPE_CUSTOM_CONTROL, schemaName })),
    ...[definition.webResource, ...stringResources].map((resource) => ({
      type: COMPONENT_TYPE_WEB_RESOURCE,
      schemaName: resource.name,
    })),
  ];
  return [false, true].map((managed) => {
    const entries: ZipEntry[] = [
      { name: "customizations.xml", data: text(renderCustomizationsXml(definition, controlNames)) },
      { name: "solution.xml", data: text(renderSolutionXml(definition, solutionVersion, managed, rootComponents)) },
      ...controlFiles,
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
