import type { ValidationEntry } from "../journey/types";
import { parseDefinition } from "../journey/workflowDefinition";
import { countsByTile, distinctFindings, groupEntries } from "./validationGroups";
import { DEFINITION } from "./testing/fakeJourneyService";

const entry = (
  fault: string,
  source: ValidationEntry["source"],
  args: string[] = [],
  activityId = "",
  severity: ValidationEntry["severity"] = "Error",
): ValidationEntry => ({
  activityId,
  fault,
  severity,
  args,
  source,
});

describe("distinctFindings", () => {
  test("the same fault from both checks is one finding with both sources, keeping the arguments", () => {
    const local = entry("ErrorRecurringCampaignEndDateDoesNotFitRequestedIterations", "local", [
      "2019-05-09T11:48:00.000Z",
      "30",
      "3",
      "28",
    ]);
    const server = entry("ErrorRecurringCampaignEndDateDoesNotFitRequestedIterations", "server");
    expect(distinctFindings([server, local])).toEqual([{ entry: local, sources: ["server", "local"] }]);
  });

  test("findings of one source stay apart, and so do different places, severities and arguments", () => {
    const entries = [
      entry("ErrorSegmentNotLive", "server", ["a"], "01_0"),
      entry("ErrorSegmentNotLive", "server", ["b"], "01_0"),
      entry("ErrorSegmentNotLive", "local", ["c"], "01_0"),
      entry("ErrorSegmentNotLive", "local", ["a"], "01_1"),
      entry("StartsWithoutSegment", "server", [], "", "Warning"),
      entry("StartsWithoutSegment", "local", [], "", "Error"),
    ];
    expect(distinctFindings(entries)).toHaveLength(6);
  });
});

describe("groupEntries", () => {
  test("journey-wide first, tiles in journey order, unknown tiles last, errors before warnings within a tile", () => {
    const report = {
      verdict: "Error" as const,
      entries: [
        entry("W", "server", [], "01_0_1", "Warning"),
        entry("X", "server", [], "nope"),
        entry("E", "server", [], "01_0_1"),
        entry("J", "local"),
        entry("S", "server", [], "01_0"),
      ],
    };
    const groups = groupEntries(report, parseDefinition(DEFINITION));
    expect(groups.map((g) => [g.activityId, g.findings.map((f) => f.entry.fault)])).toEqual([
      ["", ["J"]],
      ["01_0", ["S"]],
      ["01_0_1", ["E", "W"]],
      ["nope", ["X"]],
    ]);
  });

  test("counts per tile count each finding once", () => {
    const counts = countsByTile({
      verdict: "Error",
      entries: [
        entry("E", "server", [], "01_0"),
        entry("E", "local", [], "01_0"),
        entry("W", "local", [], "01_0", "Warning"),
      ],
    });
    expect(counts.get("01_0")).toEqual({ Error: 1, Warning: 1, Valid: 0 });
  });
});
