import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { languagesWithoutResx, parseControlManifest } from "./controlManifest";
import { readDirectoryFiles } from "./directoryFiles";
import { parseSolutionDefinitionText, type SolutionDefinition } from "./solutionDefinition";
import { SolutionInputError } from "./solutionInputError";
import { controlsInTree, zipFileName, type SolutionPaths } from "./solutionPaths";
import {
  COMPONENT_TYPE_CUSTOM_CONTROL,
  COMPONENT_TYPE_WEB_RESOURCE,
  CONTENT_TYPES_ENTRY,
  WEB_RESOURCE_TYPE_JSCRIPT,
  WEB_RESOURCE_TYPE_RESX,
  controlEntryDirectory,
  controlSchemaName,
  extensionOf,
  webResourceEntryName,
} from "./solutionXml";
import { schemaProblems } from "./schemaValidation";
import { formatReleaseVersion, parseReleaseVersion, solutionVersionOf } from "./version";
import { attribute, childText, children, parseXml, type XmlElement } from "./xmlDocument";
import { readZip, type ZipEntry } from "./zipArchive";

export interface VerifyResult {
  /** What was checked: zips, entries and their sizes. */
  report: string[];
  /** Empty when both zips are sound. */
  problems: string[];
}

interface BuiltControl {
  directory: string;
  /** File contents by path relative to the directory. */
  files: Map<string, Uint8Array>;
}

interface Expectations {
  definition: SolutionDefinition;
  releaseVersion: string;
  solutionVersion: string;
  schemaFile: string;
  /** customizations.xml's schema problems; both zips normally carry the same one, which is then checked once. */
  schemaProblemsOf: (customizationsXml: Uint8Array) => Promise<string[]>;
  /** The built controls the zips must carry unchanged, by schema name: their build directory and files. */
  builtControls: Map<string, BuiltControl>;
  builtWebResource: Uint8Array | null;
  /** The built String (RESX) web resources by web resource name (null: not built). */
  builtStringResources: Map<string, Uint8Array | null>;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}

function decode(data: Uint8Array): string {
  return new TextDecoder().decode(data);
}

async function checkSolutionXml(data: Uint8Array, managed: boolean, expected: Expectations, problems: string[]) {
  const { root } = await parseXml(decode(data), "solution.xml");
  const [manifest] = children(root, "SolutionManifest");
  const { definition } = expected;
  const expect = (what: string, actual: string | undefined, wanted: string) => {
    if (actual !== wanted)
      problems.push(
        `solution.xml: ${what} is ${actual === undefined ? "missing" : `"${actual}"`}, expected "${wanted}"`,
      );
  };
  expect("UniqueName", childText(manifest, "UniqueName"), definition.uniqueName);
  expect("Version", childText(manifest, "Version"), expected.solutionVersion);
  expect("Managed", childText(manifest, "Managed"), managed ? "1" : "0");
  const [publisher] = children(manifest, "Publisher");
  expect("Publisher UniqueName", childText(publisher, "UniqueName"), definition.publisher.uniqueName);
  expect("CustomizationPrefix", childText(publisher, "CustomizationPrefix"), definition.publisher.prefix);
  expect(
    "CustomizationOptionValuePrefix",
    childText(publisher, "CustomizationOptionValuePrefix"),
    String(definition.publisher.optionValuePrefix),
  );
  const [missing] = children(manifest, "MissingDependencies");
  if (!missing) problems.push("solution.xml: MissingDependencies is missing");
  else if (children(missing, "MissingDependency").length > 0)
    problems.push("solution.xml: MissingDependencies lists dependencies; the solution must stand alone");
  const [roots] = children(manifest, "RootComponents");
  return children(roots, "RootComponent").map((component) => ({
    type: Number(attribute(component, "type")),
    schemaName: attribute(component, "schemaName") ?? "",
  }));
}

function sortedList(values: Iterable<string>): string {
  return [...values].sort().join(", ") || "(none)";
}

function compareSets(what: string, inRoots: Set<string>, inCustomizations: Set<string>, problems: string[]) {
  const same = inRoots.size === inCustomizations.size && [...inRoots].every((name) => inCustomizations.has(name));
  if (!same) {
    problems.push(
      `${what}: RootComponents list ${sortedList(inRoots)} but customizations.xml defines ${sortedList(inCustomizations)}`,
    );
  }
}

