// Production build of the form web resource: src/form → out/webresources/form.js, which sets the
// global `CustomerJourneyForm` whose functions a customizer registers on the journey form (src/form/index.ts).
// Its strings ship beside it as String (RESX) web resources, one per language
// (out/webresources/strings/form.<lcid>.resx), which the script reads with Xrm.Utility.getResourceString.
const fs = require("node:fs");
const path = require("node:path");
const { DefinePlugin } = require("webpack");
const { readResxStrings } = require("./scripts/resx.js");

/**
 * The form script shows fault descriptions, status labels, its own messages and the counts of errors and warnings;
 * the control's other strings stay out.
 */
const FORM_STRING_KEY = /^((form|fault|status)\.|panel\.count\.(Error|Warning)\.)/;
const STRINGS_DIRECTORY = path.join(__dirname, "src", "strings");
const RESX_HEADERS = {
  resmimetype: "text/microsoft-resx",
  version: "2.0",
  reader:
    "System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089",
  writer:
    "System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089",
};

function encodeXml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The form's strings of one resx file. */
function readFormStrings(file) {
  const strings = readResxStrings(fs.readFileSync(file, "utf8"));
  return Object.fromEntries(Object.entries(strings).filter(([name]) => FORM_STRING_KEY.test(name)));
}

/** A .resx document with the standard resheaders and one `<data>` per string. */
function renderResx(strings) {
  const header = ([name, value]) => `  <resheader name="${name}"><value>${encodeXml(value)}</value></resheader>`;
  const data = ([name, value]) =>
    `  <data name="${encodeXml(name)}" xml:space="preserve"><value>${encodeXml(value)}</value></data>`;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    "<root>",
    ...Object.entries(RESX_HEADERS).map(header),
    ...Object.entries(strings).map(data),
    "</root>",
    "",
  ].join("\n");
}

/**
 * Writes strings/form.<lcid>.resx next to form.js for every src/strings/JourneyControl.<lcid>.resx
 * (the control's files stay the single source). `resxFiles()` gives the same files to tests and the harness.
 */
class FormStringResourcesPlugin {
  /**
   * The English (1033) form strings that form.js carries for languages without a RESX, as a tree by the keys'
   * dot-separated segments ("fault.NameMissing.hint" → tree.fault.NameMissing.hint): the shared prefixes are
   * written once, about 1.4 KB less than a flat key → text map.
   */
  englishStrings() {
    const tree = {};
    for (const [key, text] of Object.entries(
      readFormStrings(path.join(STRINGS_DIRECTORY, "JourneyControl.1033.resx")),
    )) {
      const segments = key.split(".");
      const leaf = segments.pop();
      let node = tree;
      for (const segment of segments) {
        node[segment] ??= {};
        if (typeof node[segment] !== "object") throw new Error(`The form string key ${key} extends another key.`);
        node = node[segment];
      }
      if (leaf in node) throw new Error(`The form string key ${key} is also the start of other keys.`);
      node[leaf] = text;
    }
    return tree;
  }

  resxFiles() {
    const files = {};
    for (const file of fs.readdirSync(STRINGS_DIRECTORY).sort()) {
      const lcid = /^JourneyControl\.(\d+)\.resx$/.exec(file)?.[1];
      if (lcid) files[`strings/form.${lcid}.resx`] = renderResx(readFormStrings(path.join(STRINGS_DIRECTORY, file)));
    }
    return files;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(FormStringResourcesPlugin.name, (compilation) => {
      compilation.contextDependencies.add(STRINGS_DIRECTORY);
      compilation.hooks.processAssets.tap(
        { name: FormStringResourcesPlugin.name, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          for (const [name, text] of Object.entries(this.resxFiles()))
            compilation.emitAsset(name, new sources.RawSource(text));
        },
      );
    });
  }
}

const FORM_STRING_RESOURCES = new FormStringResourcesPlugin();

module.exports = {
  mode: "production",
  devtool: false,
  entry: path.join(__dirname, "src", "form", "index.ts"),
  output: {
    path: path.join(__dirname, "out", "webresources"),
    filename: "form.js",
    clean: false,
  },
  resolve: { extensions: [".ts", ".js"] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        loader: "ts-loader",
        options: {
          configFile: path.join(__dirname, "tsconfig.json"),
          onlyCompileBundledFiles: true,
          // Browsers that run model-driven apps have async/await natively: no generator helpers in the bundle.
          compilerOptions: { target: "es2020" },
        },
      },
    ],
  },
  plugins: [
    FORM_STRING_RESOURCES,
    new DefinePlugin({ FORM_ENGLISH_STRINGS: JSON.stringify(FORM_STRING_RESOURCES.englishStrings()) }),
  ],
  // The form script must stay within 36 KiB (25 KiB before it carried its ~9.5 KiB of English strings): a larger
  // script fails the build. The .resx files are not counted.
  performance: {
    hints: "error",
    maxAssetSize: 36 * 1024,
    maxEntrypointSize: 36 * 1024,
    assetFilter: (asset) => asset.endsWith(".js"),
  },
};
