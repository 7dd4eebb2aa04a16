import type { ValidationEntry } from "../journey/types";
import { parseDefinition } from "../journey/workflowDefinition";
import { countsByTile, groupFindings, shownReport } from "./validationGroups";
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

const findingsOf = (entries: ValidationEntry[]) => shownReport({ verdict: "Error", entries }, "form", null).findings;

describe("groupFindings", () => {
  test("journey-wide first, tiles in journey order, unknown tiles last, errors before warnings within a tile", () => {
    const findings = findingsOf([
      entry("W", "server", [], "01_0_1", "Warning"),
      entry("X", "server", [], "nope"),
      entry("E", "server", [], "01_0_1"),
      entry("J", "local"),
      entry("S", "server", [], "01_0"),
    ]);
    const groups = groupFindings(findings, parseDefinition(DEFINITION));
    expect(groups.map((g) => [g.activityId, g.findings.map((f) => f.entry.fault)])).toEqual([
      ["", ["J"]],
      ["01_0", ["S"]],
      ["01_0_1", ["E", "W"]],
      ["nope", ["X"]],
    ]);
  });

  test("counts per tile count each finding once", () => {
    const counts = countsByTile(
      findingsOf([
        entry("E", "server", [], "01_0"),
        entry("E", "local", [], "01_0"),
        entry("W", "local", [], "01_0", "Warning"),
      ]),
    );
    expect(counts.get("01_0")).toEqual({ Error: 1, Warning: 1, Valid: 0 });
  });
});
