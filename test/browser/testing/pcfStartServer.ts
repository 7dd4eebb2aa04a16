import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".xml": "application/xml",
  ".resx": "application/xml",
  ".json": "application/json",
  ".css": "text/css",
};

/**
 * Microsoft's pcf-start page the way `pcf-start --codePath out/controls/JourneyControl` serves it (its own folder at
 * "/", the built control beside it), except that React comes from pcf-start's local copy instead of
 * unpkg.com: the browser suite is offline.
 */
export function pcfStartPage(pcfStartDir: string): string {
  const original = readFileSync(path.join(pcfStartDir, "index.html"), "utf8");
  const cdnScripts =
    /<script src="https:\/\/unpkg\.com\/react@[^"]*"><\/script><script src="https:\/\/unpkg\.com\/react-dom@[^"]*"><\/script><script>window\["Reactv16"\] = window\.React;<\/script>/;
  if (!cdnScripts.test(original))
    throw new Error(
      "pcf-start's index.html no longer loads React from unpkg the way this server expects; update pcfStartServer.ts.",
    );
  return original.replace(
    cdnScripts,
    '<script src="lib/react_16_14_0.js"></script><script>window.React = window.Reactv16; window.ReactDOM = window.ReactDOMv16;</script>',
  );
}

export async function startPcfStartServer(
  pcfStartDir: string,
  controlDir: string,
): Promise<{ url: string; requests: string[]; stop(): Promise<void> }> {
  const page = pcfStartPage(pcfStartDir);
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    requests.push(url.pathname);
    if (url.pathname === "/" || url.pathname === "/index.html") {
      res.writeHead(200, { "Content-Type": TYPES[".html"] }).end(page);
      return;
    }
    const relative = path.normalize(decodeURIComponent(url.pathname)).replace(/^[/\\]+/, "");
    const file = [controlDir, pcfStartDir]
      .map((dir) => path.join(dir, relative))
      .find((candidate) => candidate.startsWith(controlDir) || candidate.startsWith(pcfStartDir))
      ? [path.join(controlDir, relative), path.join(pcfStartDir, relative)].find(
          (candidate) => existsSync(candidate) && statSync(candidate).isFile(),
        )
      : undefined;
    if (!file || relative.startsWith("..")) {
      res.writeHead(404, { "Content-Type": "text/plain" }).end(`Not found: ${url.pathname}`);
      return;
    }
    res
      .writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" })
      .end(readFileSync(file));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
