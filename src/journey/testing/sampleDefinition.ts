/**
 * Builds a valid workflow definition with the given number of tiles (at least 2): a segment tile,
 * then a chain of email tiles, triggers (yes branch: an email; no branch: the chain goes on) and
 * splitters (two splitter branches, the first holding an email). For tests and the benchmark.
 */
export function generateDefinition(tileCount: number): string {
  const tiles: unknown[] = [];
  let nextItemId = 0;
  const guid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
  const add = (
    type: string,
    parentId: string | null,
    branch: number,
    relationship: string,
    itemId: string | null = null,
    extraItems: unknown[] = [],
  ): string => {
    const activityId = parentId === null ? "01" : `01_${tiles.length}`;
    const first = {
      ItemId: itemId,
      ActivityTypeId: type,
      Title: "Undefined",
      Name: `${type} ${tiles.length}`,
      ActivityItemId: nextItemId++,
    };
    tiles.push({
      ActivityTypeId: type,
      ...(parentId === null ? {} : { ParentActivityId: parentId }),
      ParentBranchId: branch,
      ParentRelationshipType: relationship,
      ActivityId: activityId,
      Properties: {
        Items: [first, ...extraItems.map((item) => ({ ...(item as object), ActivityItemId: nextItemId++ }))],
      },
      EntityTarget: "contact",
    });
    return activityId;
  };

  const root = add("bpf_root", null, 0, "Default");
  let parentId = add("Segment", root, 0, "Default", null, [
    {
      ItemId: guid(1),
      ActivityTypeId: "SegmentItem",
      Name: "Segment",
      ContainmentMethod: "Inclusion",
      SegmentSourceType: "Segment",
    },
  ]);
  let branch = 0;
  let relationship = "Default";
  while (tiles.length < tileCount) {
    const remaining = tileCount - tiles.length;
    const step = tiles.length % 3;
    if (step === 1 && remaining >= 2) {
      const trigger = add("Trigger", parentId, branch, relationship);
      add("Email", trigger, 0, "yesBranch", guid(tiles.length));
      [parentId, branch, relationship] = [trigger, 1, "noBranch"];
    } else if (step === 2 && remaining >= 4) {
      const splitter = add("Splitter", parentId, branch, relationship);
      const first = add("SplitterBranch", splitter, 0, "Default");
      add("Email", first, 0, "Default", guid(tiles.length));
      [parentId, branch, relationship] = [add("SplitterBranch", splitter, 1, "Default"), 0, "Default"];
    } else {
      [parentId, branch, relationship] = [
        add("Email", parentId, branch, relationship, guid(tiles.length)),
        0,
        "Default",
      ];
    }
  }
  return JSON.stringify(tiles);
}
