import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import path from "node:path";
import { checkDelay, checkFaultSpec, FaultQueue, type FaultSpec, type LogEntry } from "./faults";
import { readBuiltControl } from "./page/controlManifest";
import { ALL_JOURNEYS_VIEW, bindPropertySets, DEFAULT_PAGE_SIZE, JOURNEYS_VIEW_BINDINGS } from "./page/datasetContext";
import { renderFormPage, renderJourneyList, renderNotFound, renderViewPage } from "./page/html";
import { buildPageScript } from "./page/buildPageScript";
import { readResxStrings } from "./page/resx";
import { checkJourneyCount, withGeneratedJourneys } from "./seed/generatedJourneys";
import { SEED_IDS, seedData } from "./seed/seedData";
import { bodyTooLarge, defaultFaultError, harnessFailure, MAX_BODY_BYTES, segmentNotFound } from "./webapi/errors";
import { JOURNEY } from "./webapi/entities";
import { JourneyLifecycle } from "./webapi/journeyLifecycle";
import { Store, type StoreData } from "./webapi/store";
import { EmulatedWebApi, type ApiResponse, type ApiSettings } from "./webapi/webApi";

export interface HarnessOptions {
  /** 0 picks a free port (tests). Default 5180. */
  port?: number;
  /** Default 127.0.0.1: the harness never listens beyond this machine. */
  host?: string;
  /** A JSON file that keeps the org's rows across restarts (`--data`); created from the seed when missing. */
  data?: string;
  /** Rows to start with instead of the seed. */
  seed?: StoreData;
  /** How long Going live / Stopping take before the service moves them on. Default 1500 ms. */
  goLiveDelayMs?: number;
  /** Where out/ and node_modules/ are. Default: the repository this file is in. */
  rootDir?: string;
  /** Generated journeys added to the seed (`--journeys`; POST /_harness/reset `{"journeys": n}` for one reset). */
  journeys?: number;
}

export interface Harness {
  url: string;
  port: number;
  stop(): Promise<void>;
}

interface HarnessSettings {
  validateAction: boolean;
  goLiveDelayMs: number;
}

const DEFAULT_DELAY_MS = 1500;
const VIEW_CONTROL_FOLDER = "JourneysView";
const MAX_LOG_ENTRIES = 10_000;

const JSON_HEADERS = { "Content-Type": "application/json; odata.metadata=minimal", "OData-Version": "4.0" };

/** The rows a start or a reset begins with: the given seed, or the harness's with `journeys` generated ones. */
function startingRows(options: HarnessOptions, journeys = options.journeys ?? 0): StoreData {
  return options.seed ?? withGeneratedJourneys(seedData(), journeys, new Date());
}

