// The outline's figure for `npm run bench`: in Chromium, the time to the first render of a journey's outline and
// to the rows a filter shows, each to the next painted frame, medians over interleaved runs.
import { readFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { largeDefinition } from "../../harness/seed/seedData";
import { readResxStrings } from "../resx";
import { launchChromium } from "./chromium";

const RUNS = 21;
const WARMUP_RUNS = 3;
/** Matches a tenth of the tiles ("Email 1", "Email 10", …, "Email 100", …), so the filtered rows keep their ancestors. */
const FILTER = "email 1";

interface OutlineBench {
  load(text: string, strings: Record<string, string>): void;
  render(): Promise<[number, number]>;
  filter(text: string): Promise<[number, number]>;
}
type BenchWindow = { outlineBench: OutlineBench };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function outlineSpeed(root: string): Promise<unknown> {
  const page = await build({
    entryPoints: [path.join(root, "scripts/bench/outlinePage.ts")],
    bundle: true,
    minify: true,
    write: false,
    format: "iife",
    // React's production build, as the host runs it.
    define: { "process.env.NODE_ENV": '"production"' },
    tsconfig: path.join(root, "tsconfig.json"),
    logLevel: "error",
  });
  const strings = readResxStrings(readFileSync(path.join(root, "src/strings/JourneyControl.1033.resx"), "utf8"));
  const browser = await launchChromium();
  try {
    const tab = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await tab.setContent("<!doctype html><html><head><title>Outline</title></head><body></body></html>");
    // The control's own style sheet, which the host loads beside the bundle.
    await tab.addStyleTag({ content: readFileSync(path.join(root, "src/ui/JourneyControl.css"), "utf8") });
    await tab.addScriptTag({ content: page.outputFiles[0].text });
    const sizes = [];
    for (const tiles of [300, 5_000]) {
      await tab.evaluate(([text, given]) => (window as unknown as BenchWindow).outlineBench.load(text, given), [
        largeDefinition(tiles),
        strings,
      ] as const);
      const renders: number[] = [];
      const filters: number[] = [];
      let rows = 0;
      let filteredRows = 0;
      for (let run = 0; run < WARMUP_RUNS + RUNS; run++) {
        const [renderMs, shown] = await tab.evaluate(() => (window as unknown as BenchWindow).outlineBench.render());
        const [filterMs, filtered] = await tab.evaluate(
          (text) => (window as unknown as BenchWindow).outlineBench.filter(text),
          FILTER,
        );
        if (run < WARMUP_RUNS) continue;
        renders.push(renderMs);
        filters.push(filterMs);
        [rows, filteredRows] = [shown, filtered];
      }
      sizes.push({ tiles, rows, filteredRows, renderMs: median(renders), filterMs: median(filters) });
    }
    return { runs: RUNS, filter: FILTER, sizes };
  } finally {
    await browser.close();
  }
}
