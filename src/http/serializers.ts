/** ISO 8601 UTC without milliseconds, the API's one date format: `2024-01-15T10:30:00Z`. */
export function toIso(date: Date): string;
export function toIso(date: Date | null): string | null;
export function toIso(date: Date | null): string | null {
  // toISOString is always YYYY-MM-DDTHH:mm:ss.sssZ for years 0–9999: drop the milliseconds.
  return date === null ? null : `${date.toISOString().slice(0, 19)}Z`;
}
