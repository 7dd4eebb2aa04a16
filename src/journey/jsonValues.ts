/** Small readers for JSON the domain did not write (not part of the domain's public API). */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A string as is, a finite number as text; null for anything else. */
export function text(value: unknown): string | null {
  return typeof value === "string" ? value : Number.isFinite(value) ? String(value) : null;
}

/** Like text, but null for "" and whitespace too. */
export function nonEmpty(value: unknown): string | null {
  const result = text(value);
  return result?.trim() ? result : null;
}

/** True when the object has the key itself (not through its prototype). */
export function hasOwn(value: object, key: PropertyKey): boolean {
  return Object.prototype.hasOwnProperty.call(value, key);
}

/** Text for a message: strings and numbers as they are, other values as JSON, else their type tag. */
export function asText(value: unknown): string {
  if (typeof value === "string" || typeof value === "number") return String(value);
  try {
    const json = JSON.stringify(value);
    if (typeof json === "string") return json;
  } catch {
    // Circular or BigInt values: fall back to the type tag below.
  }
  return Object.prototype.toString.call(value);
}

/** Milliseconds of a date written as text; NaN for anything else (values may come from an unsaved form). */
export function timeOf(value: unknown): number {
  return typeof value === "string" ? Date.parse(value) : NaN;
}
