import { localFinding, type FaultCodeName } from "./faultCatalogue";
import { isRecord, nonEmpty, text } from "./jsonValues";
import { parseJsonText, Unreadable, unreadable } from "./jsonText";
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
  /** 0 for bpf_root (and for the top of a subtree that hangs from nothing or from a loop). */
  depth: number;
}

/** A reading of a definition; shared by everyone who reads the same text (see parseDefinition), so never changed. */
export interface ParsedDefinition {
  readonly root: Tile | null;
  /**
   * Journey order: pre-order from bpf_root, siblings by ParentBranchId. Subtrees that cannot be
   * reached from the root (missing parent, cycle) follow, so that no tile is lost.
   */
  readonly tiles: readonly Tile[];
  /** Every tile by ActivityId (the first, when an ActivityId repeats). */
  readonly byId: ReadonlyMap<string, Tile>;
  readonly findings: readonly ValidationEntry[];
}

const ROOT_TYPE = "bpf_root";

/** Records a finding of the product's own checks. */
type Report = (code: FaultCodeName, activityId?: string, args?: string[]) => void;

function readItem(value: unknown): TileItem {
  const item = isRecord(value) ? value : {};
  const activityItemId = item.ActivityItemId;
  return {
    activityItemId: Number.isFinite(activityItemId) ? (activityItemId as number) : null,
    type: text(item.ActivityTypeId) ?? "",
    itemId: nonEmpty(item.ItemId),
    name: nonEmpty(item.Name) ?? nonEmpty(item.SegmentDisplayName) ?? nonEmpty(item.Title) ?? "",
  };
}

