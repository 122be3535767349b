/** True on macOS, where the app's shortcuts use Command in place of Control. */
export function isMac(): boolean {
  return /Mac/i.test(navigator.platform);
}

/** Renders a Control (or Command) chord for display, e.g. `Ctrl+1`, `Strg+1` or `⌘1`; `control` is the key's local name. */
export function shortcutLabel(key: string, control: string): string {
  return isMac() ? `⌘${key}` : `${control}+${key}`;
}

/** True when a key press belongs to a text field, so single-key shortcuts must leave it alone. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
}
