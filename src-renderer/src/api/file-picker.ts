/**
 * Chooses file paths for the channels that take one (`snapshots:openFile`, `export:*`).
 *
 * In Electron, main shows the native open or save dialog and ignores a path, so the picker returns
 * undefined. In a plain browser (the test harness) there is no native dialog: the picker prompts with
 * `window.prompt` and returns null when the auditor cancels.
 */
export interface FilePicker {
  choose(question: string, suggestion: string): string | undefined | null;
}

export const nativeDialogPicker: FilePicker = {
  choose: () => undefined
};

export const promptPicker: FilePicker = {
  choose(question, suggestion) {
    const answer = window.prompt(question, suggestion);
    return answer === null || answer.trim() === '' ? null : answer.trim();
  }
};
