import { chromium, type Browser } from "playwright-core";

/** The browser suite's Chromium (test/browser/testing/browserHarness.ts), which scripts may not import. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
}
