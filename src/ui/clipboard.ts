/**
 * Puts text on the clipboard with the async Clipboard API; false where the page may not use it
 * (no secure context, permission refused), and the panel then offers the text to copy by hand.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
