import { unzipSync, zipSync, type Zippable } from "fflate";

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/*
 * fflate writes the DOS time from the Date's local-time fields, so a Date built from local fields gives
 * the same bytes in every time zone. Every entry gets this time: the same inputs give the same zip.
 */
const FIXED_ENTRY_TIME = new Date(2000, 0, 1, 0, 0, 0);
const DEFLATE_LEVEL = 6;

/** A zip holding the entries in the given order, byte-identical for identical entries. */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const seen = new Set<string>();
  const files: Zippable = {};
  for (const entry of entries) {
    if (seen.has(entry.name)) throw new Error(`Zip entry "${entry.name}" is listed twice`);
    seen.add(entry.name);
    files[entry.name] = [entry.data, { mtime: FIXED_ENTRY_TIME, level: DEFLATE_LEVEL }];
  }
  return zipSync(files);
}

export interface ReadZip {
  /** Entries in central directory order; a name listed twice appears in `duplicateNames`. */
  entries: ZipEntry[];
  duplicateNames: string[];
  /** Entries whose extracted size differs from the size the zip declares. */
  sizeMismatches: string[];
}

/** Reads every entry of a zip; throws when the bytes are not a readable zip. */
export function readZip(bytes: Uint8Array): ReadZip {
  const order: string[] = [];
  const declaredSizes = new Map<string, number>();
  const duplicateNames: string[] = [];
  const files = unzipSync(bytes, {
    filter(file) {
      if (declaredSizes.has(file.name)) duplicateNames.push(file.name);
      else order.push(file.name);
      declaredSizes.set(file.name, file.originalSize);
      return true;
    },
  });
  const entries = order.map((name) => ({ name, data: files[name] }));
  const sizeMismatches = entries
    .filter((entry) => entry.data.length !== declaredSizes.get(entry.name))
    .map((entry) => entry.name);
  return { entries, duplicateNames, sizeMismatches };
}
