import { SolutionInputError } from "./solutionInputError";

/** Language code (LCID) → text. */
export type LocalizedText = Readonly<Record<number, string>>;

export interface PublisherDefinition {
  uniqueName: string;
  localizedNames: LocalizedText;
  descriptions: LocalizedText;
  prefix: string;
  optionValuePrefix: number;
}

export interface WebResourceDefinition {
  name: string;
  displayName: string;
  description: string | null;
  /** Lower-case GUID without braces. */
  id: string;
  introducedVersion: string;
  /** Path of the built file, relative to the build output directory. */
  file: string;
}

/** A String (RESX) web resource: one language of the form script's strings, shipped as its dependency. */
export interface StringResourceDefinition extends WebResourceDefinition {
  /** Its language (LCID); the name ends in `.<languageCode>.resx`. */
  languageCode: number;
}

/** The form script and the String (RESX) web resources it depends on. */
export interface FormScriptDefinition extends WebResourceDefinition {
  stringResources: readonly StringResourceDefinition[];
}

/** One code component: where its source manifest is and where pcf-scripts builds it. */
export interface ControlDefinition {
  /** Its ControlManifest.Input.xml, relative to the repository root. */
  inputManifest: string;
  /** Directory of the built control (ControlManifest.xml, bundle.js, ...), relative to the build output directory. */
  directory: string;
}

export interface SolutionDefinition {
  uniqueName: string;
  localizedNames: LocalizedText;
  descriptions: LocalizedText;
  /** The first language is the solution's base language. */
  languages: readonly number[];
  publisher: PublisherDefinition;
  controls: readonly ControlDefinition[];
  webResource: FormScriptDefinition;
}

const UNIQUE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
// Dataverse: 2 to 8 alphanumeric characters starting with a letter, not starting with "mscrm".
const PREFIX = /^[A-Za-z][A-Za-z0-9]{1,7}$/;
const GUID = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;
const FOUR_PART_VERSION = /^(0|[1-9]\d{0,8})(\.(0|[1-9]\d{0,8})){3}$/;
// Dataverse web resource names: letters, digits, underscores, hyphens, periods and single forward slashes.
const WEB_RESOURCE_NAME = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/;
const LANGUAGE_CODE = /^[1-9]\d{3,4}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === "string" && value.trim().length > 0;
}

function isSafeRelativePath(value: string): boolean {
  return !value.startsWith("/") && !value.includes("\\") && !value.split("/").includes("..");
}

class ProblemList {
  readonly items: string[] = [];

  add(problem: string): void {
    this.items.push(problem);
  }

  string(owner: Record<string, unknown>, key: string, path: string): string {
    const value = owner[key];
    if (value === undefined) this.add(`${path} is missing`);
    else if (!isNonEmptyString(value)) this.add(`${path} must be a non-empty string, got ${JSON.stringify(value)}`);
    return typeof value === "string" ? value : "";
  }

  localized(owner: Record<string, unknown>, key: string, path: string, required: readonly number[]): LocalizedText {
    const value = owner[key];
    if (value === undefined && required.length === 0) return {};
    if (!isRecord(value)) {
      this.add(`${path} must be an object mapping language codes to text, e.g. {"1033": "..."}`);
      return {};
    }
    const text: Record<number, string> = {};
    for (const [code, label] of Object.entries(value)) {
      if (!LANGUAGE_CODE.test(code)) this.add(`${path} has "${code}", which is not a language code such as 1033`);
      else if (!isNonEmptyString(label)) this.add(`${path}.${code} must be a non-empty string`);
      else text[Number(code)] = label;
    }
    for (const code of required) {
      if (!(code in text) && !(String(code) in value)) this.add(`${path} needs an entry for the base language ${code}`);
    }
    return text;
  }
}

function readLanguages(root: Record<string, unknown>, problems: ProblemList): number[] {
  const value = root.languages;
  const valid =
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((code) => Number.isInteger(code) && LANGUAGE_CODE.test(String(code))) &&
    new Set(value).size === value.length;
  if (!valid) {
    problems.add(
      `languages must be a non-empty list of distinct language codes, base language first (e.g. [1033, 1031]), got ${JSON.stringify(value)}`,
    );
    return [1033];
  }
  return value as number[];
}