async function checkZipContent(entries: ZipEntry[], managed: boolean, expected: Expectations, problems: string[]) {
  const byName = new Map(entries.map((entry) => [entry.name, entry.data]));
  for (const required of ["solution.xml", "customizations.xml", CONTENT_TYPES_ENTRY]) {
    if (!byName.has(required)) problems.push(`${required} is missing`);
  }
  if (entries.length > 0 && entries[entries.length - 1].name !== CONTENT_TYPES_ENTRY) {
    problems.push(`${CONTENT_TYPES_ENTRY} must be the last entry, the last is ${entries[entries.length - 1].name}`);
  }
  for (const entry of entries) if (entry.data.length === 0) problems.push(`${entry.name} is empty`);

  const solutionXml = byName.get("solution.xml");
  const rootComponents = solutionXml ? await checkSolutionXml(solutionXml, managed, expected, problems) : [];

  const customizationsXml = byName.get("customizations.xml");
  const controls = new Map<string, string>();
  const webResources = new Map<string, string>();
  if (customizationsXml) {
    for (const problem of await expected.schemaProblemsOf(customizationsXml)) {
      problems.push(`customizations.xml does not match ${basename(expected.schemaFile)}: ${problem}`);
    }
    const { root } = await parseXml(decode(customizationsXml), "customizations.xml");
    for (const control of children(children(root, "CustomControls")[0], "CustomControl")) {
      controls.set(childText(control, "Name") ?? "", childText(control, "FileName") ?? "");
    }
    for (const webResource of children(children(root, "WebResources")[0], "WebResource")) {
      const name = childText(webResource, "Name") ?? "";
      const fileName = childText(webResource, "FileName") ?? "";
      webResources.set(name, fileName);
      const id = (childText(webResource, "WebResourceId") ?? "").replace(/[{}]/g, "").toLowerCase();
      if (fileName !== `/${webResourceEntryName({ name, id })}`) {
        problems.push(
          `customizations.xml: web resource ${name} has FileName ${fileName}, expected /${webResourceEntryName({ name, id })}`,
        );
      }
      await checkWebResourceKind(webResource, expected.definition, problems);
    }
  }
  const fileNames = [...controls.values(), ...webResources.values()];
  for (const fileName of fileNames) {
    if (!fileName.startsWith("/") || !byName.has(fileName.slice(1)))
      problems.push(`customizations.xml: FileName ${fileName || "(empty)"} is not an entry of the zip`);
  }

  const rootsOfType = (type: number) =>
    new Set(rootComponents.filter((root) => root.type === type).map((root) => root.schemaName));
  compareSets(
    "code components (type 66)",
    rootsOfType(COMPONENT_TYPE_CUSTOM_CONTROL),
    new Set(controls.keys()),
    problems,
  );
  compareSets(
    "web resources (type 61)",
    rootsOfType(COMPONENT_TYPE_WEB_RESOURCE),
    new Set(webResources.keys()),
    problems,
  );
  for (const root of rootComponents) {
    if (root.type !== COMPONENT_TYPE_CUSTOM_CONTROL && root.type !== COMPONENT_TYPE_WEB_RESOURCE) {
      problems.push(`solution.xml: unexpected RootComponent type ${root.type} (${root.schemaName})`);
    }
  }

  for (const [name, fileName] of controls) {
    const manifestData = byName.get(fileName.slice(1));
    if (!manifestData) continue;
    const manifest = await parseControlManifest(decode(manifestData), fileName.slice(1));
    const schemaName = controlSchemaName(
      expected.definition.publisher.prefix,
      manifest.namespace,
      manifest.constructor,
    );
    if (schemaName !== name)
      problems.push(`${fileName}: namespace and constructor make ${schemaName}, customizations.xml calls it ${name}`);
    if (manifest.version !== expected.releaseVersion) {
      problems.push(
        `${fileName}: control version ${manifest.version} differs from the package version ${expected.releaseVersion}`,
      );
    }
    for (const path of manifest.resourcePaths) {
      if (!byName.has(`${controlEntryDirectory(name)}/${path}`))
        problems.push(`${fileName} names ${path}, which is not in ${controlEntryDirectory(name)}/`);
    }
    for (const code of languagesWithoutResx(manifest, expected.definition.languages))
      problems.push(`${fileName} names no resx for ${code}, a language of the solution`);
  }

  const owned = (name: string) =>
    ["solution.xml", "customizations.xml", CONTENT_TYPES_ENTRY].includes(name) ||
    fileNames.includes(`/${name}`) ||
    [...controls.keys()].some((control) => name.startsWith(`${controlEntryDirectory(control)}/`));
  for (const entry of entries)
    if (!owned(entry.name)) problems.push(`${entry.name} belongs to no component of the solution`);

  const contentTypes = byName.get(CONTENT_TYPES_ENTRY);
  if (contentTypes) await checkContentTypes(contentTypes, entries, problems);

  for (const resource of expected.definition.webResource.stringResources) {
    const packed = byName.get((webResources.get(resource.name) ?? "/").slice(1));
    if (packed && packed.length > 0) await checkResx(packed, resource.name, problems);
  }

  checkAgainstBuild(byName, controls, webResources, expected, problems);
}

