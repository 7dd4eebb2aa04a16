import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { generateDefinition } from "./testing/sampleDefinition";
import { referencedItems } from "./recordReferences";
import { outlineEntries, parseDefinition, type ParsedDefinition } from "./workflowDefinition";

const seedDefinition = (
  JSON.parse(fs.readFileSync(path.join(__dirname, "../../test/fixtures/seed/validate-request.json"), "utf8")) as {
    FieldValueWorkflowDefinition: string;
  }
).FieldValueWorkflowDefinition;

let nextItemId = 100;
interface TileSpec {
  id: string;
  type: string;
  parent?: string;
  branch?: number;
  rel?: string;
  itemId?: string | null;
  extra?: Record<string, unknown>[];
  name?: string;
}
function tile({ id, type, parent, branch = 0, rel = "Default", itemId = null, extra = [], name }: TileSpec) {
  return {
    ActivityTypeId: type,
    ...(parent === undefined ? {} : { ParentActivityId: parent }),
    ParentBranchId: branch,
    ParentRelationshipType: rel,
    ActivityId: id,
    Properties: {
      Items: [
        {
          ItemId: itemId,
          ActivityTypeId: type,
          Title: "Undefined",
          Name: name ?? `${type} ${id}`,
          ActivityItemId: nextItemId++,
        },
        ...extra.map((item) => ({ ActivityItemId: nextItemId++, ...item })),
      ],
    },
  };
}
const segmentItem = (itemId: string | null = "24db2671-1529-e911-a9b7-000d3a1e6adc") => ({
  ItemId: itemId,
  ActivityTypeId: "SegmentItem",
  Name: "A segment",
});
const root = () => tile({ id: "01", type: "bpf_root" });
const segment = (id = "01_0", parent = "01") => tile({ id, type: "Segment", parent, extra: [segmentItem()] });
const email = (id: string, parent: string, branch = 0, rel = "Default") =>
  tile({ id, type: "Email", parent, branch, rel, itemId: "15bd0ab8-c12a-e911-a9b6-000d3a1e6c14" });

const faults = (parsed: ParsedDefinition) => parsed.findings.map((f) => [f.fault, f.activityId, ...f.args]);
const parse = (tiles: unknown[]) => parseDefinition(JSON.stringify(tiles));
const outline = (parsed: ParsedDefinition) => outlineEntries(parsed).map(({ tile, level }) => [tile.activityId, level]);
/** `count` email tiles, each the child of the one before, the first under `parent`. */
const chain = (count: number, parent: string) =>
  Array.from({ length: count }, (_, i) => email(`e${i}`, i === 0 ? parent : `e${i - 1}`));

