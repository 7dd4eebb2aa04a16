// Production build of the form web resource: src/form → out/webresources/form.js, exposing the
// global `CustomerJourneyForm` whose functions a customizer registers on the journey form.
const fs = require("node:fs");
const path = require("node:path");
const webpack = require("webpack");

/** The web resource shows fault descriptions, status labels and its own messages; the control's other strings stay out. */
const EMBEDDED_KEY = /^(form|fault|status)\./;
const XML_ENTITIES = { "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'", "&amp;": "&" };

/** The `<data name="..."><value>...</value></data>` strings of one resx file, entity references resolved. */
function readResxStrings(file) {
  const text = fs.readFileSync(file, "utf8");
  const strings = {};
  const entry = /<data\s+name="([^"]+)"[^>]*>\s*<value>([\s\S]*?)<\/value>/g;
  for (const [, name, value] of text.matchAll(entry)) {
    if (EMBEDDED_KEY.test(name)) strings[name] = value.replace(/&(lt|gt|quot|apos|amp);/g, (entity) => XML_ENTITIES[entity]);
  }
  return strings;
}

/** { "1033": {...}, "1031": {...} } from src/strings/JourneyControl.<lcid>.resx, the control's own files. */
function readStringTables() {
  const dir = path.join(__dirname, "src", "strings");
  const tables = {};
  for (const file of fs.readdirSync(dir)) {
    const lcid = /^JourneyControl\.(\d+)\.resx$/.exec(file)?.[1];
    if (lcid) tables[lcid] = readResxStrings(path.join(dir, file));
  }
  return tables;
}

module.exports = {
  mode: "production",
  devtool: false,
  entry: path.join(__dirname, "src", "form", "index.ts"),
  output: {
    path: path.join(__dirname, "out", "webresources"),
    filename: "form.js",
    library: { name: "CustomerJourneyForm", type: "window" },
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
  plugins: [new webpack.DefinePlugin({ CJT_FORM_STRINGS: JSON.stringify(readStringTables()) })],
  // The 25 KiB target is not met (see the README): warn on every build rather than break it.
  performance: { hints: "warning", maxAssetSize: 25 * 1024, maxEntrypointSize: 25 * 1024 },
};
