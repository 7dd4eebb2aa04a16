import { readFileSync, readdirSync } from "fs";
import { join } from "path";

const here = __dirname;
const resxKeys = (lcid: number) =>
  new Set([...readFileSync(join(here, "..", "strings", `JourneyControl.${lcid}.resx`), "utf8").matchAll(/<data name="([^"]+)"/g)].map((m) => m[1]));

test("every error message key the service uses has English and German text", () => {
  const sources = readdirSync(here).filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"));
  const used = new Set(sources.flatMap((name) => [...readFileSync(join(here, name), "utf8").matchAll(/"(error\.[a-zA-Z]+)"/g)].map((m) => m[1])));
  expect(used.size).toBeGreaterThan(10);
  for (const lcid of [1033, 1031]) {
    const keys = resxKeys(lcid);
    expect([...used].filter((key) => !keys.has(key))).toEqual([]);
  }
});
