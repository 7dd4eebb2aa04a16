import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { LANGUAGE_IDS, resxStrings } from "./testing/resxStrings";
import { actionsFor, type CancelEditRefusal } from "../journey/journeyActions";
import { STATUSES } from "../journey/statusModel";
import type { FindingSource, Severity } from "../journey/types";
import type { ConfirmKind } from "./ConfirmDialog";
import type { ReportOrigin } from "./validationGroups";
import { localiserFor, statusLabel, tileTypeLabel } from "./strings";

const english = resxStrings(1033);
const german = resxStrings(1031);
const LANGUAGES = LANGUAGE_IDS.map((languageId) => [languageId, resxStrings(languageId)] as const);

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

test("English, German, French and Spanish have the same keys, none empty", () => {
  expect(LANGUAGE_IDS).toEqual([1033, 1031, 1036, 3082]);
  for (const [languageId, strings] of LANGUAGES) {
    expect([languageId, [...strings.keys].sort()]).toEqual([languageId, [...english.keys].sort()]);
    const empty = strings.keys.filter((key) => strings.getString(key).trim() === "");
    expect([languageId, empty]).toEqual([languageId, []]);
  }
});

test("every language keeps the placeholders of the English texts", () => {
  const placeholders = (text: string) => (text.match(/\{\d\}/g) ?? []).sort();
  for (const [languageId, strings] of LANGUAGES) {
    for (const key of english.keys) {
      expect([languageId, key, placeholders(strings.getString(key))]).toEqual([
        languageId,
        key,
        placeholders(english.getString(key)),
      ]);
    }
  }
});

test("counts have real plural forms: no 'warning(s)' kind of text, and every .one key has its .other", () => {
  for (const [languageId, strings] of LANGUAGES) {
    expect([languageId, strings.keys.filter((key) => /\w\((s|e|en|n|es)\)/.test(strings.getString(key)))]).toEqual([
      languageId,
      [],
    ]);
    const singular = strings.keys.filter((key) => key.endsWith(".one"));
    expect(singular.length).toBeGreaterThan(10);
    for (const key of singular) expect(strings.getString(key.replace(/one$/, "other"))).not.toBe("");
  }
});

test("French puts a non-breaking space before : ; ? ! and Spanish opens its questions and exclamations", () => {
  const french = resxStrings(1036);
  const spanish = resxStrings(3082);
  const texts = (strings: typeof french) => strings.keys.map((key) => strings.getString(key));
  expect(texts(french).filter((text) => /[^\u00a0\u202f][:;?!](\s|$)/.test(text))).toEqual([]);
  expect(texts(french).join(" ")).toMatch(/\u00a0:/);
  expect(
    texts(spanish).filter((text) => (/\?/.test(text) && !/¿/.test(text)) || (/!/.test(text) && !/¡/.test(text))),
  ).toEqual([]);
  expect(spanish.getString("confirm.stop.title")).toBe("¿Detener este recorrido?");
});

test("a count picks its plural form by the language's rules: French says 0 and 1 in the singular", () => {
  const french = localiserFor(resxStrings(1036).getString, 1036);
  const en = localiserFor(english.getString, 1033);
  expect(french("panel.count.Error", 0)).toBe("0 erreur");
  expect(french("panel.count.Error", 1)).toBe("1 erreur");
  expect(french("panel.count.Error", 2)).toBe("2 erreurs");
  expect(french("panel.count.Error", 1_000_000)).toBe("1000000 erreurs");
  expect(en("panel.count.Error", 0)).toBe("0 errors");
  expect(en("panel.count.Error", 1)).toBe("1 error");
  // A text that says "none" in words wins over the plural rules for 0.
  expect(en("confirm.serviceMissing.message", 0)).toContain("they found no warnings");
  expect(en("confirm.serviceMissing.message", 1)).toContain("they found 1 warning.");
  const de = localiserFor(german.getString, 1031);
  expect(de("panel.blocked", 1)).toContain("1 Fehler verhindert");
  expect(de("panel.blocked", 1)).toContain("Beheben Sie ihn");
  expect(de("panel.blocked", 3)).toContain("3 Fehler verhindern");
  expect(de("panel.blocked", 3)).toContain("Beheben Sie sie");
});

test("a tile type reads in words in every language; a type the resources do not know shows its raw name", () => {
  const types = ["Segment", "Email", "LandingPage", "Event", "Survey", "MarketingForm", "CreateCrmActivity"];
  types.push("InvokeWorkflow", "CreateLead", "Scheduler", "Trigger", "Splitter", "SplitterBranch", "RecordUpdate");
  types.push("LinkedInCampaign");
  for (const [languageId, strings] of LANGUAGES) {
    const localise = localiserFor(strings.getString, languageId);
    for (const type of types) expect([type, tileTypeLabel(type, localise)]).not.toContainEqual(`tileType.${type}`);
    expect(tileTypeLabel("HolographicTile", localise)).toBe("HolographicTile");
  }
  const en = localiserFor(english.getString, 1033);
  expect(["SplitterBranch", "InvokeWorkflow", "Segment"].map((type) => tileTypeLabel(type, en))).toEqual([
    "Splitter branch",
    "Launch workflow",
    "Segment group",
  ]);
  expect(tileTypeLabel("Scheduler", localiserFor(german.getString, 1031))).toBe("Planer");
});