/**
 * The form script is JScript (3) and lists its String (RESX) web resources in DependencyXml, so
 * Xrm.Utility.getResourceString can read them; each of those is RESX (12) in the language its name carries.
 */
async function checkWebResourceKind(webResource: XmlElement, definition: SolutionDefinition, problems: string[]) {
  const name = childText(webResource, "Name") ?? "";
  const type = childText(webResource, "WebResourceType");
  const languageCode = childText(webResource, "LanguageCode");
  const formScript = definition.webResource;
  const stringResource = formScript.stringResources.find((resource) => resource.name === name);
  if (name === formScript.name) {
    if (type !== String(WEB_RESOURCE_TYPE_JSCRIPT))
      problems.push(
        `customizations.xml: web resource ${name} is not WebResourceType ${WEB_RESOURCE_TYPE_JSCRIPT} (JScript)`,
      );
    const listed = await dependencyLibraries(childText(webResource, "DependencyXml"), name);
    for (const resource of formScript.stringResources) {
      const library = listed.find((entry) => entry.name === resource.name);
      if (!library)
        problems.push(
          `customizations.xml: ${name} does not list ${resource.name} in its DependencyXml, so getResourceString cannot read it`,
        );
      else if (library.languageCode !== String(resource.languageCode)) {
        problems.push(
          `customizations.xml: ${name} lists ${resource.name} with languagecode "${library.languageCode}", expected "${resource.languageCode}"`,
        );
      }
    }
    for (const library of listed) {
      if (!formScript.stringResources.some((resource) => resource.name === library.name)) {
        problems.push(`customizations.xml: ${name} depends on ${library.name}, which the solution does not hold`);
      }
    }
  } else if (stringResource) {
    if (type !== String(WEB_RESOURCE_TYPE_RESX))
      problems.push(
        `customizations.xml: web resource ${name} is not WebResourceType ${WEB_RESOURCE_TYPE_RESX} (String, RESX)`,
      );
    if (languageCode !== String(stringResource.languageCode)) {
      problems.push(
        `customizations.xml: web resource ${name} has LanguageCode ${languageCode ?? "(none)"}, expected ${stringResource.languageCode}`,
      );
    }
  } else {
    problems.push(`customizations.xml: web resource ${name} is not in the solution definition`);
  }
}

/** The `<Library>` entries of a web resource's DependencyXml (the element's text is itself XML). */
async function dependencyLibraries(
  dependencyXml: string | undefined,
  owner: string,
): Promise<{ name: string; languageCode: string }[]> {
  if (!dependencyXml) return [];
  const { root } = await parseXml(dependencyXml, `DependencyXml of ${owner}`);
  return children(root, "Dependency")
    .filter((dependency) => attribute(dependency, "componentType") === "WebResource")
    .flatMap((dependency) => children(dependency, "Library"))
    .map((library) => ({
      name: attribute(library, "name") ?? "",
      languageCode: attribute(library, "languagecode") ?? "",
    }));
}

/** A String (RESX) web resource: a .resx document (root element, resmimetype text/microsoft-resx) with strings. */
async function checkResx(data: Uint8Array, name: string, problems: string[]) {
  const { name: rootName, root } = await parseXml(decode(data), name);
  const mimeType = children(root, "resheader").find((header) => attribute(header, "name") === "resmimetype");
  if (rootName !== "root" || childText(mimeType, "value") !== "text/microsoft-resx") {
    problems.push(`${name} is not a .resx document (root element and the resmimetype header text/microsoft-resx)`);
  } else if (children(root, "data").length === 0) {
    problems.push(`${name} holds no strings`);
  }
}