describe("parseDefinition", () => {
  it("reads each text anew once it changes, and gives the last text's reading again while it stays", () => {
    const seed = parseDefinition(seedDefinition);
    expect(parseDefinition(seedDefinition)).toBe(seed);
    const larger = generateDefinition(12);
    expect(parseDefinition(larger).tiles).toHaveLength(12);
    expect(parseDefinition(seedDefinition)).not.toBe(seed);
    expect(parseDefinition(seedDefinition).tiles.map((tile) => tile.activityId)).toEqual(["01", "01_0", "01_0_3"]);
    expect(parseDefinition("[").findings.map((finding) => finding.fault)).toEqual(["DefinitionNotJson"]);
    expect(parseDefinition(null).findings).toHaveLength(1);
  });

  it("reads the seed's definition into a tree with display names and no findings", () => {
    const parsed = parseDefinition(seedDefinition);
    expect(parsed.findings).toEqual([]);
    expect(parsed.root?.activityId).toBe("01");
    expect(parsed.tiles.map((t) => [t.activityId, t.type, t.name, t.depth, t.parentId, t.relationship])).toEqual([
      ["01", "bpf_root", "New ActivityTypeName_bpf_root_TitleText", 0, null, "Default"],
      ["01_0", "Segment", "New Segment group", 1, "01", "Default"],
      ["01_0_3", "Email", "Relationship test", 2, "01_0", "Default"],
    ]);
    expect(parsed.byId.get("01_0")?.children.map((t) => t.activityId)).toEqual(["01_0_3"]);
    expect(parsed.byId.get("01_0")?.items).toEqual([
      { activityItemId: 52, type: "Segment", itemId: null, name: "New Segment group" },
      {
        activityItemId: 53,
        type: "SegmentItem",
        itemId: "056bbe66-f025-e911-a9ba-000d3a1e689f",
        name: "TC407937_DynamicSegment_bmkX5u",
      },
    ]);
    expect(referencedItems(parsed)).toEqual({
      segments: ["056bbe66-f025-e911-a9ba-000d3a1e689f"],
      emails: ["15bd0ab8-c12a-e911-a9b6-000d3a1e6c14"],
    });
  });

  it("finds in the seed's create request the segment and the email the API page names", () => {
    const createBody = JSON.parse(
      fs.readFileSync(path.join(__dirname, "../../test/fixtures/seed/create-request.json"), "utf8"),
    ) as { msdyncrm_workflowdefinition: string };
    const parsed = parseDefinition(createBody.msdyncrm_workflowdefinition);
    expect(parsed.findings).toEqual([]);
    expect(parsed.tiles.map((t) => t.type)).toEqual(["bpf_root", "Segment", "Email"]);
    expect(referencedItems(parsed)).toEqual({
      segments: ["24db2671-1529-e911-a9b7-000d3a1e6adc"],
      emails: ["15bd0ab8-c12a-e911-a9b6-000d3a1e6c14"],
    });
  });

  it("orders children by ParentBranchId, whatever the order in the array", () => {
    const parsed = parse([
      root(),
      segment(),
      tile({ id: "s", type: "Splitter", parent: "01_0" }),
      tile({ id: "b2", type: "SplitterBranch", parent: "s", branch: 2 }),
      tile({ id: "b0", type: "SplitterBranch", parent: "s", branch: 0 }),
      tile({ id: "b1", type: "SplitterBranch", parent: "s", branch: 1 }),
      email("e", "b0"),
    ]);
    expect(parsed.findings).toEqual([]);
    expect(parsed.tiles.map((t) => t.activityId)).toEqual(["01", "01_0", "s", "b0", "e", "b1", "b2"]);
    expect(parsed.byId.get("e")?.depth).toBe(4);
  });

  it("takes the name from item 0, falling back to its Title and then to the tile type", () => {
    const noName = tile({ id: "a", type: "Email", parent: "01_0", itemId: "x" });
    delete (noName.Properties.Items[0] as { Name?: string }).Name;
    (noName.Properties.Items[0] as { Title: string }).Title = "Welcome mail";
    const noItems = { ActivityTypeId: "LandingPage", ParentActivityId: "01_0", ParentBranchId: 1, ActivityId: "b" };
    const parsed = parse([root(), segment(), noName, noItems]);
    expect(parsed.byId.get("a")?.name).toBe("Welcome mail");
    expect(parsed.byId.get("b")?.name).toBe("LandingPage");
    expect(parsed.byId.get("b")?.relationship).toBe("Default");
  });

  it.each([
    ["nothing", "DefinitionEmpty", undefined],
    ["an empty string", "DefinitionEmpty", "  "],
    ["an empty array", "DefinitionEmpty", "[]"],
    ["text that is not JSON", "DefinitionNotJson", "[{]"],
    ["a JSON object", "DefinitionNotArray", '{"ActivityId":"01"}'],
    ["JSON null", "DefinitionNotArray", "null"],
  ])("reports %s as %s, with no tiles", (_label, fault, text) => {
    const parsed = parseDefinition(text);
    expect(parsed.findings.map((f) => f.fault)).toEqual([fault]);
    expect(parsed.findings[0]).toMatchObject({ activityId: "", severity: "Error", source: "local" });
    expect(parsed.tiles).toEqual([]);
    expect(parsed.root).toBeNull();
  });

  it("reports array entries that are not tiles, and keeps the rest", () => {
    const parsed = parse([root(), 5, { ActivityTypeId: "Email" }, segment()]);
    expect(faults(parsed)).toEqual([
      ["TileMalformed", "", "1"],
      ["TileMalformed", "", "2"],
    ]);
    expect(parsed.tiles).toHaveLength(2);
  });

  it("reports a repeated ActivityId on the repeated tile and keeps the first", () => {
    const parsed = parse([
      root(),
      segment(),
      email("e", "01_0"),
      tile({ id: "e", type: "LandingPage", parent: "01_0", branch: 1 }),
    ]);
    expect(faults(parsed)).toEqual([["DuplicateActivityId", "e", "e"]]);
    expect(parsed.byId.get("e")?.type).toBe("Email");
  });

  it("reports a repeated ActivityItemId with the tile that had it first", () => {
    const first = email("e1", "01_0");
    const second = email("e2", "e1");
    second.Properties.Items[0].ActivityItemId = first.Properties.Items[0].ActivityItemId;
    const parsed = parse([root(), segment(), first, second]);
    expect(faults(parsed)).toEqual([
      ["DuplicateActivityItemId", "e2", String(first.Properties.Items[0].ActivityItemId), "e1"],
    ]);
  });

  it("reports a missing parent and keeps the orphaned subtree after the journey", () => {
    const parsed = parse([root(), segment(), email("lost", "gone"), email("child", "lost")]);
    expect(faults(parsed)).toEqual([["ParentMissing", "lost", "gone"]]);
    expect(parsed.tiles.map((t) => [t.activityId, t.depth])).toEqual([
      ["01", 0],
      ["01_0", 1],
      ["lost", 0],
      ["child", 1],
    ]);
  });

  it("reports a tile without any parent as a missing parent", () => {
    const orphan = email("o", "x");
    delete (orphan as { ParentActivityId?: string }).ParentActivityId;
    expect(faults(parse([root(), segment(), orphan]))).toEqual([["ParentMissing", "o", ""]]);
  });

  it("reports a cycle once, and keeps its tiles", () => {
    const parsed = parse([root(), segment(), email("a", "c"), email("b", "a"), email("c", "b"), email("d", "c", 1)]);
    const cycle = parsed.findings.filter((f) => f.fault === "DefinitionCycle");
    expect(cycle).toHaveLength(1);
    expect(cycle[0].args[0].split(" → ").sort()).toEqual(["a", "b", "c"]);
    expect(parsed.findings.map((f) => f.fault)).toEqual(["DefinitionCycle"]);
    expect(parsed.tiles.map((t) => [t.activityId, t.depth])).toEqual([
      ["01", 0],
      ["01_0", 1],
      ["a", 0],
      ["b", 1],
      ["c", 2],
      ["d", 3],
    ]);
  });

  it("reports a tile that is its own parent as a cycle", () => {
    expect(faults(parse([root(), segment(), email("self", "self")]))).toEqual([["DefinitionCycle", "self", "self"]]);
  });

  it("reports a missing bpf_root and a second one", () => {
    expect(faults(parse([segment("s", "01")]))).toEqual([
      ["RootMissing", ""],
      ["ParentMissing", "s", "01"],
    ]);
    expect(faults(parse([root(), segment(), tile({ id: "02", type: "bpf_root" })]))).toEqual([
      ["DuplicateRoot", "02", "01"],
    ]);
  });

  it("reports a default relationship under a trigger, in any letter case", () => {
    const parsed = parse([
      root(),
      segment(),
      tile({ id: "t", type: "Trigger", parent: "01_0" }),
      email("yes", "t", 0, "yesBranch"),
      email("no", "t", 1, "noBranch"),
      email("wrong", "t", 2, "default"),
      email("wrong2", "t", 3, "DEFAULT"),
    ]);
    expect(faults(parsed)).toEqual([
      ["DefaultBranchUnderTrigger", "wrong", "t"],
      ["DefaultBranchUnderTrigger", "wrong2", "t"],
    ]);
  });

  it("reports a splitter with fewer than two splitter branches", () => {
    const parsed = parse([
      root(),
      segment(),
      tile({ id: "s1", type: "Splitter", parent: "01_0" }),
      tile({ id: "b", type: "SplitterBranch", parent: "s1" }),
      email("e", "s1", 1),
      tile({ id: "s2", type: "Splitter", parent: "01_0", branch: 1 }),
    ]);
    expect(faults(parsed)).toEqual([
      ["SplitterTooFewBranches", "s1", "1"],
      ["SplitterTooFewBranches", "s2", "0"],
    ]);
  });

  it("warns when the journey does not start with a segment tile", () => {
    const parsed = parse([root(), email("e", "01"), segment("s", "01")]);
    expect(parsed.findings).toEqual([
      { activityId: "e", fault: "StartsWithoutSegment", severity: "Warning", args: [], source: "local" },
    ]);
    expect(faults(parse([root()]))).toEqual([["StartsWithoutSegment", ""]]);
  });

  it("reports a segment tile without a chosen segment and an email tile without an email", () => {
    const parsed = parse([
      root(),
      tile({ id: "g", type: "Segment", parent: "01", extra: [segmentItem(null)] }),
      tile({ id: "e", type: "Email", parent: "g" }),
    ]);
    expect(faults(parsed)).toEqual([
      ["SegmentGroupEmpty", "g"],
      ["EmailNotChosen", "e"],
    ]);
  });

  it("lists each referenced segment and email once, lower case without braces", () => {
    const parsed = parse([
      root(),
      tile({
        id: "g",
        type: "Segment",
        parent: "01",
        extra: [
          segmentItem("{AAAAAAAA-0000-0000-0000-000000000001}"),
          segmentItem("aaaaaaaa-0000-0000-0000-000000000001"),
        ],
      }),
      tile({ id: "e1", type: "Email", parent: "g", itemId: "BBBBBBBB-0000-0000-0000-000000000002" }),
      tile({ id: "e2", type: "Email", parent: "e1", itemId: "bbbbbbbb-0000-0000-0000-000000000002" }),
    ]);
    expect(referencedItems(parsed)).toEqual({
      segments: ["aaaaaaaa-0000-0000-0000-000000000001"],
      emails: ["bbbbbbbb-0000-0000-0000-000000000002"],
    });
  });

  it("copes with a chain deeper than the call stack", () => {
    const parsed = parse([root(), segment(), ...chain(20_000, "01_0")]);
    expect(parsed.findings).toEqual([]);
    expect(parsed.tiles.at(-1)?.depth).toBe(20_001);
  });

  it("reports a loop of 20,000 tiles once, listing them all, and keeps every tile", () => {
    const tiles = chain(20_000, "e19999");
    const parsed = parse([root(), segment(), ...tiles]);
    expect(faults(parsed).map(([fault, , loop]) => [fault, loop.split(" → ").length])).toEqual([
      ["DefinitionCycle", 20_000],
    ]);
    expect(parsed.tiles).toHaveLength(20_002);
  });

  it("reads the generated 5,000-tile sample without findings (its speed is measured by npm run bench)", () => {
    const parsed = parseDefinition(generateDefinition(5000));
    expect(parsed.tiles).toHaveLength(5000);
    expect(parsed.findings).toEqual([]);
  });

  it("never throws on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (text) => {
        expect(Array.isArray(parseDefinition(text).findings)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("never throws on arbitrary JSON values", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(Array.isArray(parseDefinition(JSON.stringify(value)).findings)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("never throws on arrays of tile-like objects with arbitrary fields, and places every unique tile", () => {
    const id = fc.constantFrom("01", "a", "b", "c", "d", "e");
    const tileLike = fc.record(
      {
        ActivityTypeId: fc.oneof(
          fc.constantFrom("bpf_root", "Segment", "Email", "Trigger", "Splitter", "SplitterBranch", "SegmentItem"),
          fc.jsonValue(),
        ),
        ActivityId: fc.oneof(id, fc.jsonValue()),
        ParentActivityId: fc.oneof(id, fc.jsonValue()),
        ParentBranchId: fc.oneof(
          fc.integer({ min: -1, max: 3 }),
          fc.jsonValue(),
          fc.constant({ toString: null, valueOf: null }),
        ),
        ParentRelationshipType: fc.oneof(
          fc.constantFrom("Default", "default", "yesBranch", "noBranch"),
          fc.jsonValue(),
        ),
        Properties: fc.oneof(
          fc.record({
            Items: fc.array(
              fc.record(
                {
                  ItemId: fc.oneof(fc.constant(null), fc.string(), fc.constant({ toString: null })),
                  ActivityTypeId: fc.jsonValue(),
                  ActivityItemId: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.jsonValue()),
                  Name: fc.jsonValue(),
                },
                { requiredKeys: [] },
              ),
            ),
          }),
          fc.jsonValue(),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(tileLike, fc.jsonValue()), { maxLength: 12 }), (tiles) => {
        const parsed = parseDefinition(JSON.stringify(tiles));
        expect(parsed.tiles).toHaveLength(parsed.byId.size);
        expect(new Set(parsed.tiles).size).toBe(parsed.tiles.length);
        const entries = outlineEntries(parsed);
        expect(entries.map(({ tile }) => tile)).toEqual(parsed.tiles.filter((tile) => tile !== parsed.root));
        expect(entries.every(({ level }) => level >= 0)).toBe(true);
        for (const { tile, level, parent } of entries) {
          expect(parent?.level ?? -1).toBe(level - 1);
          if (parent) expect(tile.parentId).toBe(parent.tile.activityId);
        }
        for (const finding of parsed.findings) {
          expect(finding.activityId === "" || parsed.byId.has(finding.activityId)).toBe(true);
        }
        for (const tile of parsed.tiles) {
          if (tile.depth > 0) expect(parsed.byId.get(tile.parentId as string)?.depth).toBe(tile.depth - 1);
          expect(
            tile.children.every((child, i) => i === 0 || tile.children[i - 1].branchIndex <= child.branchIndex),
          ).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe("outlineEntries", () => {
  it("lists every tile but the root, in journey order, the root's children at level 0", () => {
    const parsed = parse([root(), segment(), email("e", "01_0"), email("f", "e"), segment("s2", "01")]);
    expect(outline(parsed)).toEqual([
      ["01_0", 0],
      ["e", 1],
      ["f", 2],
      ["s2", 0],
    ]);
  });

  it("shows a tile that is its own parent once, at the top", () => {
    const parsed = parse([root(), segment(), email("self", "self"), email("child", "self")]);
    expect(faults(parsed)).toEqual([["DefinitionCycle", "self", "self"]]);
    expect(outline(parsed)).toEqual([
      ["01_0", 0],
      ["self", 0],
      ["child", 1],
    ]);
  });

  it("shows two tiles that are each other's parent once each, with what hangs from them", () => {
    const parsed = parse([root(), segment(), email("a", "b"), email("b", "a"), email("c", "b", 1)]);
    expect(faults(parsed)).toEqual([["DefinitionCycle", "a", "a → b"]]);
    expect(outline(parsed)).toEqual([
      ["01_0", 0],
      ["a", 0],
      ["b", 1],
      ["c", 2],
    ]);
  });

  it("shows a loop of three tiles once each, and a tile whose parent is missing at the top", () => {
    const parsed = parse([root(), segment(), email("a", "c"), email("b", "a"), email("c", "b"), email("o", "gone")]);
    expect(faults(parsed).map(([fault]) => fault)).toEqual(["ParentMissing", "DefinitionCycle"]);
    expect(outline(parsed)).toEqual([
      ["01_0", 0],
      ["o", 0],
      ["a", 0],
      ["b", 1],
      ["c", 2],
    ]);
  });

  it("shows a second bpf_root, which its finding names, with its children under it", () => {
    const parsed = parse([root(), segment(), tile({ id: "02", type: "bpf_root", parent: "01_0" }), email("e", "02")]);
    expect(faults(parsed)).toEqual([["DuplicateRoot", "02", "01"]]);
    expect(outline(parsed)).toEqual([
      ["01_0", 0],
      ["02", 1],
      ["e", 2],
    ]);
  });

  it("names the branch a tile starts: a trigger's yes or no (in any case), a splitter's branches by ParentBranchId + 1", () => {
    const parsed = parse([
      root(),
      segment(),
      tile({ id: "t", type: "Trigger", parent: "01_0" }),
      email("no", "t", 1, "NoBranch"),
      email("yes", "t", 0, "yesBranch"),
      email("after", "yes"),
      email("default", "t", 2),
      tile({ id: "sp", type: "Splitter", parent: "no" }),
      tile({ id: "b2", type: "SplitterBranch", parent: "sp", branch: 2 }),
      email("stray", "sp", 1),
      tile({ id: "b1", type: "SplitterBranch", parent: "sp", branch: 0 }),
      tile({ id: "inner", type: "SplitterBranch", parent: "b1" }),
    ]);
    expect(outlineEntries(parsed).map(({ tile, branch }) => [tile.activityId, branch])).toEqual([
      ["01_0", undefined],
      ["t", undefined],
      ["yes", "yes"],
      ["after", undefined],
      ["no", "no"],
      ["sp", undefined],
      ["b1", 1],
      ["inner", undefined],
      ["stray", undefined],
      ["b2", 3],
      ["default", undefined],
    ]);
  });

  it("lists a 20,000-deep chain and a loop of 20,000 tiles, each tile once, without running out of stack", () => {
    const deep = outlineEntries(parse([root(), segment(), ...chain(20_000, "01_0")]));
    expect(deep).toHaveLength(20_001);
    expect(deep.at(-1)?.level).toBe(20_000);
    const loop = outlineEntries(parse([root(), segment(), ...chain(20_000, "e19999")]));
    expect(new Set(loop.map(({ tile }) => tile.activityId)).size).toBe(20_001);
    expect(loop.at(-1)?.level).toBe(19_999);
  });
});
