import type { JourneyListRow } from "./journeyListRow";
import { JourneyStatus } from "./types";

/** "Live and ending within" this many days. */
export const ENDING_SOON_DAYS = 30;

const isLive = (row: JourneyListRow) => row.status === JourneyStatus.Live;

/** The journeys view's quick filters, in the order its chips show them. */
const TESTS = {
  live: isLive,
  endingSoon: (row: JourneyListRow) => isLive(row) && row.endsInDays !== null && row.endsInDays <= ENDING_SOON_DAYS,
  stuck: (row: JourneyListRow) => row.notProcessedSince !== null,
  hasErrors: (row: JourneyListRow) => row.lastCheck?.verdict === "Error",
  notChecked: (row: JourneyListRow) => row.lastCheck === null,
};

export type QuickFilter = keyof typeof TESTS;

export const QUICK_FILTERS = Object.keys(TESTS) as QuickFilter[];

/** The rows a filter keeps (all of them without one), in their order. */
export function applyQuickFilter(
  rows: readonly JourneyListRow[],
  filter: QuickFilter | null,
): readonly JourneyListRow[] {
  return filter ? rows.filter(TESTS[filter]) : rows;
}

/** How many rows each filter keeps. */
export function quickFilterCounts(rows: readonly JourneyListRow[]): Record<QuickFilter, number> {
  const counts = Object.fromEntries(QUICK_FILTERS.map((filter) => [filter, 0])) as Record<QuickFilter, number>;
  for (const row of rows) for (const filter of QUICK_FILTERS) counts[filter] += Number(TESTS[filter](row));
  return counts;
}