function readPublisher(
  root: Record<string, unknown>,
  baseLanguage: number,
  problems: ProblemList,
): PublisherDefinition {
  const publisher = root.publisher;
  if (!isRecord(publisher)) {
    problems.add("publisher is missing (needs uniqueName, localizedNames, prefix, optionValuePrefix)");
    return { uniqueName: "", localizedNames: {}, descriptions: {}, prefix: "", optionValuePrefix: 0 };
  }
  const uniqueName = problems.string(publisher, "uniqueName", "publisher.uniqueName");
  if (uniqueName && !UNIQUE_NAME.test(uniqueName)) {
    problems.add(
      `publisher.uniqueName "${uniqueName}" may hold only letters, digits and underscores, and must not start with a digit`,
    );
  }
  const prefix = problems.string(publisher, "prefix", "publisher.prefix");
  if (prefix && (!PREFIX.test(prefix) || /^mscrm/i.test(prefix))) {
    problems.add(
      `publisher.prefix "${prefix}" must be 2 to 8 letters or digits, start with a letter and not start with "mscrm"`,
    );
  }
  const optionValuePrefix = publisher.optionValuePrefix;
  if (optionValuePrefix === undefined) {
    problems.add("publisher.optionValuePrefix is missing");
  } else if (
    !Number.isInteger(optionValuePrefix) ||
    (optionValuePrefix as number) < 10000 ||
    (optionValuePrefix as number) > 99999
  ) {
    problems.add(
      `publisher.optionValuePrefix must be a whole number from 10000 to 99999, got ${JSON.stringify(optionValuePrefix)}`,
    );
  }
  return {
    uniqueName,
    localizedNames: problems.localized(publisher, "localizedNames", "publisher.localizedNames", [baseLanguage]),
    descriptions: problems.localized(publisher, "descriptions", "publisher.descriptions", []),
    prefix,
    optionValuePrefix: typeof optionValuePrefix === "number" ? optionValuePrefix : 0,
  };
}

const NO_WEB_RESOURCE: WebResourceDefinition = {
  name: "",
  displayName: "",
  description: null,
  id: "",
  introducedVersion: "",
  file: "",
};

/** The fields every web resource has (at `path` in the definition). */
function readWebResourceFields(
  webResource: Record<string, unknown>,
  path: string,
  prefix: string,
  problems: ProblemList,
): WebResourceDefinition {
  const name = problems.string(webResource, "name", `${path}.name`);
  if (name && !WEB_RESOURCE_NAME.test(name)) {
    problems.add(`${path}.name "${name}" may hold only letters, digits, "_", "-", "." and single "/" between parts`);
  }
  if (name && prefix && !name.startsWith(`${prefix}_`)) {
    problems.add(`${path}.name "${name}" must start with the publisher prefix "${prefix}_"`);
  }
  const id = problems.string(webResource, "id", `${path}.id`);
  const guid = GUID.exec(id);
  if (id && !guid) problems.add(`${path}.id "${id}" is not a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)`);
  const introducedVersion = problems.string(webResource, "introducedVersion", `${path}.introducedVersion`);
  if (introducedVersion && !FOUR_PART_VERSION.test(introducedVersion)) {
    problems.add(`${path}.introducedVersion "${introducedVersion}" must have four numeric parts, e.g. 1.0.0.0`);
  }
  const file = problems.string(webResource, "file", `${path}.file`);
  if (file && !isSafeRelativePath(file))
    problems.add(`${path}.file "${file}" must be a relative path inside the build output`);
  const description = webResource.description;
  if (description !== undefined && !isNonEmptyString(description))
    problems.add(`${path}.description must be a non-empty string when present`);
  return {
    name,
    displayName: problems.string(webResource, "displayName", `${path}.displayName`),
    description: isNonEmptyString(description) ? description : null,
    id: guid ? guid[1].toLowerCase() : "",
    introducedVersion,
    file,
  };
}

function readStringResources(
  webResource: Record<string, unknown>,
  prefix: string,
  languages: readonly number[],
  problems: ProblemList,
): StringResourceDefinition[] {
  const list = webResource.stringResources;
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    problems.add("webResource.stringResources must be a list of String (RESX) web resources");
    return [];
  }
  return list.map((item, index) => {
    const path = `webResource.stringResources[${index}]`;
    if (!isRecord(item)) {
      problems.add(`${path} must be an object (needs name, displayName, languageCode, id, introducedVersion, file)`);
      return { ...NO_WEB_RESOURCE, languageCode: 0 };
    }
    const fields = readWebResourceFields(item, path, prefix, problems);
    const languageCode = item.languageCode;
    if (!Number.isInteger(languageCode) || !languages.includes(languageCode as number)) {
      problems.add(
        `${path}.languageCode must be one of the solution's languages (${languages.join(", ")}), got ${JSON.stringify(languageCode)}`,
      );
    } else if (fields.name && !fields.name.endsWith(`.${languageCode}.resx`)) {
      problems.add(`${path}.name "${fields.name}" must end in ".${languageCode}.resx", its language`);
    }
    return { ...fields, languageCode: typeof languageCode === "number" ? languageCode : 0 };
  });
}

