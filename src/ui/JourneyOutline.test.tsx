/** @jest-environment jsdom */
import { createElement, useState } from "react";
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { setIconOptions } from "@fluentui/react";
import { parseDefinition } from "../journey/workflowDefinition";
import { JourneyOutline } from "./JourneyOutline";
import { localiserFor } from "./strings";
import { resxStrings, type LanguageId } from "./testing/resxStrings";

setIconOptions({ disableWarnings: true });

const tile = (id: string, type: string, parent?: string, more: object = {}, name: string | null = `Tile ${id}`) => ({
  ActivityTypeId: type,
  ActivityId: id,
  ...(parent === undefined ? {} : { ParentActivityId: parent }),
  Properties: { Items: [{ ActivityTypeId: type, ...(name === null ? {} : { Name: name }) }] },
  ...more,
});
const journey = (...tiles: object[]) => JSON.stringify([tile("01", "bpf_root"), tile("s", "Segment", "01"), ...tiles]);
/** `count` email tiles e0, e1, … each the child of the one before, e0 under `parent`. */
const chain = (count: number, parent: string) =>
  Array.from({ length: count }, (_, i) => tile(`e${i}`, "Email", i === 0 ? parent : `e${i - 1}`));

/** The outline with the selection kept as JourneyView keeps it; `select` stands in for a finding chosen in the panel. */
function renderOutline(definitionText: string, languageId: LanguageId = 1033) {
  const definition = parseDefinition(definitionText);
  const localise = localiserFor(resxStrings(languageId).getString, languageId);
  let select: (activityId: string | null) => void = () => undefined;
  const Host = () => {
    const [selected, setSelected] = useState<string | null>(null);
    select = setSelected;
    return (
      <JourneyOutline
        definition={definition}
        countsByTile={new Map()}
        selectedId={selected}
        onSelect={setSelected}
        records={{ names: new Map(), open: () => undefined }}
        localise={localise}
      />
    );
  };
  render(<Host />);
  return { definition, select: (activityId: string | null) => select(activityId) };
}

// Plain DOM queries: role queries compute styles for every element, too slow for thousands of rows.
const rows = () => [...document.querySelectorAll("section li")];
const rowNames = () => rows().map((row) => row.querySelector("button[data-activity-id] > span")?.textContent);
const toggleOf = (activityId: string) =>
  tileButton(activityId).parentElement?.querySelector("button[aria-expanded]") as HTMLButtonElement;
const filterBox = () => document.querySelector("section input") as HTMLInputElement | null;
const tileButton = (activityId: string) =>
  document.querySelector(`section li button[data-activity-id="${activityId}"]`) as HTMLButtonElement;
const pressedTiles = () => [...document.querySelectorAll('section li button[aria-pressed="true"]')];

test("a tile that is its own parent is shown once, beside the rest of the journey", () => {
  renderOutline(journey(tile("self", "Email", "self"), tile("e", "Email", "s")));
  expect(rowNames()).toEqual(["Tile s", "Tile e", "Tile self"]);
});

test("two tiles that are each other's parent are shown once each, the second under the first", () => {
  const { definition } = renderOutline(journey(tile("a", "Email", "b"), tile("b", "Email", "a")));
  expect(definition.findings.filter((finding) => finding.fault === "DefinitionCycle")).toMatchObject([
    { activityId: "a", args: ["a → b"] },
  ]);
  expect(rows().map((row, i) => [rowNames()[i], row.getAttribute("aria-level")])).toEqual([
    ["Tile s", "1"],
    ["Tile a", "1"],
    ["Tile b", "2"],
  ]);
});

test("indentation follows the level up to eight levels; deeper tiles stay put and say their level", () => {
  renderOutline(journey(...chain(12, "s")));
  const indent = (activityId: string) => (tileButton(activityId).parentElement as HTMLElement).style.paddingLeft;
  expect(["s", "e0", "e6", "e7", "e10"].map(indent)).toEqual(["0px", "16px", "112px", "128px", "128px"]);
  expect(tileButton("e6").textContent).toBe("Tile e6(Email)");
  expect(tileButton("e7").textContent).toBe("Tile e7(Email)Level 9");
  expect(tileButton("e10").textContent).toBe("Tile e10(Email)Level 12");
});

test("tile types read in words in the user's language; a type the product does not know shows its raw name", () => {
  const types = journey(
    tile("t", "Trigger", "s"),
    tile("sp", "Splitter", "t"),
    tile("b", "SplitterBranch", "sp"),
    tile("w", "InvokeWorkflow", "b"),
    tile("x", "HolographicTile", "w"),
  );
  const typeTexts = () => rows().map((row) => row.querySelector("button[data-activity-id] > .cjt-muted")?.textContent);
  renderOutline(types);
  expect(typeTexts()).toEqual([
    "(Segment group)",
    "(Trigger)",
    "(Splitter)",
    "(Splitter branch)",
    "(Launch workflow)",
    "(HolographicTile)",
  ]);
  cleanup();
  renderOutline(types, 3082);
  expect(typeTexts()).toEqual([
    "(Grupo de segmentos)",
    "(Desencadenador)",
    "(Divisor)",
    "(Rama del divisor)",
    "(Iniciar flujo de trabajo)",
    "(HolographicTile)",
  ]);
});