async function checkContentTypes(data: Uint8Array, entries: ZipEntry[], problems: string[]) {
  const { root } = await parseXml(decode(data), CONTENT_TYPES_ENTRY);
  const defaults = new Set(children(root, "Default").map((item) => (attribute(item, "Extension") ?? "").toLowerCase()));
  const overrides = children(root, "Override").map((item) => attribute(item, "PartName") ?? "");
  const entryNames = new Set(entries.map((entry) => entry.name));
  for (const partName of overrides) {
    if (!entryNames.has(partName.slice(1)))
      problems.push(`${CONTENT_TYPES_ENTRY}: Override ${partName} is not an entry of the zip`);
  }
  for (const entry of entries) {
    if (entry.name === CONTENT_TYPES_ENTRY || overrides.includes(`/${entry.name}`)) continue;
    const extension = extensionOf(entry.name);
    if (extension === null) problems.push(`${CONTENT_TYPES_ENTRY}: ${entry.name} has no extension and no Override`);
    else if (!defaults.has(extension))
      problems.push(
        `${CONTENT_TYPES_ENTRY}: no content type for ${entry.name} (no Default for .${extension}, no Override)`,
      );
  }
}

function checkAgainstBuild(
  byName: Map<string, Uint8Array>,
  controls: Map<string, string>,
  webResources: Map<string, string>,
  expected: Expectations,
  problems: string[],
) {
  for (const [controlName, built] of expected.builtControls) {
    const directory = controlEntryDirectory(controlName);
    if (!controls.has(controlName))
      problems.push(
        `customizations.xml has no code component ${controlName}, which the build has in ${built.directory}`,
      );
    for (const [path, data] of built.files) {
      const packed = byName.get(`${directory}/${path}`);
      if (!packed) problems.push(`${directory}/${path} is missing: the build has ${path}`);
      else if (!sameBytes(packed, data))
        problems.push(`${directory}/${path} differs from the built ${path}: repack with \`npm run build\``);
    }
    for (const name of byName.keys()) {
      if (name.startsWith(`${directory}/`) && !built.files.has(name.slice(directory.length + 1))) {
        problems.push(`${name} is not in the build output`);
      }
    }
  }
  for (const controlName of controls.keys()) {
    if (!expected.builtControls.has(controlName))
      problems.push(
        `customizations.xml defines the code component ${controlName}, which is not among this tree's built controls`,
      );
  }
  const webResourceFileName = webResources.get(expected.definition.webResource.name);
  if (webResourceFileName === undefined) {
    problems.push(`customizations.xml has no web resource named ${expected.definition.webResource.name}`);
  } else if (expected.builtWebResource) {
    const packed = byName.get(webResourceFileName.slice(1));
    if (packed && !sameBytes(packed, expected.builtWebResource)) {
      problems.push(
        `${webResourceFileName.slice(1)} differs from the built ${expected.definition.webResource.file}: repack with \`npm run build\``,
      );
    }
  }
  for (const resource of expected.definition.webResource.stringResources) {
    const fileName = webResources.get(resource.name);
    const built = expected.builtStringResources.get(resource.name);
    const packed = fileName === undefined ? undefined : byName.get(fileName.slice(1));
    if (fileName === undefined) problems.push(`customizations.xml has no web resource named ${resource.name}`);
    else if (packed && built && !sameBytes(packed, built)) {
      problems.push(`${fileName.slice(1)} differs from the built ${resource.file}: repack with \`npm run build\``);
    }
  }
}

function schemaCheckOnceEach(schemaFile: string): Expectations["schemaProblemsOf"] {
  const results = new Map<string, Promise<string[]>>();
  return (customizationsXml) => {
    const key = decode(customizationsXml);
    if (!results.has(key)) results.set(key, schemaProblems(customizationsXml, schemaFile, "customizations.xml"));
    return results.get(key)!;
  };
}

/** The built controls of the definition whose source is in the tree, by schema name. */
async function readBuiltControls(
  paths: SolutionPaths,
  definition: SolutionDefinition,
  problems: string[],
): Promise<Map<string, BuiltControl>> {
  const builtControls = new Map<string, BuiltControl>();
  for (const control of controlsInTree(definition.controls, paths).present) {
    const directory = join(paths.buildDir, control.directory);
    const manifestFile = join(directory, "ControlManifest.xml");
    if (!existsSync(manifestFile)) {
      problems.push(`the built control ${directory} is missing: run \`npm run build\` first`);
      continue;
    }
    const manifest = await parseControlManifest(readFileSync(manifestFile, "utf8"), manifestFile);
    const files = new Map(readDirectoryFiles(directory).map((file) => [file.name, file.data]));
    builtControls.set(controlSchemaName(definition.publisher.prefix, manifest.namespace, manifest.constructor), {
      directory,
      files,
    });
  }
  return builtControls;
}

