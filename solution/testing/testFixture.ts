import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { locateCustomizationsSchema } from "../schemaValidation";
import { solutionPaths, type SolutionPaths } from "../solutionPaths";

/** Test support: a throw-away repository tree with a built control (and optionally a second, dataset control) and web resource, independent of out/. */
export const REPOSITORY_ROOT = resolve(__dirname, "..", "..");
export const SCHEMA_FILE = locateCustomizationsSchema();
/** Files of real solutions, for comparison (see reference-solutions/README.md). */
export const REFERENCE_SOLUTIONS = resolve(__dirname, "reference-solutions");

/** solution.json as tests edit it. */
export interface EditableDefinition {
  [key: string]: unknown;
  localizedNames: Record<string, unknown>;
  publisher: Record<string, unknown>;
  webResource: Record<string, unknown>;
}

export function readProjectDefinition(): EditableDefinition {
  return JSON.parse(readFileSync(join(REPOSITORY_ROOT, "solution", "solution.json"), "utf8"));
}

export interface FixtureOptions {
  version?: string;
  inputManifestVersion?: string;
  builtManifestVersion?: string;
  /** Changes applied to a copy of the real solution/solution.json. */
  editDefinition?: (definition: EditableDefinition) => void;
  /** Extra or replaced files under out/controls/JourneyControl (relative path → content); null removes the file. */
  controlFiles?: Record<string, string | null>;
  /** A second control, the dataset control JourneysView: its source manifest and its build. */
  view?: boolean;
  viewInputManifestVersion?: string;
  viewBuiltManifestVersion?: string;
  /** Extra or replaced files under out/controls/JourneysView, as controlFiles. */
  viewFiles?: Record<string, string | null>;
  webResource?: string | null;
  /** The built String (RESX) web resources (strings/form.<lcid>.resx); null leaves them out. */
  stringResources?: Record<string, string> | null;
}

export interface Fixture {
  paths: SolutionPaths;
  write(relativePath: string, content: string | Uint8Array): void;
  remove(): void;
}

const BUILT_MANIFEST = (version: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<manifest>
  <control namespace="CustomerJourney" constructor="JourneyControl" version="${version}" display-name-key="control.displayName" description-key="control.description" control-type="virtual" api-version="1.3.18">
    <property name="validationResults" display-name-key="p" description-key="d" of-type="Multiple" usage="bound" required="true"/>
    <resources>
      <code path="bundle.js" order="1"/>
      <platform-library name="React" version="16.14.0"/>
      <resx path="JourneyControl.1033.resx" version="1.0.0"/>
      <resx path="JourneyControl.1031.resx" version="1.0.0"/>
      <resx path="JourneyControl.1036.resx" version="1.0.0"/>
      <resx path="JourneyControl.3082.resx" version="1.0.0"/>
    </resources>
    <built-by name="pac" version="1.51.1"/>
  </control>
</manifest>`;

/** A dataset control's manifest (a <data-set> instead of a bound property), as the source and as built. */
const VIEW_MANIFEST = (version: string, built: boolean) => `<?xml version="1.0" encoding="utf-8"?>
<manifest>
  <control namespace="CustomerJourney" constructor="JourneysView" version="${version}" display-name-key="view.displayName" description-key="view.description" control-type="virtual"${built ? ' api-version="1.3.18"' : ""}>
    <data-set name="journeys" display-name-key="view.journeys.displayName" />
    <resources>
      <code path="${built ? "bundle.js" : "../src/journeysView.ts"}" order="1"/>
      <platform-library name="React" version="16.14.0"/>
      <platform-library name="Fluent" version="8.121.1"/>
${[1033, 1031, 1036, 3082].map((code) => `      <resx path="${built ? "" : "../src/strings/"}JourneysView.${code}.resx" version="1.0.0"/>`).join("\n")}
    </resources>${built ? '\n    <built-by name="pac" version="1.51.1"/>' : ""}
  </control>
</manifest>`;

const RESX = (text: string) => `<?xml version="1.0" encoding="utf-8"?>
<root><data name="control.displayName" xml:space="preserve"><value>${text}</value></data></root>`;

/** A String (RESX) web resource as webpack.form.config.js writes it, with one string. */
const FORM_RESX = (text: string) => `<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <data name="form.checkInProgress" xml:space="preserve"><value>${text}</value></data>
</root>
`;

export function createFixture(options: FixtureOptions = {}): Fixture {
  const root = mkdtempSync(join(tmpdir(), "cjt-solution-"));
  const write = (relativePath: string, content: string | Uint8Array) => {
    const file = join(root, relativePath);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  };
  const version = options.version ?? "1.2.3";
  write("package.json", `${JSON.stringify({ name: "fixture", version }, null, 2)}\n`);
  const inputManifest = readFileSync(
    join(REPOSITORY_ROOT, "JourneyControl", "ControlManifest.Input.xml"),
    "utf8",
  ).replace(/(<control\b[^>]*?\sversion=")[^"]*"/, `$1${options.inputManifestVersion ?? version}"`);
  write("JourneyControl/ControlManifest.Input.xml", inputManifest);
  const definition = readProjectDefinition();
  options.editDefinition?.(definition);
  write("solution/solution.json", JSON.stringify(definition, null, 2));

  const writeBuilt = (directory: string, files: Record<string, string | null>) => {
    for (const [path, content] of Object.entries(files))
      if (content !== null) write(join("out", "controls", directory, path), content);
  };
  writeBuilt("JourneyControl", {
    "ControlManifest.xml": BUILT_MANIFEST(options.builtManifestVersion ?? version),
    "bundle.js": 'var pcf_tools_652ac3f36e1e4bca82eb3c1dc44e6fad;(()=>{"use strict";})();',
    "JourneyControl.1033.resx": RESX("Customer journey"),
    "JourneyControl.1031.resx": RESX("Customer Journey"),
    "JourneyControl.1036.resx": RESX("Parcours client"),
    "JourneyControl.3082.resx": RESX("Recorrido del cliente"),
    ...options.controlFiles,
  });
  if (options.view) {
    write("JourneysView/ControlManifest.Input.xml", VIEW_MANIFEST(options.viewInputManifestVersion ?? version, false));
    writeBuilt("JourneysView", {
      "ControlManifest.xml": VIEW_MANIFEST(options.viewBuiltManifestVersion ?? version, true),
      "bundle.js": 'var pcf_tools_652ac3f36e1e4bca82eb3c1dc44e6fad;(()=>{"use strict";var view=1;})();',
      "JourneysView.1033.resx": RESX("Journeys view"),
      "JourneysView.1031.resx": RESX("Journey-Ansicht"),
      "JourneysView.1036.resx": RESX("Vue des parcours"),
      "JourneysView.3082.resx": RESX("Vista de recorridos"),
      ...options.viewFiles,
    });
  }
  if (options.webResource !== null)
    write(
      "out/webresources/form.js",
      options.webResource ?? '"use strict";var CustomerJourneyForm={onLoad:function(){}};',
    );
  const stringResources =
    options.stringResources === undefined
      ? { "1033": "Not saved", "1031": "Nicht gespeichert", "1036": "Non enregistré", "3082": "No se ha guardado" }
      : options.stringResources;
  for (const [lcid, text] of Object.entries(stringResources ?? {}))
    write(`out/webresources/strings/form.${lcid}.resx`, FORM_RESX(text));

  return { paths: solutionPaths(root), write, remove: () => rmSync(root, { recursive: true, force: true }) };
}
