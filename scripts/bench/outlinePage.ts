// In the page of the outline figure (scripts/bench/outlineSpeed.ts): the outline alone, with React 16 and Fluent UI
// bundled as the host provides them, timed from inside the page so that no round trip to the browser counts.
import { createElement } from "react";
import { render, unmountComponentAtNode } from "react-dom";
import { parseDefinition, type ParsedDefinition } from "../../src/journey/workflowDefinition";
import { JourneyOutline } from "../../src/ui/JourneyOutline";
import { localiserFor, type Localise } from "../../src/ui/strings";

const container = document.body.appendChild(document.createElement("div"));
let definition: ParsedDefinition;
let localise: Localise;
const valueSetter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set;

/** Milliseconds since `start`, after the browser has laid the page out (reading a position forces the layout). */
function laidOutSince(start: number): number {
  container.getBoundingClientRect();
  return performance.now() - start;
}

(window as unknown as { outlineBench: object }).outlineBench = {
  load(text: string, strings: Record<string, string>) {
    definition = parseDefinition(text);
    localise = localiserFor((key) => strings[key] ?? "", 1033);
  },
  /** Mounts the outline of the loaded journey; answers the time to its first render, laid out, and its rows. */
  render(): [number, number] {
    unmountComponentAtNode(container);
    const start = performance.now();
    render(
      createElement(JourneyOutline, {
        definition,
        countsByTile: new Map(),
        selectedId: null,
        onSelect: () => undefined,
        records: { names: new Map(), open: () => undefined },
        localise,
      }),
      container,
    );
    return [laidOutSince(start), container.querySelectorAll("li").length];
  },
  /** Types `text` into the filter box at once (an input event, as a keystroke or a paste); answers the time to the rows shown, laid out, and their number. */
  filter(text: string): [number, number] {
    const input = container.querySelector("input") as HTMLInputElement;
    const start = performance.now();
    valueSetter?.call(input, text);
    input.dispatchEvent(new Event("input", { bubbles: true }));
    return [laidOutSince(start), container.querySelectorAll("li").length];
  },
};