function readWebResource(
  root: Record<string, unknown>,
  prefix: string,
  languages: readonly number[],
  problems: ProblemList,
): FormScriptDefinition {
  const webResource = root.webResource;
  if (!isRecord(webResource)) {
    problems.add("webResource is missing (needs name, displayName, id, introducedVersion, file)");
    return { ...NO_WEB_RESOURCE, stringResources: [] };
  }
  const formScript = {
    ...readWebResourceFields(webResource, "webResource", prefix, problems),
    stringResources: readStringResources(webResource, prefix, languages, problems),
  };
  const all = [formScript, ...formScript.stringResources];
  const repeated = (values: string[]) => values.filter((value, index) => value && values.indexOf(value) !== index);
  for (const id of repeated(all.map((resource) => resource.id)))
    problems.add(`web resource id ${id} is used more than once`);
  for (const name of repeated(all.map((resource) => resource.name)))
    problems.add(`web resource name ${name} is used more than once`);
  return formScript;
}

const CONTROLS_EXAMPLE =
  '[{"inputManifest": "JourneyControl/ControlManifest.Input.xml", "directory": "controls/JourneyControl"}]';

function readControls(root: Record<string, unknown>, problems: ProblemList): ControlDefinition[] {
  if (root.control !== undefined)
    problems.add(
      `control is the old single-control form: list the code components as controls, e.g. ${CONTROLS_EXAMPLE}`,
    );
  const list = root.controls;
  if (!Array.isArray(list) || list.length === 0) {
    if (root.control === undefined)
      problems.add(`controls must be a non-empty list of code components, e.g. ${CONTROLS_EXAMPLE}`);
    return [];
  }
  const controls = list.map((item, index) => {
    const path = `controls[${index}]`;
    if (!isRecord(item)) {
      problems.add(`${path} must be an object (needs inputManifest and directory)`);
      return { inputManifest: "", directory: "" };
    }
    const relativePath = (key: string, inside: string) => {
      const value = problems.string(item, key, `${path}.${key}`);
      if (value && !isSafeRelativePath(value))
        problems.add(`${path}.${key} "${value}" must be a relative path inside ${inside}`);
      return value;
    };
    return {
      inputManifest: relativePath("inputManifest", "the repository"),
      directory: relativePath("directory", "the build output"),
    };
  });
  for (const key of ["inputManifest", "directory"] as const) {
    const values = controls.map((control) => control[key]);
    for (const value of values.filter((value, index) => value && values.indexOf(value) !== index))
      problems.add(`controls: ${key} ${value} is listed more than once`);
  }
  return controls;
}

/** Checks a parsed solution.json and returns it typed; throws SolutionInputError listing every problem. */
export function parseSolutionDefinition(input: unknown, source = "solution definition"): SolutionDefinition {
  if (!isRecord(input)) throw new SolutionInputError(`Invalid ${source}`, ["the definition must be a JSON object"]);
  const problems = new ProblemList();
  const uniqueName = problems.string(input, "uniqueName", "uniqueName");
  if (uniqueName && !UNIQUE_NAME.test(uniqueName)) {
    problems.add(
      `uniqueName "${uniqueName}" may hold only letters, digits and underscores, and must not start with a digit`,
    );
  }
  const languages = readLanguages(input, problems);
  const publisher = readPublisher(input, languages[0], problems);
  const definition: SolutionDefinition = {
    uniqueName,
    localizedNames: problems.localized(input, "localizedNames", "localizedNames", [languages[0]]),
    descriptions: problems.localized(input, "descriptions", "descriptions", []),
    languages,
    publisher,
    controls: readControls(input, problems),
    webResource: readWebResource(input, publisher.prefix, languages, problems),
  };
  if (problems.items.length > 0) throw new SolutionInputError(`Invalid ${source}`, problems.items);
  return definition;
}

/** Parses solution.json text; JSON syntax errors become a SolutionInputError too. */
export function parseSolutionDefinitionText(text: string, source = "solution definition"): SolutionDefinition {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SolutionInputError(`Invalid ${source}`, [`not valid JSON: ${(error as Error).message}`]);
  }
  return parseSolutionDefinition(json, source);
}
