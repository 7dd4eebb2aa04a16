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

/**
 * Milliseconds since `start` until the browser has painted the next frame: a task queued from an animation frame
 * runs after that frame's layout and paint, so rows whose layout the style sheet defers (off-screen) still count
 * where they are drawn.
 */
function paintedSince(start: number): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start))));
}

(window as unknown as { outlineBench: object }).outlineBench = {
  load(text: string, strings: Record<string, string>) {
    definition = parseDefinition(text);
    localise = localiserFor((key) => strings[key] ?? "", 1033);
  },
  /** Mounts the outline of the loaded journey; answers the time to its first render, painted, and its rows. */
  async render(): Promise<[number, number]> {
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
    return [await paintedSince(start), container.querySelectorAll("li").length];
  },
  /** Types `text` into the filter box at once (an input event, as a keystroke or a paste); answers the time to the rows shown, painted, and their number. */
  async filter(text: string): Promise<[number, number]> {
    const input = container.querySelector("input") as HTMLInputElement;
    const start = performance.now();
    valueSetter?.call(input, text);
    input.dispatchEvent(new Event("input", { bubbles: true }));
    return [await paintedSince(start), container.querySelectorAll("li").length];
  },
};
