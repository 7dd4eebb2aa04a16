import { canTransition, isJourneyStatus, STATUSES, statusInfo } from "./statusModel";
import { JourneyStatus, type JourneyStatusCode } from "./types";

const ALL = Object.values(JourneyStatus) as JourneyStatusCode[];

// DOMAIN.md's TransitionData table, written out as "from -> to" pairs.
const TRANSITION_DATA = new Set<string>([
  "192350000>192350006",
  "192350000>192350004",
  "192350001>192350007",
  "192350001>192350002",
  "192350001>192350006",
  "192350001>192350003",
  "192350001>192350005",
  "192350002>192350004",
  "192350002>192350006",
  "192350003>192350001",
  "192350003>192350005",
  "192350003>192350006",
  "192350005>192350006",
  "192350005>192350007",
  "192350006>192350001",
  "192350006>192350005",
  "192350007>192350002",
  "192350007>192350005",
]);

describe("status model", () => {
  it("allows exactly the transitions of TransitionData, for every pair of statuses", () => {
    let allowed = 0;
    for (const from of ALL) {
      for (const to of ALL) {
        const expected = TRANSITION_DATA.has(`${from}>${to}`);
        expect({ from, to, allowed: canTransition(from, to) }).toEqual({ from, to, allowed: expected });
        if (expected) allowed += 1;
      }
    }
    expect(allowed).toBe(TRANSITION_DATA.size);
  });

  it("knows every statuscode with its statecode", () => {
    expect(Object.keys(STATUSES).map(Number).sort()).toEqual([...ALL].sort());
    for (const code of ALL) {
      expect(STATUSES[code].code).toBe(code);
      expect(STATUSES[code].stateCode).toBe(code === JourneyStatus.Expired ? 1 : 0);
    }
  });

  it("marks Going live and Stopping transitional; only Expired has no next status", () => {
    expect(ALL.filter((code) => STATUSES[code].transitional).sort()).toEqual(
      [JourneyStatus.GoingLive, JourneyStatus.Stopping].sort(),
    );
    expect(ALL.filter((code) => STATUSES[code].next.length === 0)).toEqual([JourneyStatus.Expired]);
  });

  it("rejects unknown codes and non-numbers", () => {
    expect(isJourneyStatus(192350008)).toBe(false);
    expect(isJourneyStatus("192350000")).toBe(false);
    expect(isJourneyStatus(null)).toBe(false);
    expect(isJourneyStatus(192350001)).toBe(true);
    expect(statusInfo(1)).toBeUndefined();
    expect(canTransition(1, JourneyStatus.Live)).toBe(false);
    expect(canTransition(JourneyStatus.Draft, 1)).toBe(false);
  });
});
