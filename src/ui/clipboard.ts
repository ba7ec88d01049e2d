/**
 * Writes to the clipboard with the async Clipboard API, from the click that
 * asked for it (the user gesture it needs). HTML goes as text/html with its
 * source as text/plain where the browser takes a ClipboardItem, else as
 * text. False when the page's permissions policy or the browser refuses:
 * the caller then offers the text to select and copy by hand.
 */

/** The part of `navigator.clipboard` used here (test seam). */
export type ClipboardLike = {
  writeText(data: string): Promise<void>;
  write?(items: ClipboardItem[]): Promise<void>;
};

type ItemConstructor = new (items: Record<string, Blob>) => ClipboardItem;

export type ClipContent = { text: string; html?: string };

export async function writeClipboard(
  clipboard: ClipboardLike | undefined,
  content: ClipContent,
  Item: ItemConstructor | undefined = (globalThis as { ClipboardItem?: ItemConstructor }).ClipboardItem,
): Promise<boolean> {
  if (!clipboard) return false;
  if (content.html !== undefined && clipboard.write && Item) {
    try {
      const blob = (s: string, type: string) => new Blob([s], { type });
      await clipboard.write([new Item({ 'text/html': blob(content.html, 'text/html'), 'text/plain': blob(content.text, 'text/plain') })]);
      return true;
    } catch {
      // Some contexts refuse ClipboardItem but take plain text: try that before giving up.
    }
  }
  try {
    await clipboard.writeText(content.text);
    return true;
  } catch {
    return false;
  }
}

/** The clipboard of the document's window, if it has one (an insecure page has none). */
export function defaultClipboard(): ClipboardLike | undefined {
  return (globalThis as { navigator?: { clipboard?: ClipboardLike } }).navigator?.clipboard;
}
