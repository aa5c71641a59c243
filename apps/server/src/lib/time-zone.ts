import { normalizeTimeZone } from '@habit-tracker/core';

/**
 * Time zones are matched case-insensitively ('asia/kolkata' is valid input) but stored in their
 * canonical spelling, so every client displays the same name. Input is already validated.
 */
export function canonicalTimeZone(timeZone: string): string {
  return normalizeTimeZone(timeZone) ?? timeZone;
}