function loadData(options: HarnessOptions): StoreData {
  if (options.data && existsSync(options.data)) {
    try {
      return JSON.parse(readFileSync(options.data, "utf8")) as StoreData;
    } catch (error) {
      throw new Error(
        `The data file ${options.data} could not be read as JSON (${(error as Error).message}). Move it away to start from the seed.`,
      );
    }
  }
  return startingRows(options);
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const rootDir = options.rootDir ?? path.resolve(__dirname, "..");
  checkDelay(options.goLiveDelayMs, "goLiveDelayMs");
  const settings: HarnessSettings = { validateAction: true, goLiveDelayMs: options.goLiveDelayMs ?? DEFAULT_DELAY_MS };
  const persist = () => {
    if (options.data) writeFileSync(options.data, JSON.stringify(store.toJSON(), null, 1));
  };
  const store: Store = new Store(loadData(options), () => new Date(), persist);
  persist();
  const lifecycle = new JourneyLifecycle(store, () => settings.goLiveDelayMs, SEED_IDS.users.service);
  const apiSettings: ApiSettings = {
    get validateActionEnabled() {
      return settings.validateAction;
    },
    userId: SEED_IDS.users.current,
    organizationId: "0f1e2d3c-4b5a-4697-8877-66554433aa01",
    businessUnitId: "0f1e2d3c-4b5a-4697-8877-66554433aa02",
  };
  const api = new EmulatedWebApi(store, lifecycle, apiSettings);
  const faults = new FaultQueue();
  let log: LogEntry[] = [];
  const sockets = new Set<Socket>();
  /** Requests a `hang` fault holds; reset and stop close them. */
  const hanging = new Set<ServerResponse>();

  const files = {
    react: path.join(rootDir, "node_modules/pcf-start/lib/react_16_14_0.js"),
    fluent: path.join(rootDir, "node_modules/pcf-start/lib/fluent_8_121_1.js"),
    control: path.join(rootDir, "out/controls/JourneyControl/bundle.js"),
    controls: path.join(rootDir, "out/controls"),
    controlStyles: path.join(rootDir, "out/controls/JourneyControl/JourneyControl.css"),
    formScript: path.join(rootDir, "out/webresources/form.js"),
    iconFonts: path.join(rootDir, "node_modules/@fluentui/font-icons-mdl2/fonts"),
    resx: (lcid: number) =>
      [
        path.join(rootDir, `out/controls/JourneyControl/JourneyControl.${lcid}.resx`),
        path.join(rootDir, `src/strings/JourneyControl.${lcid}.resx`),
      ].find(existsSync),
  };

  const reset = (journeys?: number) => {
    for (const held of hanging) held.destroy();
    hanging.clear();
    lifecycle.cancelAll();
    store.load(startingRows(options, journeys));
    persist();
    faults.clear();
    log = [];
    settings.validateAction = true;
    settings.goLiveDelayMs = options.goLiveDelayMs ?? DEFAULT_DELAY_MS;
  };

  /** `body` is undefined when it was over MAX_BODY_BYTES. */
  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, body?: string): Promise<void> {
    const started = Date.now();
    const method = req.method ?? "GET";
    const pathAndQuery = url.pathname + url.search;
    const record = (status: number, fault?: number, answerDropped?: true) => {
      log.push({
        method,
        path: pathAndQuery,
        status,
        time: new Date(started).toISOString(),
        durationMs: Date.now() - started,
        ...(fault ? { fault } : {}),
        ...(answerDropped ? { answerDropped } : {}),
      });
      if (log.length > MAX_LOG_ENTRIES) log.shift();
    };
    // The size limit comes first, as at a web server's front door: no fault is used up.
    const fault = body === undefined ? undefined : faults.take(method, pathAndQuery);
    if (fault?.hang) {
      hanging.add(res);
      await new Promise((resolve) => res.once("close", resolve));
      // A reset has already taken it out, and cleared the log it would go in.
      if (hanging.delete(res)) record(0, fault.id);
      return;
    }
    if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (fault?.drop) {
      record(0, fault.id);
      req.socket.destroy();
      return;
    }
    if (fault?.malformed) {
      record(200, fault.id);
      res.writeHead(200, JSON_HEADERS).end('{"@odata.context":"#","value":[{"@odata.etag":');
      return;
    }
    const response = fault?.status ? faultResponse(fault.status, fault) : await answerApi(req, url, body);
    if (fault?.dropAnswer) {
      record(response.status, fault.id, true);
      req.socket.destroy();
      return;
    }
    record(response.status, fault?.id);
    sendApiResponse(res, response);
  }

  async function answerApi(req: IncomingMessage, url: URL, body?: string): Promise<ApiResponse> {
    if (body === undefined) return bodyTooLarge().toResponse();
    if (!EmulatedWebApi.isApiPath(url.pathname))
      return segmentNotFound(url.pathname.split("/").filter(Boolean).slice(2).join("/")).toResponse();
    try {
      return await api.handle({
        method: req.method ?? "GET",
        url,
        headers: req.headers as Record<string, string>,
        body,
      });
    } catch (error) {
      return harnessFailure(error).toResponse();
    }
  }

  async function handleHarness(req: IncomingMessage, res: ServerResponse, url: URL, body: string): Promise<void> {
    const method = req.method ?? "GET";
    const route = `${method} ${url.pathname}`;
    const json = (status: number, value: unknown): void => {
      res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(value));
    };
    const parsed = (): unknown => (body.trim() ? JSON.parse(body) : {});
    try {
      switch (route) {
        case "GET /_harness/faults":
          return json(200, faults.list());
        case "POST /_harness/faults":
          return json(201, faults.add(checkFaultSpec(parsed())));
        case "DELETE /_harness/faults":
          faults.clear();
          return json(200, []);
        case "GET /_harness/log":
          return json(200, log);
        case "DELETE /_harness/log":
          log = [];
          return json(200, []);
        case "POST /_harness/reset": {
          const { journeys } = parsed() as { journeys?: unknown };
          if (journeys !== undefined) checkJourneyCount(journeys);
          reset(journeys as number | undefined);
          return json(200, { reset: true });
        }
        case "GET /_harness/settings":
          return json(200, settings);
        case "POST /_harness/settings": {
          const changes = parsed() as Partial<HarnessSettings>;
          if (changes.validateAction !== undefined && typeof changes.validateAction !== "boolean")
            throw new Error("'validateAction' must be true or false.");
          checkDelay(changes.goLiveDelayMs, "goLiveDelayMs");
          Object.assign(settings, {
            validateAction: changes.validateAction ?? settings.validateAction,
            goLiveDelayMs: changes.goLiveDelayMs ?? settings.goLiveDelayMs,
          });
          return json(200, settings);
        }
        case "GET /_harness/page.js":
          return sendText(res, 200, "text/javascript", await buildPageScript(rootDir));
        case "GET /_harness/view.js":
          return sendText(res, 200, "text/javascript", await buildPageScript(rootDir, "viewPage"));
        case "GET /_harness/lib/react.js":
          return sendFile(res, files.react, "text/javascript");
        case "GET /_harness/lib/fluent.js":
          return sendFile(res, files.fluent, "text/javascript");
        case "GET /_harness/control/bundle.js":
          return sendFile(res, files.control, "text/javascript");
        case "GET /_harness/control/JourneyControl.css":
          return sendFile(res, files.controlStyles, "text/css");
        case "GET /_harness/webresources/form.js":
          return sendFile(res, files.formScript, "text/javascript");
      }
      // Fluent's icon fonts from the local package instead of Microsoft's CDN (the page sets FabricConfig.iconBaseUrl).
      const font = /^GET \/_harness\/fonts\/(fabric-icons[a-z0-9-]*\.woff)$/.exec(route);
      if (font) return sendFile(res, path.join(files.iconFonts, font[1]), "font/woff");
      const viewFile = /^GET \/_harness\/controls\/JourneysView\/([^/]+)$/.exec(route);
      if (viewFile) return sendViewControlFile(res, viewFile[1]);
      const strings = /^GET \/_harness\/strings\/(\d{4})\.json$/.exec(route);
      if (strings) {
        const file = files.resx(Number(strings[1])) ?? files.resx(1033);
        return json(200, file ? readResxStrings(readFileSync(file, "utf8")) : {});
      }
      return json(404, { error: `No harness endpoint ${route}.` });
    } catch (error) {
      return json(400, { error: (error as Error).message });
    }
  }

  /** The view control's bundle and the files its manifest names (its CSS, its strings as JSON by language). */
  async function sendViewControlFile(res: ServerResponse, file: string): Promise<void> {
    const control = await readBuiltControl(files.controls, VIEW_CONTROL_FOLDER);
    const strings = /^(\d{4})\.json$/.exec(file);
    if (control && strings) {
      const resx = control.strings[Number(strings[1])] ?? control.strings[1033];
      const text = resx ? readFileSync(path.join(control.directory, resx), "utf8") : "";
      return sendText(res, 200, "application/json", JSON.stringify(text ? readResxStrings(text) : {}));
    }
    if (!control || (file !== "bundle.js" && !control.styles.includes(file)))
      return sendText(res, 404, "text/plain", `The journeys view control has no file ${file}.`);
    return sendFile(res, path.join(control.directory, file), file.endsWith(".css") ? "text/css" : "text/javascript");
  }

  async function viewPage(url: URL): Promise<string> {
    const control = await readBuiltControl(files.controls, VIEW_CONTROL_FOLDER);
    const [dataSet] = control?.dataSets ?? [];
    const pageSize = Number(/^\d{1,4}$/.exec(url.searchParams.get("pagesize") ?? "")?.[0] ?? DEFAULT_PAGE_SIZE);
    return renderViewPage({
      languageId: languageOf(url),
      privileges: url.searchParams.get("privileges"),
      userId: SEED_IDS.users.current,
      userName: "Alex Rivera",
      pageSize: pageSize > 0 ? pageSize : DEFAULT_PAGE_SIZE,
      control:
        control && dataSet
          ? {
              name: control.name,
              script: "/_harness/controls/JourneysView/bundle.js",
              styles: control.styles.map((file) => `/_harness/controls/JourneysView/${encodeURIComponent(file)}`),
              strings: `/_harness/controls/JourneysView/${languageOf(url)}.json`,
              dataSet: dataSet.name,
              propertySets: bindPropertySets(dataSet.propertySets, ALL_JOURNEYS_VIEW, JOURNEY, JOURNEYS_VIEW_BINDINGS),
            }
          : null,
    });
  }

  function handlePage(req: IncomingMessage, res: ServerResponse, url: URL): void | Promise<void> {
    const html = (status: number, text: string) => sendText(res, status, "text/html; charset=utf-8", text);
    if (url.pathname === "/favicon.ico") {
      res.writeHead(204).end();
      return;
    }
    if (url.pathname === "/" || url.pathname === "/index.html") {
      return html(200, renderJourneyList(store.all(JOURNEY)));
    }
    if (url.pathname === "/journeys") return viewPage(url).then((text) => html(200, text));
    if (url.pathname === "/main.aspx") {
      const id = (url.searchParams.get("id") ?? "").replace(/[{}]/g, "").toLowerCase();
      const etn = url.searchParams.get("etn");
      if (etn !== JOURNEY.logicalName || !store.get(JOURNEY, id)) {
        return html(
          404,
          renderNotFound(`There is no ${etn ?? "record"} with id ${id || "(none)"} in the emulated org.`),
        );
      }
      return html(
        200,
        renderFormPage({
          entityName: JOURNEY.logicalName,
          id,
          languageId: languageOf(url),
          privileges: url.searchParams.get("privileges"),
          readOnly: url.searchParams.get("readonly") === "1",
          userId: SEED_IDS.users.current,
          userName: "Alex Rivera",
          hasControl: existsSync(files.control),
          hasFormScript: existsSync(files.formScript),
        }),
      );
    }
    return html(404, renderNotFound(`Nothing at ${url.pathname}.`));
  }

  const server = createServer((req, res) => {
    let chunks: Buffer[] | undefined = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the rest is read and dropped, so the client gets a 413 rather than a reset connection.
      if (size > MAX_BODY_BYTES) chunks = undefined;
      else chunks?.push(chunk);
    });
    req.on("end", () => {
      const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
      const body = chunks && Buffer.concat(chunks).toString("utf8");
      const handler = url.pathname.startsWith("/api/")
        ? handleApi(req, res, url, body)
        : body === undefined
          ? Promise.resolve(sendApiResponse(res, bodyTooLarge().toResponse()))
          : url.pathname.startsWith("/_harness/")
            ? handleHarness(req, res, url, body)
            : Promise.resolve(handlePage(req, res, url));
      handler.catch((error: unknown) => {
        if (!res.headersSent) sendApiResponse(res, harnessFailure(error).toResponse());
        else res.destroy();
      });
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  const port = options.port ?? 5180;
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${actualPort}`,
    port: actualPort,
    stop: async () => {
      lifecycle.cancelAll();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** `&lang=`: the user's language id (default 1033). */
function languageOf(url: URL): number {
  return Number(/^\d{4}$/.exec(url.searchParams.get("lang") ?? "")?.[0] ?? 1033);
}

/** A queued fault's status answer: a realistic Dataverse error body unless the fault gives its own. */
function faultResponse(status: number, fault: FaultSpec): ApiResponse {
  const error = defaultFaultError(status, fault.retryAfter);
  const headers: Record<string, string> = { ...error.headers };
  if (fault.retryAfter !== undefined) headers["Retry-After"] = String(fault.retryAfter);
  return { status, headers, body: fault.body ?? (status === 401 ? undefined : error.toBody()) };
}

function sendApiResponse(res: ServerResponse, response: ApiResponse): void {
  const headers: Record<string, string> = { "OData-Version": "4.0", ...response.headers };
  if (response.body === undefined) {
    res.writeHead(response.status, headers).end();
    return;
  }
  const text = typeof response.body === "string" ? response.body : JSON.stringify(response.body);
  res.writeHead(response.status, { ...JSON_HEADERS, ...headers }).end(text);
}

function sendText(res: ServerResponse, status: number, contentType: string, text: string): void {
  res.writeHead(status, { "Content-Type": contentType, "Cache-Control": "no-store" }).end(text);
}

function sendFile(res: ServerResponse, file: string, contentType: string): void {
  if (!existsSync(file)) {
    sendText(res, 404, "text/plain", `${path.basename(file)} is not built yet: run npm run build.`);
    return;
  }
  res.writeHead(200, { "Content-Type": contentType, "Cache-Control": "no-store" }).end(readFileSync(file));
}
