import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { ZipEntry } from "./zipArchive";

function listFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((item) => {
    const path = join(directory, item.name);
    return item.isDirectory() ? listFiles(path) : item.isFile() ? [path] : [];
  });
}

/** Every file under the directory, named by its path relative to it with "/" separators. */
export function readDirectoryFiles(directory: string): ZipEntry[] {
  return listFiles(directory).map((file) => ({
    name: relative(directory, file).split(sep).join("/"),
    data: new Uint8Array(readFileSync(file)),
  }));
}
