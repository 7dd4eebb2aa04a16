const FIRST_STRONG_ISOLATE = "\u2068";
const POP_DIRECTIONAL_ISOLATE = "\u2069";
const POP_DIRECTIONAL_FORMATTING = "\u202C";
/** The explicit bidi controls: embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069). */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/g;
const ISOLATE_INITIATOR = /[\u2066-\u2068]/;

/**
 * User text (a tile name, a server's argument) made safe to place in a sentence of either direction: wrapped
 * in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, with its own bidi controls paired inside it — a closer
 * without its opener is dropped, an opener left open is closed at the end — so no control reaches past it.
 * React text uses `<bdi>` for the isolation; this is for plain strings (form notifications, copied text).
 */
export function isolateBidi(text: string): string {
  /** The closer each control still open needs, innermost last. */
  const open: string[] = [];
  const paired = text.replace(BIDI_CONTROL, (control) => {
    if (control === POP_DIRECTIONAL_ISOLATE) {
      // A PDI closes its isolate and every embedding opened inside it (UAX #9).
      const index = open.lastIndexOf(POP_DIRECTIONAL_ISOLATE);
      if (index < 0) return "";
      open.length = index;
      return control;
    }
    if (control === POP_DIRECTIONAL_FORMATTING) {
      // A PDF closes only an embedding opened in the same isolate.
      if (open[open.length - 1] !== POP_DIRECTIONAL_FORMATTING) return "";
      open.pop();
      return control;
    }
    open.push(ISOLATE_INITIATOR.test(control) ? POP_DIRECTIONAL_ISOLATE : POP_DIRECTIONAL_FORMATTING);
    return control;
  });
  return `${FIRST_STRONG_ISOLATE}${paired}${open.reverse().join("")}${POP_DIRECTIONAL_ISOLATE}`;
}