test("the level is said in German too", () => {
  renderOutline(journey(...chain(9, "s")), 1031);
  expect(tileButton("e8").textContent).toBe("Tile e8(E-Mail)Ebene 10");
});

test("a 20,000-deep chain renders its first 500 tiles, and Show more adds the next 500", () => {
  renderOutline(journey(...chain(20_000, "s")));
  expect(rows()).toHaveLength(500);
  expect(rowNames().at(-1)).toBe("Tile e498");
  expect(screen.queryByText(/^Show earlier/)).toBeNull();
  fireEvent.click(screen.getByText("Show more tiles (19501 not shown)"));
  expect(rows()).toHaveLength(1000);
  expect(rowNames().at(-1)).toBe("Tile e998");
  expect(screen.getByText("Show more tiles (19001 not shown)")).toBeTruthy();
});

test("a tile chosen in the panel 20,000 levels down is brought into the rows and pressed; earlier rows come back on request", () => {
  const { select } = renderOutline(journey(...chain(20_000, "s")));
  act(() => select("e19999"));
  expect(pressedTiles().map((button) => button.textContent)).toEqual(["Tile e19999(Email)Level 20001"]);
  expect(rows()).toHaveLength(500);
  expect(rowNames()[0]).toBe("Tile e19500");
  expect(screen.queryByText(/^Show more/)).toBeNull();

  fireEvent.click(tileButton("e19999"));
  expect(pressedTiles()).toEqual([]);
  expect(rowNames()[0]).toBe("Tile e19500");
  fireEvent.click(screen.getByText("Show earlier tiles (19501 not shown)"));
  expect(rows()).toHaveLength(1000);
  expect(rowNames()[0]).toBe("Tile e19000");
  expect(screen.getByText("Show earlier tiles (19001 not shown)")).toBeTruthy();

  act(() => select("e3"));
  expect(rowNames()[0]).toBe("Tile s");
  expect(pressedTiles().map((button) => button.textContent)).toEqual(["Tile e3(Email)"]);
});

test("a 100-email chain indents one step per level down to level 9, then stays put and says each level", () => {
  renderOutline(journey(...chain(100, "s")));
  const indents = rows().map((row) => (row as HTMLElement).style.paddingLeft);
  expect(indents.slice(0, 10)).toEqual([
    "0px",
    "16px",
    "32px",
    "48px",
    "64px",
    "80px",
    "96px",
    "112px",
    "128px",
    "128px",
  ]);
  expect(new Set(indents.slice(8))).toEqual(new Set(["128px"]));
  expect(tileButton("e4").textContent).toBe("Tile e4(Email)");
  expect(tileButton("e99").textContent).toBe("Tile e99(Email)Level 101");
});

/** Segment s → e0 → e1 → e2, and s → f0 → f1 beside it. */
const twoChains = () =>
  journey(...chain(3, "s"), tile("f0", "Email", "s", { ParentBranchId: 1 }), tile("f1", "Email", "f0"));

test("a tile's toggle hides the tiles under it and shows them again; tiles without children have none", () => {
  renderOutline(twoChains());
  expect(rowNames()).toEqual(["Tile s", "Tile e0", "Tile e1", "Tile e2", "Tile f0", "Tile f1"]);
  expect(toggleOf("e2")).toBeNull();
  expect(toggleOf("e0").getAttribute("aria-label")).toBe("Tiles under Tile e0");
  expect(toggleOf("e0").getAttribute("aria-expanded")).toBe("true");

  fireEvent.click(toggleOf("e0"));
  expect(rowNames()).toEqual(["Tile s", "Tile e0", "Tile f0", "Tile f1"]);
  expect(toggleOf("e0").getAttribute("aria-expanded")).toBe("false");
  fireEvent.click(toggleOf("s"));
  expect(rowNames()).toEqual(["Tile s"]);
  fireEvent.click(toggleOf("s"));
  // Each subtree keeps its own state: e0's stays collapsed under s.
  expect(rowNames()).toEqual(["Tile s", "Tile e0", "Tile f0", "Tile f1"]);
  fireEvent.click(toggleOf("e0"));
  expect(rowNames()).toEqual(["Tile s", "Tile e0", "Tile e1", "Tile e2", "Tile f0", "Tile f1"]);
});