async function readExpectations(paths: SolutionPaths, schemaFile: string, problems: string[]): Promise<Expectations> {
  const definition = parseSolutionDefinitionText(
    readFileSync(paths.definitionFile, "utf8"),
    `solution definition ${paths.definitionFile}`,
  );
  const release = parseReleaseVersion(
    JSON.parse(readFileSync(paths.packageFile, "utf8")).version,
    `version in ${paths.packageFile}`,
  );
  const builtControls = await readBuiltControls(paths, definition, problems);
  const webResourcePath = join(paths.buildDir, definition.webResource.file);
  const builtWebResource = existsSync(webResourcePath) ? new Uint8Array(readFileSync(webResourcePath)) : null;
  if (!builtWebResource)
    problems.push(`the built web resource ${webResourcePath} is missing: run \`npm run build\` first`);
  const builtStringResources = new Map<string, Uint8Array | null>();
  for (const resource of definition.webResource.stringResources) {
    const path = join(paths.buildDir, resource.file);
    const built = existsSync(path) ? new Uint8Array(readFileSync(path)) : null;
    if (!built) problems.push(`the built web resource ${path} is missing: run \`npm run build\` first`);
    builtStringResources.set(resource.name, built);
  }
  return {
    definition,
    releaseVersion: formatReleaseVersion(release),
    solutionVersion: solutionVersionOf(release),
    schemaFile,
    schemaProblemsOf: schemaCheckOnceEach(schemaFile),
    builtControls,
    builtWebResource,
    builtStringResources,
  };
}

/** Unpacks both zips of the current version and checks them against the schema, each other and the build output. */
export async function verifySolution(paths: SolutionPaths, schemaFile: string): Promise<VerifyResult> {
  const report: string[] = [];
  const problems: string[] = [];
  const expected = await readExpectations(paths, schemaFile, problems);
  for (const control of controlsInTree(expected.definition.controls, paths).absent)
    report.push(`${control.directory}: not in this tree (no ${control.inputManifest}), so not expected in the zips`);
  const contents: { fileName: string; entries: ZipEntry[] }[] = [];
  for (const managed of [false, true]) {
    const fileName = zipFileName(expected.definition.uniqueName, expected.solutionVersion, managed);
    const file = join(paths.binDir, fileName);
    const zipProblems: string[] = [];
    if (!existsSync(file)) {
      problems.push(`${fileName}: not found in ${paths.binDir}: run \`npm run build\` first`);
      continue;
    }
    const bytes = readFileSync(file);
    let zip;
    try {
      zip = readZip(new Uint8Array(bytes));
    } catch (error) {
      problems.push(`${fileName}: not a readable zip (${(error as Error).message})`);
      continue;
    }
    report.push(`${fileName}: ${bytes.length} bytes, ${zip.entries.length} entries`);
    for (const entry of zip.entries) report.push(`  ${String(entry.data.length).padStart(9)}  ${entry.name}`);
    for (const name of zip.duplicateNames) zipProblems.push(`${name} appears more than once`);
    for (const name of zip.sizeMismatches)
      zipProblems.push(`${name} does not unpack to the size the zip declares (corrupt)`);
    try {
      await checkZipContent(zip.entries, managed, expected, zipProblems);
    } catch (error) {
      if (!(error instanceof SolutionInputError)) throw error;
      zipProblems.push(error.message.replace(/\n\s*/g, " "));
    }
    problems.push(...zipProblems.map((problem) => `${fileName}: ${problem}`));
    contents.push({ fileName, entries: zip.entries });
  }
  if (contents.length === 2) compareUnmanagedWithManaged(contents[0], contents[1], problems);
  return { report, problems };
}

/** Both zips carry the same entries; only solution.xml (Managed 0/1) may differ. */
function compareUnmanagedWithManaged(
  unmanaged: { fileName: string; entries: ZipEntry[] },
  managed: { fileName: string; entries: ZipEntry[] },
  problems: string[],
) {
  const names = (zip: { entries: ZipEntry[] }) => zip.entries.map((entry) => entry.name).join("\n");
  if (names(unmanaged) !== names(managed)) {
    problems.push(`${unmanaged.fileName} and ${managed.fileName} hold different entries`);
    return;
  }
  managed.entries.forEach((entry, index) => {
    if (entry.name !== "solution.xml" && !sameBytes(entry.data, unmanaged.entries[index].data)) {
      problems.push(`${entry.name} differs between ${unmanaged.fileName} and ${managed.fileName}`);
    }
  });
}
