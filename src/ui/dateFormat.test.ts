import { timeAgo } from "./dateFormat";

const CHECKED = "2026-11-28T10:00:00.000Z";
const after = (ms: number) => new Date(Date.parse(CHECKED) + ms);
const MINUTE = 60_000;

test.each([
  [1033, 0, "just now"],
  [1033, 59_999, "just now"],
  [1033, MINUTE, "1 minute ago"],
  [1033, 5 * MINUTE + 30_000, "5 minutes ago"],
  [1033, 59 * MINUTE, "59 minutes ago"],
  [1033, 60 * MINUTE, "1 hour ago"],
  [1033, 119 * MINUTE, "1 hour ago"],
  [1033, 30 * 60 * MINUTE, "30 hours ago"],
  [1031, 0, "gerade eben"],
  [1031, MINUTE, "vor 1 Minute"],
  [1031, 5 * MINUTE, "vor 5 Minuten"],
  [1031, 2 * 60 * MINUTE, "vor 2 Stunden"],
  [1031, 30 * 60 * MINUTE, "vor 30 Stunden"],
])("language %i, %i ms after the check: %s", (languageId, ms, expected) => {
  expect(timeAgo(CHECKED, after(ms), languageId, languageId === 1031 ? "gerade eben" : "just now")).toBe(expected);
});

test("a time ahead of the clock (another machine's clock) reads as just now, not as a time to come", () => {
  expect(timeAgo(CHECKED, after(-5 * MINUTE), 1033, "just now")).toBe("just now");
});
