import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { checkJourneyCount, MAX_GENERATED_JOURNEYS } from "./seed/generatedJourneys";
import { startHarness } from "./server";

const USAGE = `Usage: npm start -- [--port <n>] [--data <file>] [--go-live-delay <ms>] [--journeys <n>]
  --port            port on 127.0.0.1 (default: $PORT or 5180; 0 picks a free one)
  --data            JSON file that keeps the org's rows across restarts (created from the seed)
  --go-live-delay   how long Going live / Stopping take (default 1500 ms)
  --journeys        adds n generated journeys to the seed (e.g. 1000; up to ${MAX_GENERATED_JOURNEYS})`;

interface StartOptions {
  port: number;
  data?: string;
  goLiveDelayMs?: number;
  journeys?: number;
}

function parseArguments(argv: string[]): StartOptions {
  const options: StartOptions = { port: Number(process.env.PORT ?? 5180) };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    const number = () => {
      if (value === undefined || !/^\d+$/.test(value)) throw new Error(`${argv[i]} needs a whole number.`);
      i++;
      return Number(value);
    };
    switch (argv[i]) {
      case "--port":
        options.port = number();
        break;
      case "--go-live-delay":
        options.goLiveDelayMs = number();
        break;
      case "--journeys":
        options.journeys = number();
        checkJourneyCount(options.journeys);
        break;
      case "--data":
        if (!value) throw new Error("--data needs a file name.");
        options.data = path.resolve(value);
        i++;
        break;
      case "--help":
      case "-h":
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new Error(`Unknown option ${argv[i]}.`);
    }
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535)
    throw new Error("The port must be 0-65535.");
  return options;
}

/** Builds the control and the form web resource when either is missing (a fresh clone after npm ci). */
function buildIfMissing(rootDir: string): void {
  if (process.env.HARNESS_SKIP_BUILD === "1") return;
  const missing = ["out/controls/JourneyControl/bundle.js", "out/webresources/form.js"].filter(
    (file) => !existsSync(path.join(rootDir, file)),
  );
  if (missing.length === 0) return;
  console.log(`Building first (${missing.join(", ")} missing)...`);
  const result = spawnSync("npm", ["run", "build"], {
    cwd: rootDir,
    stdio: "inherit",
    env: { ...process.env, PP_TOOLS_TELEMETRY_OPTOUT: "true" },
  });
  if (result.status !== 0)
    console.warn("The build failed; the harness starts anyway and the form page says what is missing.");
}

async function main(): Promise<void> {
  let options: ReturnType<typeof parseArguments>;
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const rootDir = path.resolve(__dirname, "..");
  buildIfMissing(rootDir);
  const harness = await startHarness({ ...options, rootDir });
  console.log(`Emulated org and form page: ${harness.url}/   journeys view: ${harness.url}/journeys`);
  console.log(`Web API: ${harness.url}/api/data/v9.2/   (Ctrl-C stops)`);
  if (options.data) console.log(`Rows kept in ${options.data}`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the harness.`);
    harness.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  const code = (error as { code?: string }).code;
  console.error(
    code === "EADDRINUSE"
      ? "That port is in use: pass --port <n> or set PORT."
      : `The harness could not start: ${(error as Error).message}`,
  );
  process.exit(1);
});
