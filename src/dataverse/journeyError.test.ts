import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import { readResxStrings } from "../../scripts/resx";

const here = __dirname;
const resxKeys = (lcid: number) =>
  new Set(
    Object.keys(readResxStrings(readFileSync(join(here, "..", "strings", `JourneyControl.${lcid}.resx`), "utf8"))),
  );

test("every error message key the service uses has English and German text", () => {
  const sources = readdirSync(here).filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"));
  const keysIn = (source: string) => [
    // Keys spelled out…
    ...[...source.matchAll(/"(error\.[a-zA-Z]+)"/g)].map((m) => m[1]),
    // …and those failure(kind) derives from the kind.
    ...[...source.matchAll(/\bfailure\("([a-zA-Z]+)"/g)].map((m) => `error.${m[1]}`),
  ];
  const used = new Set(sources.flatMap((name) => keysIn(readFileSync(join(here, name), "utf8"))));
  // Keys built from the kind (`error.${kind}`): every kind but the two whose messages always name their own key.
  const kindType = /export type JourneyErrorKind =([^;]+);/.exec(
    readFileSync(join(here, "journeyError.ts"), "utf8"),
  )![1];
  for (const [, kind] of kindType.matchAll(/"(\w+)"/g))
    if (kind !== "refused" && kind !== "unsavedChanges") used.add(`error.${kind}`);
  expect(used.size).toBeGreaterThan(10);
  for (const lcid of [1033, 1031]) {
    const keys = resxKeys(lcid);
    expect([...used].filter((key) => !keys.has(key))).toEqual([]);
  }
});
