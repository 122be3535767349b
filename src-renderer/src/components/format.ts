/** Formats an ISO timestamp as date and time with the time zone, in the UI language. */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;

  // dateStyle and timeStyle cannot be combined with timeZoneName, so the parts are listed one by one.
  return new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short'
  }).format(date);
}

/** Returns the seconds between two ISO timestamps with one decimal, or null when either is invalid. */
export function durationSeconds(startIso: string, endIso: string, language: string): string | null {
  const milliseconds = Date.parse(endIso) - Date.parse(startIso);
  if (Number.isNaN(milliseconds)) return null;
  return new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(milliseconds / 1000);
}
