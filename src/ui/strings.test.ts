import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { resxStrings } from "./testing/resxStrings";
import { actionsFor } from "../journey/journeyActions";
import { STATUSES } from "../journey/statusModel";
import type { FindingSource, Severity } from "../journey/types";
import type { ConfirmKind } from "./ConfirmDialog";
import type { ReportOrigin } from "./validationGroups";
import { localiserFor, statusLabel } from "./strings";

const UI_PREFIXES = [
  "action.",
  "confirm.",
  "panel.",
  "header.",
  "outline.",
  "recurrence.",
  "live.",
  "banner.",
  "copy.",
];
const english = resxStrings(1033);
const german = resxStrings(1031);
const uiKeys = (keys: string[]) => keys.filter((key) => UI_PREFIXES.some((prefix) => key.startsWith(prefix))).sort();

/** String literals in the UI's source that look like resource keys ("panel.copy.button"). */
function keysUsedInSource(): string[] {
  const found = new Set<string>();
  for (const file of readdirSync(__dirname).filter((name) => /\.tsx?$/.test(name) && !name.includes(".test."))) {
    const source = readFileSync(join(__dirname, file), "utf8");
    for (const match of source.matchAll(
      /"((?:action|confirm|panel|header|outline|recurrence|live|banner|copy)\.[A-Za-z.]+[A-Za-z])"/g,
    )) {
      found.add(match[1]);
    }
  }
  return [...found];
}

test("English and German have the same UI keys, none empty", () => {
  expect(uiKeys(german.keys)).toEqual(uiKeys(english.keys));
  for (const key of uiKeys(english.keys)) {
    expect([key, english.getString(key).trim() !== "", german.getString(key).trim() !== ""]).toEqual([key, true, true]);
  }
});

test("every key the UI names is in the resources", () => {
  const used = keysUsedInSource();
  expect(used.length).toBeGreaterThan(50);
  const missing = used.filter(
    (key) => english.getString(key) === "" && !english.keys.some((k) => k.startsWith(`${key}.`)),
  );
  expect(missing).toEqual([]);
});

test("German texts keep the placeholders of the English ones", () => {
  const placeholders = (text: string) => (text.match(/\{\d\}/g) ?? []).sort();
  for (const key of uiKeys(english.keys)) {
    expect([key, placeholders(german.getString(key))]).toEqual([key, placeholders(english.getString(key))]);
  }
});

test("the localiser fills placeholders and falls back to the key when the resources lack it", () => {
  expect(localiserFor(english.getString)("recurrence.fix", "Apr 1, 2027")).toBe("Set end date to Apr 1, 2027");
  expect(localiserFor(() => "")("no.such.key")).toBe("no.such.key");
});

test("every status and every action has its label in both languages", () => {
  const actionIds = new Set(
    Object.keys(STATUSES).flatMap((status) => actionsFor(Number(status)).map((action) => action.id)),
  );
  expect(actionIds.size).toBe(10);
  for (const strings of [english, german]) {
    const localise = localiserFor(strings.getString);
    for (const status of Object.keys(STATUSES))
      expect(statusLabel(Number(status), localise)).not.toMatch(/^status\.|\(/);
    for (const id of actionIds) expect([id, strings.getString(`action.${id}`)]).not.toContainEqual("");
  }
  expect(statusLabel(192350099, localiserFor(english.getString))).toBe("Unknown status (192350099)");
});

/** Every member of a union, checked by the compiler: adding a member without a key here fails to type-check. */
const every = <Member extends string>(members: Record<Member, true>) => Object.keys(members) as Member[];

test("the keys the UI builds from a kind, a severity or an origin are in both languages", () => {
  const built = [
    ...every<ConfirmKind>({ stop: true, delete: true, warnings: true, serviceMissing: true }).flatMap((kind) =>
      ["title", "message", "confirm"].map((part) => `confirm.${kind}.${part}`),
    ),
    ...every<ReportOrigin>({ stored: true, form: true, saved: true, checking: true, local: true }).map(
      (origin) => `panel.origin.${origin}`,
    ),
    ...every<FindingSource>({ local: true, server: true }).map((source) => `panel.source.${source}`),
    ...every<Severity>({ Error: true, Warning: true, Valid: true }).flatMap((severity) => [
      `panel.severity.${severity}`,
      `panel.verdict.${severity}`,
      `panel.count.${severity}.one`,
      `panel.count.${severity}.other`,
    ]),
    ...["create", "write", "delete"].map((privilege) => `action.disabled.privilege.${privilege}`),
    ...["iteration", "start", "end"].map((column) => `recurrence.column.${column}`),
  ];
  for (const strings of [english, german]) {
    expect(built.filter((key) => strings.getString(key).trim() === "")).toEqual([]);
  }
});
