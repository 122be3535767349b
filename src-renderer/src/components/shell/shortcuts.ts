/** True on macOS, where the app's shortcuts use Command in place of Control. */
export function isMac(): boolean {
  return /Mac/i.test(navigator.platform);
}

/** Renders a Control (or Command) chord for display, e.g. `Ctrl+1` or `⌘1`. */
export function shortcutLabel(key: string): string {
  return isMac() ? `⌘${key}` : `Ctrl+${key}`;
}

/** True when a key press belongs to a text field, so single-key shortcuts must leave it alone. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
}
