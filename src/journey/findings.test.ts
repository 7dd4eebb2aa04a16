import fc from "fast-check";
import { countBySeverity, mergeFindings, type Finding } from "./findings";
import type { FindingSource, Severity, ValidationEntry } from "./types";

const entry = (
  fault: string,
  source: FindingSource,
  args: string[] = [],
  activityId = "",
  severity: Severity = "Error",
): ValidationEntry => ({ activityId, fault, severity, args, source });

/** What a finding is about, without which entry of it is shown. */
const about = ({ entry: { fault, activityId, args, severity } }: Finding) => ({ fault, activityId, args, severity });

// Few codes, tiles and arguments, so that generated entries often share them.
const entryArbitrary: fc.Arbitrary<ValidationEntry> = fc.record({
  activityId: fc.constantFrom("", "01_0", "01_1"),
  fault: fc.constantFrom("ErrorSegmentNotLive", "ErrorEmailNotLive", "NameMissing"),
  severity: fc.constantFrom<Severity>("Valid", "Warning", "Error"),
  args: fc.array(fc.constantFrom("a", "b"), { maxLength: 2 }),
  source: fc.constantFrom<FindingSource>("local", "server"),
});
const entriesArbitrary = fc.array(entryArbitrary, { maxLength: 40 });

describe("mergeFindings", () => {
  test("the same fault from both checks is one finding with both sources, keeping the arguments", () => {
    const fault = "ErrorRecurringCampaignEndDateDoesNotFitRequestedIterations";
    const local = entry(fault, "local", ["2019-05-09T11:48:00.000Z", "30", "3", "28"]);
    const server = entry(fault, "server");
    expect(mergeFindings([server, local])).toEqual([{ entry: local, sources: ["server", "local"] }]);
    expect(mergeFindings([local, server])).toEqual([{ entry: local, sources: ["local", "server"] }]);
  });

  test("two segments not live on one tile are two findings, however many times each is reported", () => {
    const first = entry("ErrorSegmentNotLive", "server", ["a"], "01_0");
    const second = entry("ErrorSegmentNotLive", "server", ["b"], "01_0");
    const findings = mergeFindings([first, second, { ...first, source: "local" }, second]);
    expect(findings).toEqual([
      { entry: first, sources: ["server", "local"] },
      { entry: second, sources: ["server"] },
    ]);
  });

  test("different faults, places or arguments stay apart; the same one at two severities is the more serious", () => {
    const findings = mergeFindings([
      entry("ErrorSegmentNotLive", "server", ["a"], "01_0"),
      entry("ErrorSegmentNotLive", "server", ["a"], "01_1"),
      entry("ErrorEmailNotLive", "server", ["a"], "01_0"),
      entry("StartsWithoutSegment", "server", [], "", "Warning"),
      entry("StartsWithoutSegment", "local", [], "", "Error"),
    ]);
    expect(findings.map(about)).toEqual([
      { fault: "ErrorSegmentNotLive", activityId: "01_0", args: ["a"], severity: "Error" },
      { fault: "ErrorSegmentNotLive", activityId: "01_1", args: ["a"], severity: "Error" },
      { fault: "ErrorEmailNotLive", activityId: "01_0", args: ["a"], severity: "Error" },
      { fault: "StartsWithoutSegment", activityId: "", args: [], severity: "Error" },
    ]);
    expect(findings[3].sources).toEqual(["server", "local"]);
  });

  test("is idempotent: merging the merged entries again changes nothing", () => {
    fc.assert(
      fc.property(entriesArbitrary, (entries) => {
        const merged = mergeFindings(entries);
        expect(mergeFindings(merged.map((finding) => finding.entry)).map(about)).toEqual(merged.map(about));
      }),
    );
  });

  test("every entry is in a finding of its fault and tile that names its check", () => {
    fc.assert(
      fc.property(entriesArbitrary, (entries) => {
        const merged = mergeFindings(entries);
        for (const e of entries) {
          const holders = merged.filter(
            (f) => f.entry.fault === e.fault && f.entry.activityId === e.activityId && f.sources.includes(e.source),
          );
          expect(holders.length).toBeGreaterThan(0);
        }
      }),
    );
  });

  test("with arguments on every entry: one finding per distinct fault, tile and arguments, in order of first appearance", () => {
    const withArguments = fc.array(
      entryArbitrary.filter((e) => e.args.length > 0),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(withArguments, (entries) => {
        const keys = new Set(entries.map((e) => JSON.stringify([e.fault, e.activityId, e.args])));
        const merged = mergeFindings(entries);
        expect(merged).toHaveLength(keys.size);
        expect(merged.map((f) => JSON.stringify([f.entry.fault, f.entry.activityId, f.entry.args]))).toEqual([...keys]);
      }),
    );
  });

  test("leaves the entries it was given as they were", () => {
    const entries = [entry("E", "server", [], "", "Warning"), entry("E", "local", ["x"])];
    const copy = structuredClone(entries);
    mergeFindings(entries);
    expect(entries).toEqual(copy);
  });
});

describe("countBySeverity", () => {
  test("counts each merged finding once", () => {
    const findings = mergeFindings([
      entry("E", "server", [], "01_0"),
      entry("E", "local", [], "01_0"),
      entry("W", "local", [], "01_0", "Warning"),
      entry("N", "server", [], "", "Valid"),
    ]);
    expect(countBySeverity(findings)).toEqual({ Error: 1, Warning: 1, Valid: 1 });
  });

  test("adds to the counts given", () => {
    const counts = countBySeverity(mergeFindings([entry("E", "server")]), { Error: 2, Warning: 0, Valid: 0 });
    expect(counts).toEqual({ Error: 3, Warning: 0, Valid: 0 });
  });
});
