import { FaultCode, localFinding } from "./faultCatalogue";
import type { ValidationEntry } from "./types";

export interface TileItem {
  activityItemId: number | null;
  type: string;
  itemId: string | null;
  name: string;
}

export interface Tile {
  activityId: string;
  type: string;
  /** From Properties.Items[0]: Name, else Title, else the type. */
  name: string;
  parentId: string | null;
  /** ParentBranchId: 0-based position among the parent's children. */
  branchIndex: number;
  /** ParentRelationshipType as written (Default / yesBranch / noBranch). */
  relationship: string;
  /** Sorted by branchIndex. */
  children: Tile[];
  items: TileItem[];
  /** 0 for bpf_root (and for the top of a subtree that hangs from nothing). */
  depth: number;
}

export interface ParsedDefinition {
  root: Tile | null;
  /**
   * Journey order: pre-order from bpf_root, siblings by ParentBranchId. Subtrees that cannot be
   * reached from the root (missing parent, cycle) follow, so that no tile is lost.
   */
  tiles: Tile[];
  /** Every tile by ActivityId (the first, when an ActivityId repeats). */
  byId: ReadonlyMap<string, Tile>;
  findings: ValidationEntry[];
}

const ROOT_TYPE = "bpf_root";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

function nonEmpty(value: unknown): string | null {
  const result = text(value);
  return result !== null && result.trim() !== "" ? result : null;
}

function readItem(value: unknown): TileItem {
  if (!isRecord(value)) return { activityItemId: null, type: "", itemId: null, name: "" };
  const activityItemId = value.ActivityItemId;
  return {
    activityItemId: typeof activityItemId === "number" && Number.isFinite(activityItemId) ? activityItemId : null,
    type: text(value.ActivityTypeId) ?? "",
    itemId: nonEmpty(value.ItemId),
    name: nonEmpty(value.Name) ?? nonEmpty(value.SegmentDisplayName) ?? nonEmpty(value.Title) ?? "",
  };
}

function readTile(value: Record<string, unknown>, activityId: string): Tile {
  const type = text(value.ActivityTypeId) ?? "";
  const properties = value.Properties;
  const rawItems = isRecord(properties) && Array.isArray(properties.Items) ? properties.Items : [];
  const first = isRecord(rawItems[0]) ? rawItems[0] : {};
  const rawBranch = value.ParentBranchId;
  const branch = typeof rawBranch === "number" ? rawBranch : typeof rawBranch === "string" ? Number(rawBranch) : NaN;
  return {
    activityId,
    type,
    name: nonEmpty(first.Name) ?? nonEmpty(first.Title) ?? type,
    parentId: nonEmpty(value.ParentActivityId),
    branchIndex: Number.isFinite(branch) ? branch : 0,
    relationship: text(value.ParentRelationshipType) ?? "Default",
    children: [],
    items: rawItems.map(readItem),
    depth: 0,
  };
}

function emptyResult(findings: ValidationEntry[]): ParsedDefinition {
  return { root: null, tiles: [], byId: new Map(), findings };
}

/** Pre-order walk without recursion (definitions can be deep); sets depth relative to `top`. */
function walk(top: Tile, into: Tile[], placed: Set<Tile>): void {
  if (placed.has(top)) return;
  top.depth = 0;
  const stack: Tile[] = [top];
  while (stack.length > 0) {
    const tile = stack.pop() as Tile;
    if (placed.has(tile)) continue;
    placed.add(tile);
    into.push(tile);
    for (let i = tile.children.length - 1; i >= 0; i -= 1) {
      const child = tile.children[i];
      if (placed.has(child)) continue;
      child.depth = tile.depth + 1;
      stack.push(child);
    }
  }
}

/** Tiles whose parent chain loops back on itself: one finding per cycle, on the tile where it was found. */
function findCycles(tiles: readonly Tile[], byId: ReadonlyMap<string, Tile>, findings: ValidationEntry[]): void {
  const state = new Map<Tile, "visiting" | "done">();
  for (const start of tiles) {
    const path: Tile[] = [];
    let current: Tile | undefined = start;
    while (current && !state.has(current)) {
      state.set(current, "visiting");
      path.push(current);
      current = current.parentId === null ? undefined : byId.get(current.parentId);
    }
    if (current && state.get(current) === "visiting") {
      const loop = path.slice(path.indexOf(current));
      findings.push(localFinding(FaultCode.DefinitionCycle, current.activityId, [loop.map((t) => t.activityId).join(" → ")]));
    }
    for (const tile of path) state.set(tile, "done");
  }
}