function readTile(value: Record<string, unknown>, activityId: string): Tile {
  const type = text(value.ActivityTypeId) ?? "";
  const properties = value.Properties;
  const rawItems = isRecord(properties) && Array.isArray(properties.Items) ? properties.Items : [];
  const first = isRecord(rawItems[0]) ? rawItems[0] : {};
  // A number, or a number written as text; anything else (Number(null) is 0) counts as the first branch.
  const branch = Number(text(value.ParentBranchId));
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

/**
 * Pre-order walk without recursion (definitions can be deep), setting depths below `top` (a top's is 0 as read).
 * Each tile is the child of one parent only, so only a loop leads back to a placed tile, and it is not followed.
 */
function walk(top: Tile, into: Tile[], placed: Set<Tile>): void {
  const stack = placed.has(top) ? [] : [top];
  for (let tile = stack.pop(); tile; tile = stack.pop()) {
    placed.add(tile);
    into.push(tile);
    // Pushed last to first, so that the first child comes off the stack first.
    for (let i = tile.children.length; i--;) {
      const child = tile.children[i];
      if (placed.has(child)) continue;
      child.depth = tile.depth + 1;
      stack.push(child);
    }
  }
}

/**
 * Tiles whose parent chain loops back on itself: one finding per cycle, on the tile where it was found.
 * `unplaced` are the tiles no walk from the top reached: each has a parent among them, so every chain loops.
 */
function findCycles(unplaced: readonly Tile[], byId: ReadonlyMap<string, Tile>, report: Report): void {
  const parentOf = (tile: Tile) => byId.get(tile.parentId as string) as Tile;
  // The start whose walk up first reached each tile: a walk that meets a tile of its own has gone round a loop.
  const reachedFrom = new Map<Tile, Tile>();
  for (const start of unplaced) {
    let current = start;
    while (!reachedFrom.has(current)) {
      reachedFrom.set(current, start);
      current = parentOf(current);
    }
    if (reachedFrom.get(current) !== start) continue;
    const loop = [current.activityId];
    for (let tile = parentOf(current); tile !== current; tile = parentOf(tile)) loop.push(tile.activityId);
    report("DefinitionCycle", current.activityId, [loop.join(" → ")]);
  }
}

function checkRules(root: Tile | null, tiles: readonly Tile[], report: Report): void {
  for (const tile of tiles) {
    const { type, children, items, activityId } = tile;
    if (type === "Trigger") {
      for (const child of children) {
        if (child.relationship.toLowerCase() === "default")
          report("DefaultBranchUnderTrigger", child.activityId, [activityId]);
      }
    } else if (type === "Splitter") {
      const branches = children.filter((child) => child.type === "SplitterBranch").length;
      if (branches < 2) report("SplitterTooFewBranches", activityId, [String(branches)]);
    } else if (type === "Segment") {
      if (!items.some((item) => item.type === "SegmentItem" && item.itemId !== null))
        report("SegmentGroupEmpty", activityId);
    } else if (type === "Email") {
      if (!items.some((item) => item.itemId !== null)) report("EmailNotChosen", activityId);
    }
  }
  if (root) {
    const first = root.children[0];
    if (first?.type !== "Segment") report("StartsWithoutSegment", first?.activityId);
  }
}

/** The definition's tiles as JSON; stops with the finding that says why there are none. */
function readArray(definition: unknown): unknown[] {
  const json = parseJsonText(typeof definition === "string" ? definition : "", "Definition");
  if (!Array.isArray(json)) unreadable("DefinitionNotArray", [json === null ? "null" : typeof json]);
  return json.length > 0 ? json : unreadable("DefinitionEmpty");
}

/** The last definition read and its reading: a change to any other field re-checks the same text, often a megabyte. */
let lastRead: { definition: string | null | undefined; parsed: ParsedDefinition } | undefined;

/**
 * Reads msdyncrm_workflowdefinition into a tree of tiles and lists what is structurally wrong with
 * it, as findings shaped like the validate action's entries. Never throws. The same text as the last
 * call gives the same reading again.
 */
export function parseDefinition(definition: string | null | undefined): ParsedDefinition {
  if (!lastRead || lastRead.definition !== definition) lastRead = { definition, parsed: readDefinition(definition) };
  return lastRead.parsed;
}

function readDefinition(definition: string | null | undefined): ParsedDefinition {
  let json: unknown[];
  try {
    json = readArray(definition);
  } catch (error) {
    if (!(error instanceof Unreadable)) throw error;
    return { root: null, tiles: [], byId: new Map(), findings: [error.finding] };
  }

  const findings: ValidationEntry[] = [];
  const report: Report = (code, activityId, args) => findings.push(localFinding(code, activityId, args));
  const byId = new Map<string, Tile>();
  const unique: Tile[] = [];
  const itemOwners = new Map<number, string>();
  let root: Tile | null = null;

  json.forEach((value: unknown, index) => {
    const activityId = isRecord(value) ? nonEmpty(value.ActivityId) : null;
    if (activityId === null) return report("TileMalformed", "", [String(index)]);
    if (byId.has(activityId)) return report("DuplicateActivityId", activityId, [activityId]);
    const tile = readTile(value as Record<string, unknown>, activityId);
    byId.set(activityId, tile);
    unique.push(tile);
    for (const { activityItemId } of tile.items) {
      if (activityItemId === null) continue;
      const owner = itemOwners.get(activityItemId);
      if (owner === undefined) itemOwners.set(activityItemId, activityId);
      else report("DuplicateActivityItemId", activityId, [String(activityItemId), owner]);
    }
    if (tile.type === ROOT_TYPE) {
      if (root) report("DuplicateRoot", activityId, [root.activityId]);
      else root = tile;
    }
  });

  if (root === null) report("RootMissing");

  const tops: Tile[] = [];
  for (const tile of unique) {
    if (tile === root) continue;
    const parentTile = byId.get(tile.parentId as string);
    if (parentTile) {
      parentTile.children.push(tile);
    } else {
      tops.push(tile);
      if (tile.type !== ROOT_TYPE) report("ParentMissing", tile.activityId, [tile.parentId ?? ""]);
    }
  }
  for (const tile of unique) tile.children.sort((a, b) => a.branchIndex - b.branchIndex);

  const tiles: Tile[] = [];
  const placed = new Set<Tile>();
  for (const top of root ? [root, ...tops] : tops) walk(top, tiles, placed);
  const unplaced = unique.filter((tile) => !placed.has(tile));
  findCycles(unplaced, byId, report);
  for (const tile of unplaced) walk(tile, tiles, placed);

  checkRules(root, tiles, report);
  return { root, tiles, byId, findings };
}

/** A tile as the outline shows it: `level` 0 for the root's children and for the tops of the other subtrees. */
export interface OutlineEntry {
  tile: Tile;
  level: number;
  /** The entry the tile hangs from; none at level 0. */
  parent?: OutlineEntry;
  /** Under a trigger, its yes or no branch; a splitter's branch tile, its number (ParentBranchId + 1). */
  branch?: "yes" | "no" | number;
}

/** Every tile but bpf_root, once, in journey order (no walk: `tiles` is already in pre-order with depths). */
export function outlineEntries(parsed: ParsedDefinition): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  // The last entry seen at each level: the parent of the next one a level deeper.
  const lastAt: OutlineEntry[] = [];
  let underRoot = false;
  for (const tile of parsed.tiles) {
    if (tile.depth === 0) underRoot = tile === parsed.root;
    if (tile === parsed.root) continue;
    const level = tile.depth - Number(underRoot);
    const parent = level > 0 ? lastAt[level - 1] : undefined;
    const entry: OutlineEntry = { tile, level, parent };
    const from = parent?.tile;
    if (from?.type === "Trigger") {
      entry.branch = /^(yes|no)branch$/i.exec(tile.relationship)?.[1].toLowerCase() as OutlineEntry["branch"];
    } else if (from?.type === "Splitter" && tile.type === "SplitterBranch") {
      entry.branch = tile.branchIndex + 1;
    }
    lastAt[level] = entry;
    entries.push(entry);
  }
  return entries;
}

/** A record id as the org's rows give it: lower case, without braces (ids arrive braced or not, in either case). */
export function normalisedGuid(id: string): string {
  return id
    .trim()
    .replace(/^\{|\}$/g, "")
    .toLowerCase();
}
