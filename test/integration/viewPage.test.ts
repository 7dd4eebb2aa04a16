import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startHarness, type Harness } from "../../harness/server";
import { json, useHarness } from "./testing/harnessFixture";

const ROOT = path.resolve(__dirname, "../..");

const resx = (strings: Record<string, string>) =>
  `<?xml version="1.0" encoding="utf-8"?><root>${Object.entries(strings)
    .map(([key, value]) => `<data name="${key}" xml:space="preserve"><value>${value}</value></data>`)
    .join("")}</root>`;

/** A built dataset control as pcf-scripts leaves it: its manifest, bundle, CSS and strings. */
const VIEW_CONTROL: Record<string, string> = {
  "ControlManifest.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<manifest><control namespace="CustomerJourney" constructor="JourneysView" version="1.0.0" display-name-key="n" control-type="virtual">
  <data-set name="journeys" display-name-key="d">
    <property-set name="checkResults" display-name-key="r" of-type="Multiple" usage="bound" required="false"/>
    <property-set name="statusReason" display-name-key="s" of-type="OptionSet" usage="bound" required="false"/>
    <property-set name="msdyncrm_recurrencecount" display-name-key="c" of-type="Whole.None" usage="bound" required="false"/>
    <property-set name="notacolumn" display-name-key="x" of-type="Multiple" usage="bound" required="false"/>
  </data-set>
  <resources>
    <code path="bundle.js" order="1"/>
    <css path="JourneysView.css" order="1"/>
    <resx path="JourneysView.1033.resx" version="1.0.0"/>
    <resx path="JourneysView.1031.resx" version="1.0.0"/>
  </resources>
</control></manifest>`,
  "bundle.js": "/* the view control */",
  "JourneysView.css": ".view {}",
  "JourneysView.1033.resx": resx({ "view.title": "Journeys" }),
  "JourneysView.1031.resx": resx({ "view.title": "Kundenreisen" }),
  "secret.txt": "not a resource of the manifest",
};

/** A repository root whose out/controls/JourneysView is the fixture above; the rest links to this repository. */
function rootWithViewControl(): string {
  const root = mkdtempSync(path.join(tmpdir(), "harness-view-"));
  for (const entry of [
    "harness",
    "src",
    "solution",
    "scripts",
    "node_modules",
    "JourneyControl",
    "package.json",
    "webpack.form.config.js",
  ])
    symlinkSync(path.join(ROOT, entry), path.join(root, entry));
  const control = path.join(root, "out/controls/JourneysView");
  mkdirSync(control, { recursive: true });
  for (const [file, text] of Object.entries(VIEW_CONTROL)) writeFileSync(path.join(control, file), text);
  return root;
}

const configOf = (html: string) =>
  JSON.parse(/<script type="application\/json" id="harness-config">([^<]*)<\/script>/.exec(html)?.[1] ?? "null");

describe("the journeys view page", () => {
  describe("with the view control built", () => {
    let root: string;
    let harness: Harness;
    beforeAll(async () => {
      root = rootWithViewControl();
      harness = await startHarness({ port: 0, rootDir: root });
    });
    afterAll(async () => {
      await harness.stop();
      rmSync(root, { recursive: true, force: true });
    });
    const get = (pathAndQuery: string) => fetch(`${harness.url}${pathAndQuery}`);

    test("the home page links the view; the view page names what the built manifest names", async () => {
      expect(await (await get("/")).text()).toMatch(/<a href="\/journeys">Journeys view<\/a>/);
      const response = await get("/journeys?lang=1031&privileges=read&pagesize=25");
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(configOf(html)).toEqual({
        languageId: 1031,
        privileges: "read",
        userId: expect.any(String),
        userName: "Alex Rivera",
        pageSize: 25,
        control: {
          name: "CustomerJourney.JourneysView",
          script: "/_harness/controls/JourneysView/bundle.js",
          styles: ["/_harness/controls/JourneysView/JourneysView.css"],
          strings: "/_harness/controls/JourneysView/1031.json",
          dataSet: "journeys",
          // Bound as the view's set-up binds them (the view's own column for the status), else to the column of
          // the same name; one without a column stays unbound.
          propertySets: [
            {
              name: "checkResults",
              column: {
                name: "msdyncrm_validationresults",
                displayName: "checkResults",
                dataType: "Multiple",
                visualSizeFactor: 100,
              },
            },
            {
              name: "statusReason",
              column: {
                name: "statuscode",
                displayName: "Status Reason",
                dataType: "OptionSet",
                visualSizeFactor: 100,
              },
            },
            {
              name: "msdyncrm_recurrencecount",
              column: {
                name: "msdyncrm_recurrencecount",
                displayName: "msdyncrm_recurrencecount",
                dataType: "Whole.None",
                visualSizeFactor: 100,
              },
            },
          ],
        },
      });
      for (const asset of ["/_harness/lib/react.js", "/_harness/lib/fluent.js", "/_harness/view.js"])
        expect(html).toContain(asset);
      expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
    });

    test("serves the bundle, the manifest's CSS and its strings by language, and nothing else of the folder", async () => {
      expect(await (await get("/_harness/controls/JourneysView/bundle.js")).text()).toBe("/* the view control */");
      const css = await get("/_harness/controls/JourneysView/JourneysView.css");
      expect(css.headers.get("content-type")).toBe("text/css");
      expect(await (await get("/_harness/controls/JourneysView/1031.json")).json()).toEqual({
        "view.title": "Kundenreisen",
      });
      // A language without strings gets English, as the platform falls back to the base language.
      expect(await (await get("/_harness/controls/JourneysView/1040.json")).json()).toEqual({
        "view.title": "Journeys",
      });
      for (const file of ["secret.txt", "ControlManifest.xml", "..%2F..%2Fpackage.json"])
        expect((await get(`/_harness/controls/JourneysView/${file}`)).status).toBe(404);
    });

    test("the page script bundles with the view and its dataset", async () => {
      const script = await get("/_harness/view.js");
      expect(script.status).toBe(200);
      expect(await script.text()).toContain("All customer journeys");
    });
  });

  describe("before the view control is built", () => {
    const org = useHarness({ rootDir: path.join(ROOT, "harness") });

    test("the view page carries no control (its script then says to run npm run build) and serves none of its files", async () => {
      const html = await (await fetch(`${org.url}/journeys`)).text();
      expect(configOf(html).control).toBeNull();
      expect((await fetch(`${org.url}/_harness/controls/JourneysView/bundle.js`)).status).toBe(404);
    });
  });
});

const journeyCount = async (url: string) =>
  (await json(await fetch(`${url}/api/data/v9.2/msdyncrm_customerjourneys?$select=msdyncrm_name&$count=true&$top=0`)))[
    "@odata.count"
  ];

describe("generated journeys", () => {
  const org = useHarness({ journeys: 40 });

  test("a harness started with journeys: n holds the seeded ones and n more, again after a reset", async () => {
    expect(await journeyCount(org.url)).toBe(15 + 40);
    await fetch(`${org.url}/_harness/reset`, { method: "POST" });
    expect(await journeyCount(org.url)).toBe(15 + 40);
  });

  test("a reset with {journeys} reseeds with that many for once; a bad count is refused and changes nothing", async () => {
    await fetch(`${org.url}/_harness/reset`, { method: "POST", body: JSON.stringify({ journeys: 5 }) });
    expect(await journeyCount(org.url)).toBe(15 + 5);
    const refused = await fetch(`${org.url}/_harness/reset`, {
      method: "POST",
      body: JSON.stringify({ journeys: -1 }),
    });
    expect(refused.status).toBe(400);
    expect((await json(refused)).error).toMatch(/whole number from 0 to 50000/);
    expect(await journeyCount(org.url)).toBe(15 + 5);
  });
});

describe("npm start -- --journeys", () => {
  const start = (...args: string[]) =>
    spawn(process.execPath, [require.resolve("tsx/cli"), path.join(ROOT, "harness/start.ts"), ...args], {
      env: { ...process.env, HARNESS_SKIP_BUILD: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });

  test("1000 adds a thousand generated journeys to the seed, and the start line names the view page", async () => {
    const child = start("--port", "0", "--journeys", "1000");
    let output = "";
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${output}`)), 20_000);
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const match = /(http:\/\/127\.0\.0\.1:\d+)\/journeys/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    try {
      expect(await journeyCount(url)).toBe(1015);
    } finally {
      const exit = new Promise((resolve) => child.on("exit", resolve));
      child.kill("SIGTERM");
      await exit;
    }
  }, 30_000);

  test("a count past 50,000 is refused with the usage text", async () => {
    const child = start("--journeys", "50001");
    let errors = "";
    child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    expect(await new Promise((resolve) => child.on("exit", resolve))).toBe(2);
    expect(errors).toMatch(/whole number from 0 to 50000/);
    expect(errors).toMatch(/--journeys/);
  }, 30_000);
});
