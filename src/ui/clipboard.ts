export type CopyResult = "copied" | "failed";

/**
 * Puts text on the clipboard: the async Clipboard API where the page may use it, else a selected
 * off-screen text area and the copy command (older hosts, iframes without clipboard permission).
 */
export async function copyText(text: string, doc: Document = document): Promise<CopyResult> {
  const clipboard = doc.defaultView?.navigator.clipboard;
  if (clipboard?.writeText) {
    try {
      await clipboard.writeText(text);
      return "copied";
    } catch {
      // Permission refused or not focused: try the older way below.
    }
  }
  return copyWithSelection(text, doc);
}

function copyWithSelection(text: string, doc: Document): CopyResult {
  const area = doc.createElement("textarea");
  area.value = text;
  area.readOnly = true;
  Object.assign(area.style, { position: "fixed", top: "-1000px", opacity: "0" });
  doc.body.appendChild(area);
  const previousFocus = doc.activeElement as HTMLElement | null;
  try {
    area.select();
    return doc.execCommand("copy") ? "copied" : "failed";
  } catch {
    // Also where the document has no copy command at all.
    return "failed";
  } finally {
    doc.body.removeChild(area);
    previousFocus?.focus?.();
  }
}
