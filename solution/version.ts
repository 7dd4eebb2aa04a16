import { SolutionInputError } from "./solutionInputError";

/**
 * package.json "version" (major.minor.patch) is the one source of truth:
 * the control manifest's version is the same three parts, the solution version adds ".0".
 */
export interface ReleaseVersion {
  major: number;
  minor: number;
  patch: number;
}

export type BumpSpec = "major" | "minor" | "patch" | string;

const RELEASE_VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
// Dataverse stores each version part as a 32-bit signed integer.
const MAX_PART = 2147483647;
const CONTROL_VERSION_ATTRIBUTE = /(<control\b[^>]*?\sversion\s*=\s*)(["'])([^"']*)\2/;

export function parseReleaseVersion(text: unknown, source = "package.json version"): ReleaseVersion {
  const match = typeof text === "string" ? RELEASE_VERSION.exec(text) : null;
  const parts = match ? match.slice(1, 4).map(Number) : [];
  if (!match || parts.some((part) => part > MAX_PART)) {
    throw new SolutionInputError(`Bad ${source}`, [
      `${JSON.stringify(text)} is not major.minor.patch with whole numbers (e.g. 1.4.2; no pre-release or build suffix, each part at most ${MAX_PART})`,
    ]);
  }
  const [major, minor, patch] = parts;
  return { major, minor, patch };
}

export function formatReleaseVersion(version: ReleaseVersion): string {
  return `${version.major}.${version.minor}.${version.patch}`;
}

/** Four-part solution version: the release version with revision 0. */
export function solutionVersionOf(version: ReleaseVersion): string {
  return `${formatReleaseVersion(version)}.0`;
}

/** The next version for `npm run version:bump -- <spec>`; an explicit version must be higher than the current one. */
export function nextReleaseVersion(current: ReleaseVersion, spec: BumpSpec): ReleaseVersion {
  if (spec === "major") return { major: current.major + 1, minor: 0, patch: 0 };
  if (spec === "minor") return { major: current.major, minor: current.minor + 1, patch: 0 };
  if (spec === "patch") return { ...current, patch: current.patch + 1 };
  const explicit = parseReleaseVersion(spec, "version argument");
  if (compareReleaseVersions(explicit, current) <= 0) {
    throw new SolutionInputError("Version not raised", [
      `${spec} is not higher than the current ${formatReleaseVersion(current)}: Dataverse only picks up a new control bundle when the version goes up`,
    ]);
  }
  return explicit;
}

export function compareReleaseVersions(a: ReleaseVersion, b: ReleaseVersion): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

/** The `version` attribute of the manifest's <control> element, or null when there is none. */
export function readControlVersion(manifestXml: string): string | null {
  const match = CONTROL_VERSION_ATTRIBUTE.exec(manifestXml);
  return match ? match[3] : null;
}

/** The manifest text with only the <control> element's `version` attribute changed. */
export function withControlVersion(manifestXml: string, version: string): string {
  if (readControlVersion(manifestXml) === null) {
    throw new SolutionInputError("Cannot set the control version", [
      'the manifest has no <control ... version="..."> attribute',
    ]);
  }
  return manifestXml.replace(
    CONTROL_VERSION_ATTRIBUTE,
    (_all, head: string, quote: string) => `${head}${quote}${version}${quote}`,
  );
}