test("a tile chosen in the panel inside collapsed subtrees opens them, pressed; other collapsed subtrees stay so", () => {
  const { select } = renderOutline(twoChains());
  fireEvent.click(toggleOf("e1"));
  fireEvent.click(toggleOf("f0"));
  fireEvent.click(toggleOf("s"));
  expect(rowNames()).toEqual(["Tile s"]);
  act(() => select("e2"));
  expect(rowNames()).toEqual(["Tile s", "Tile e0", "Tile e1", "Tile e2", "Tile f0"]);
  expect(pressedTiles().map((button) => button.getAttribute("data-activity-id"))).toEqual(["e2"]);
  expect(toggleOf("f0").getAttribute("aria-expanded")).toBe("false");
  // The user may collapse it again around the chosen tile.
  fireEvent.click(toggleOf("e0"));
  expect(rowNames()).toEqual(["Tile s", "Tile e0", "Tile f0"]);
});

test("under a trigger the row says Yes or No; a splitter's branches show their name, or their number without one", () => {
  const branches = journey(
    tile("t", "Trigger", "s"),
    tile("y", "Email", "t", { ParentRelationshipType: "yesBranch" }),
    tile("n", "Email", "t", { ParentBranchId: 1, ParentRelationshipType: "noBranch" }),
    tile("sp", "Splitter", "n"),
    tile("b1", "SplitterBranch", "sp", {}, "Loyal customers"),
    tile("b2", "SplitterBranch", "sp", { ParentBranchId: 1 }, null),
  );
  const rowTexts = () => rows().map((row) => row.querySelector("button[data-activity-id]")?.textContent);
  renderOutline(branches);
  expect(rowTexts()).toEqual([
    "Tile s(Segment group)",
    "Tile t(Trigger)",
    "YesTile y(Email)",
    "NoTile n(Email)",
    "Tile sp(Splitter)",
    "Loyal customers(Splitter branch)",
    "Branch 2(Splitter branch)",
  ]);
  cleanup();
  renderOutline(branches, 1031);
  expect(rowTexts().slice(2, 7)).toEqual([
    "JaTile y(E-Mail)",
    "NeinTile n(E-Mail)",
    "Tile sp(Verteiler)",
    "Loyal customers(Verteilerzweig)",
    "Zweig 2(Verteilerzweig)",
  ]);
});

/** `count` email tiles p0, p1, … side by side under the segment, then a trigger whose yes branch leads to "Deep welcome". */
const wideJourney = (count: number) =>
  journey(
    ...Array.from({ length: count }, (_, i) => tile(`p${i}`, "Email", "s", { ParentBranchId: i })),
    tile("t", "Trigger", "s", { ParentBranchId: count }),
    tile("y", "Email", "t", { ParentRelationshipType: "yesBranch" }),
    tile("d", "Email", "y", {}, "Deep welcome"),
  );
const typeFilter = (text: string) => fireEvent.change(filterBox() as HTMLInputElement, { target: { value: text } });

test("the filter box is there from 50 tiles up only", () => {
  renderOutline(wideJourney(45));
  expect(rows()).toHaveLength(49);
  expect(filterBox()).toBeNull();
  cleanup();
  renderOutline(wideJourney(46));
  expect(rows()).toHaveLength(50);
  expect(filterBox()?.placeholder).toBe("Filter tiles by name or type");
});

test("the filter shows the tiles whose name or type word matches, under their ancestors; clearing it brings all back", () => {
  renderOutline(wideJourney(60));
  const levels = () => rows().map((row, i) => [rowNames()[i], row.getAttribute("aria-level")]);
  typeFilter("deep WEL");
  expect(levels()).toEqual([
    ["Tile s", "1"],
    ["Tile t", "2"],
    ["Tile y", "3"],
    ["Deep welcome", "4"],
  ]);
  expect(tileButton("y").textContent).toBe("YesTile y(Email)");
  expect(document.querySelector("section button[aria-expanded]")).toBeNull();
  typeFilter("trigger");
  expect(rowNames()).toEqual(["Tile s", "Tile t"]);
  typeFilter("p59");
  expect(rowNames()).toEqual(["Tile s", "Tile p59"]);
  typeFilter("nothing like it");
  expect(rows()).toEqual([]);
  expect(screen.getByText("No tiles match the filter.")).toBeTruthy();
  typeFilter("");
  expect(rows()).toHaveLength(64);
});

test("the filter reads the type words of the user's language", () => {
  renderOutline(wideJourney(60), 1031);
  typeFilter("segmentgruppe");
  expect(rowNames()).toEqual(["Tile s"]);
  typeFilter("segment group");
  expect(screen.getByText("Keine Kachel passt zum Filter.")).toBeTruthy();
});

test("a tile chosen in the panel while a filter is on is shown with its ancestors, pressed", () => {
  const { select } = renderOutline(wideJourney(60));
  typeFilter("deep");
  act(() => select("p7"));
  expect(rowNames()).toEqual(["Tile s", "Tile p7", "Tile t", "Tile y", "Deep welcome"]);
  expect(pressedTiles().map((button) => button.getAttribute("data-activity-id"))).toEqual(["p7"]);
});
