import { spawn } from "node:child_process";
import path from "node:path";
import { SEED_IDS } from "../../harness/seed/seedData";
import { json, useHarness } from "./testing/harnessFixture";

const formUrl = (id: string, extra = "") =>
  `/main.aspx?pagetype=entityrecord&etn=msdyncrm_customerjourney&id=${id}${extra}`;

describe("the harness pages and assets", () => {
  const org = useHarness();

  test("/ lists every journey with a link to its form, names escaped", async () => {
    const html = await (await fetch(`${org.url}/`)).text();
    for (const id of Object.values(SEED_IDS.journeys)) expect(html).toContain(`id=${id}`);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toContain("<img src=x");
  });

  test("the form page carries its configuration as inert JSON and loads the platform libraries locally", async () => {
    const response = await fetch(`${org.url}${formUrl(SEED_IDS.journeys.scriptName, "&lang=1031&privileges=read")}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    const config = JSON.parse(
      /<script type="application\/json" id="harness-config">([^<]*)<\/script>/.exec(html)?.[1] ?? "null",
    );
    expect(config).toMatchObject({
      id: SEED_IDS.journeys.scriptName,
      languageId: 1031,
      privileges: "read",
      entityName: "msdyncrm_customerjourney",
    });
    expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
    for (const asset of ["/_harness/lib/react.js", "/_harness/lib/fluent.js", "/_harness/page.js"])
      expect(html).toContain(asset);
  });

  test("an unknown record or table is a 404 page", async () => {
    expect((await fetch(`${org.url}${formUrl("00000000-0000-4000-8000-000000000000")}`)).status).toBe(404);
    expect(
      (await fetch(`${org.url}/main.aspx?pagetype=entityrecord&etn=account&id=${SEED_IDS.journeys.live}`)).status,
    ).toBe(404);
  });

  test("the page script bundles; the platform libraries set the globals the control reads", async () => {
    const script = await fetch(`${org.url}/_harness/page.js`);
    expect(script.status).toBe(200);
    expect(await script.text()).toContain("CustomerJourney.JourneyControl");
    const react = await (await fetch(`${org.url}/_harness/lib/react.js`)).text();
    expect(react).toContain("Reactv16");
    expect(react).toContain("ReactDOMv16");
    expect(await (await fetch(`${org.url}/_harness/lib/fluent.js`)).text()).toContain("FluentUIReactv81211");
  }, 30_000);

  test("Fluent's icon fonts come from the local package, never the CDN", async () => {
    const html = await (await fetch(`${org.url}${formUrl(SEED_IDS.journeys.live)}`)).text();
    expect(html).toContain('iconBaseUrl: "/_harness/fonts/"');
    const font = await fetch(`${org.url}/_harness/fonts/fabric-icons-a13498cf.woff`);
    expect(font.status).toBe(200);
    expect(font.headers.get("content-type")).toBe("font/woff");
    expect((await fetch(`${org.url}/_harness/fonts/..%2Fpackage.json`)).status).toBe(404);
  });

  test("resx strings are served per language, German differing from English", async () => {
    const english = await json(await fetch(`${org.url}/_harness/strings/1033.json`));
    const german = await json(await fetch(`${org.url}/_harness/strings/1031.json`));
    expect(english["control.displayName"]).toBeTruthy();
    expect(german["control.displayName"]).toBeTruthy();
    expect(german["control.displayName"]).not.toBe(english["control.displayName"]);
  });
});

describe("npm start", () => {
  test("starts on the given port, prints the URL, serves, and stops cleanly on SIGTERM", async () => {
    const child = spawn(
      process.execPath,
      [require.resolve("tsx/cli"), path.join(__dirname, "../../harness/start.ts"), "--port", "0"],
      {
        env: { ...process.env, HARNESS_SKIP_BUILD: "1" },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${output}`)), 20_000);
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const match = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    expect((await fetch(`${url}/api/data/v9.2/msdyncrm_customerjourneys(${SEED_IDS.journeys.live})`)).status).toBe(200);
    const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exit).toBe(0);
    await expect(fetch(`${url}/`)).rejects.toThrow();
  }, 30_000);

  test("refuses unknown options with the usage text", async () => {
    const child = spawn(
      process.execPath,
      [require.resolve("tsx/cli"), path.join(__dirname, "../../harness/start.ts"), "--colour"],
      {
        env: { ...process.env, HARNESS_SKIP_BUILD: "1" },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let errors = "";
    child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(2);
    expect(errors).toMatch(/Unknown option --colour/);
    expect(errors).toMatch(/Usage: npm start/);
  }, 30_000);
});