function checkRules(root: Tile | null, tiles: readonly Tile[], findings: ValidationEntry[]): void {
  for (const tile of tiles) {
    if (tile.type === "Trigger") {
      for (const child of tile.children) {
        if (child.relationship.toLowerCase() === "default") {
          findings.push(localFinding(FaultCode.DefaultBranchUnderTrigger, child.activityId, [tile.activityId]));
        }
      }
    } else if (tile.type === "Splitter") {
      const branches = tile.children.filter((child) => child.type === "SplitterBranch").length;
      if (branches < 2) findings.push(localFinding(FaultCode.SplitterTooFewBranches, tile.activityId, [String(branches)]));
    } else if (tile.type === "Segment") {
      if (!tile.items.some((item) => item.type === "SegmentItem" && item.itemId !== null)) {
        findings.push(localFinding(FaultCode.SegmentGroupEmpty, tile.activityId));
      }
    } else if (tile.type === "Email") {
      if (!tile.items.some((item) => item.itemId !== null)) findings.push(localFinding(FaultCode.EmailNotChosen, tile.activityId));
    }
  }
  if (root) {
    const first = root.children[0];
    if (!first || first.type !== "Segment") findings.push(localFinding(FaultCode.StartsWithoutSegment, first?.activityId ?? ""));
  }
}

/**
 * Reads msdyncrm_workflowdefinition into a tree of tiles and lists what is structurally wrong with
 * it, as findings shaped like the validate action's entries. Never throws.
 */
export function parseDefinition(definition: string | null | undefined): ParsedDefinition {
  if (typeof definition !== "string" || definition.trim() === "") {
    return emptyResult([localFinding(FaultCode.DefinitionEmpty)]);
  }
  let json: unknown;
  try {
    json = JSON.parse(definition);
  } catch (error) {
    return emptyResult([localFinding(FaultCode.DefinitionNotJson, "", [error instanceof Error ? error.message : ""])]);
  }
  if (!Array.isArray(json)) {
    return emptyResult([localFinding(FaultCode.DefinitionNotArray, "", [json === null ? "null" : typeof json])]);
  }
  if (json.length === 0) return emptyResult([localFinding(FaultCode.DefinitionEmpty)]);

  const findings: ValidationEntry[] = [];
  const byId = new Map<string, Tile>();
  const unique: Tile[] = [];
  const itemOwners = new Map<number, string>();
  let root: Tile | null = null;

  for (let index = 0; index < json.length; index += 1) {
    const value: unknown = json[index];
    const activityId = isRecord(value) ? nonEmpty(value.ActivityId) : null;
    if (!isRecord(value) || activityId === null) {
      findings.push(localFinding(FaultCode.TileMalformed, "", [String(index)]));
      continue;
    }
    if (byId.has(activityId)) {
      findings.push(localFinding(FaultCode.DuplicateActivityId, activityId, [activityId]));
      continue;
    }
    const tile = readTile(value, activityId);
    byId.set(activityId, tile);
    unique.push(tile);
    for (const item of tile.items) {
      if (item.activityItemId === null) continue;
      const owner = itemOwners.get(item.activityItemId);
      if (owner === undefined) itemOwners.set(item.activityItemId, activityId);
      else findings.push(localFinding(FaultCode.DuplicateActivityItemId, activityId, [String(item.activityItemId), owner]));
    }
    if (tile.type === ROOT_TYPE) {
      if (root === null) root = tile;
      else findings.push(localFinding(FaultCode.DuplicateRoot, activityId, [root.activityId]));
    }
  }

  if (root === null) findings.push(localFinding(FaultCode.RootMissing));

  const tops: Tile[] = [];
  for (const tile of unique) {
    if (tile === root) continue;
    const parentTile = tile.parentId === null ? undefined : byId.get(tile.parentId);
    if (parentTile) {
      parentTile.children.push(tile);
    } else {
      tops.push(tile);
      if (tile.type !== ROOT_TYPE) findings.push(localFinding(FaultCode.ParentMissing, tile.activityId, [tile.parentId ?? ""]));
    }
  }
  for (const tile of unique) {
    if (tile.children.length > 1) tile.children.sort((a, b) => a.branchIndex - b.branchIndex);
  }

  const tiles: Tile[] = [];
  const placed = new Set<Tile>();
  if (root) walk(root, tiles, placed);
  for (const top of tops) walk(top, tiles, placed);
  if (placed.size < unique.length) {
    const unplaced = unique.filter((tile) => !placed.has(tile));
    findCycles(unplaced, byId, findings);
    for (const tile of unplaced) walk(tile, tiles, placed);
  }

  checkRules(root, tiles, findings);
  return { root, tiles, byId, findings };
}

function normalisedGuid(id: string): string {
  return id.trim().replace(/^\{|\}$/g, "").toLowerCase();
}

/** The segments and emails the tiles refer to, as lower-case GUIDs without braces, each once. */
export function referencedItems(parsed: ParsedDefinition): { segments: string[]; emails: string[] } {
  const segments = new Set<string>();
  const emails = new Set<string>();
  for (const tile of parsed.tiles) {
    for (const item of tile.items) {
      if (item.itemId === null) continue;
      if (item.type === "SegmentItem") segments.add(normalisedGuid(item.itemId));
      else if (tile.type === "Email" && item.type === "Email") emails.add(normalisedGuid(item.itemId));
    }
  }
  return { segments: [...segments], emails: [...emails] };
}
