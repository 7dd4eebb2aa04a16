export type CopyResult = "copied" | "failed";

/**
 * Puts text on the clipboard with the async Clipboard API; "failed" where the page may not use it
 * (no secure context, permission refused), and the panel then offers the text to copy by hand.
 */
export async function copyText(text: string): Promise<CopyResult> {
  try {
    await navigator.clipboard.writeText(text);
    return "copied";
  } catch {
    return "failed";
  }
}
