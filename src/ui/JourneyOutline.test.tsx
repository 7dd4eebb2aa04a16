/** @jest-environment jsdom */
import { createElement, useState } from "react";
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { setIconOptions } from "@fluentui/react";
import { parseDefinition } from "../journey/workflowDefinition";
import { JourneyOutline } from "./JourneyOutline";
import { localiserFor } from "./strings";
import { resxStrings, type LanguageId } from "./testing/resxStrings";

setIconOptions({ disableWarnings: true });

const tile = (id: string, type: string, parent?: string) => ({
  ActivityTypeId: type,
  ActivityId: id,
  ...(parent === undefined ? {} : { ParentActivityId: parent }),
  Properties: { Items: [{ ActivityTypeId: type, Name: `Tile ${id}` }] },
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
const rowNames = () => rows().map((row) => row.querySelector("button")?.firstChild?.textContent);
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
  expect(
    rows().map((row) => [row.querySelector("button")?.firstChild?.textContent, row.getAttribute("aria-level")]),
  ).toEqual([
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
  const typeTexts = () => rows().map((row) => row.querySelector("button")?.children[1]?.textContent);
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