test("every key the UI names is in the resources", () => {
  const used = keysUsedInSource();
  expect(used.length).toBeGreaterThan(50);
  const missing = used.filter(
    (key) => english.getString(key) === "" && !english.keys.some((k) => k.startsWith(`${key}.`)),
  );
  expect(missing).toEqual([]);
});

test("the localiser fills placeholders and falls back to the key when the resources lack it", () => {
  expect(localiserFor(english.getString, 1033)("recurrence.fix", "Apr 1, 2027")).toBe("Set end date to Apr 1, 2027");
  expect(localiserFor(() => "", 1033)("no.such.key")).toBe("no.such.key");
});

test("every status and every action has its label in every language", () => {
  const actionIds = new Set(
    Object.keys(STATUSES).flatMap((status) => actionsFor(Number(status)).map((action) => action.id)),
  );
  expect(actionIds.size).toBe(10);
  for (const [languageId, strings] of LANGUAGES) {
    const localise = localiserFor(strings.getString, languageId);
    for (const status of Object.keys(STATUSES))
      expect(statusLabel(Number(status), localise)).not.toMatch(/^status\.|\(/);
    for (const id of actionIds) expect([id, strings.getString(`action.${id}`)]).not.toContainEqual("");
  }
  expect(statusLabel(192350099, localiserFor(english.getString, 1033))).toBe("Unknown status (192350099)");
});

/** Every member of a union, checked by the compiler: adding a member without a key here fails to type-check. */
const every = <Member extends string>(members: Record<Member, true>) => Object.keys(members) as Member[];

test("the keys the UI builds from a kind, a severity or an origin are in both languages", () => {
  const built = [
    ...every<ConfirmKind>({
      stop: true,
      delete: true,
      warnings: true,
      serviceMissing: true,
      copyUnsaved: true,
      cancelEditUnsaved: true,
    }).flatMap((kind) => ["title", "confirm"].map((part) => `confirm.${kind}.${part}`)),
    // The name of the journey, or the count of warnings; Copy's second choice.
    ...["stop", "delete", "copyUnsaved", "cancelEditUnsaved"].map((kind) => `confirm.${kind}.message`),
    "confirm.copyUnsaved.other",
    ...["warnings", "serviceMissing"].flatMap((kind) => [
      `confirm.${kind}.message.one`,
      `confirm.${kind}.message.other`,
    ]),
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
    ...every<CancelEditRefusal>({ savedSinceEdit: true, editNotSeen: true }).map((why) => `action.cancelEdit.${why}`),
    ...["iteration", "start", "end"].map((column) => `recurrence.column.${column}`),
  ];
  for (const [, strings] of LANGUAGES) {
    expect(built.filter((key) => strings.getString(key).trim() === "")).toEqual([]);
  }
});

describe("the journeys view's resources", () => {
  const VIEW_LANGUAGES = LANGUAGE_IDS.map(
    (languageId) => [languageId, resxStrings(languageId, "JourneysView")] as const,
  );
  const viewEnglish = resxStrings(1033, "JourneysView");

  test("English, German, French and Spanish have the same keys, none empty, placeholders kept", () => {
    const placeholders = (text: string) => (text.match(/\{\d\}/g) ?? []).sort();
    for (const [languageId, strings] of VIEW_LANGUAGES) {
      expect([languageId, [...strings.keys].sort()]).toEqual([languageId, [...viewEnglish.keys].sort()]);
      expect([languageId, strings.keys.filter((key) => strings.getString(key).trim() === "")]).toEqual([
        languageId,
        [],
      ]);
      for (const key of viewEnglish.keys)
        expect([languageId, key, placeholders(strings.getString(key))]).toEqual([
          languageId,
          key,
          placeholders(viewEnglish.getString(key)),
        ]);
    }
  });

  test("French puts a non-breaking space before : ; ? ! and Spanish opens its questions", () => {
    const french = resxStrings(1036, "JourneysView");
    const spanish = resxStrings(3082, "JourneysView");
    expect(french.keys.map(french.getString).filter((text) => /[^\u00a0\u202f][:;?!](\s|$)/.test(text))).toEqual([]);
    expect(spanish.keys.map(spanish.getString).filter((text) => /\?/.test(text) && !/¿/.test(text))).toEqual([]);
  });

  test("every key the view names, the statuses, tile types and error messages it shows are in its resources", () => {
    const dir = join(__dirname, "journeysView");
    const named = readdirSync(dir)
      .filter((name) => /\.tsx?$/.test(name) && !name.includes(".test."))
      .flatMap((file) =>
        [...readFileSync(join(dir, file), "utf8").matchAll(/localise\(\s*"([a-zA-Z.]+)"/g)].map((m) => m[1]),
      );
    expect(named.length).toBeGreaterThan(20);
    const shared = english.keys.filter((key) => /^(status\.|tileType\.|error\.)/.test(key));
    const view = localiserFor(viewEnglish.getString, 1033);
    const missing = [...named, ...shared].filter((key) => view(key, 2) === key);
    expect(missing).toEqual([]);
    expect(view("bulk.selected", 0)).toBe("No journeys selected");
    expect(localiserFor(resxStrings(1036, "JourneysView").getString, 1036)("row.endsIn", 1)).toBe(
      "se termine dans 1 jour",
    );
  });
});
