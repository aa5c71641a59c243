/**
 * What an import approximated or left out, as a stable code (@habit-tracker/vocabulary's
 * IMPORT_WARNING_CODES) with its values, for the web to say in the user's language, and the
 * English sentence, for API users and logs.
 */

import type { ImportWarningCode } from '@habit-tracker/vocabulary';

export { IMPORT_WARNING_CODES, type ImportWarningCode } from '@habit-tracker/vocabulary';

/** Placeholders only: a habit's name, a count, a unit… never a sentence. */
export type ImportWarningValues = Record<string, string | number>;

export interface ImportWarning {
  code: ImportWarningCode;
  values: ImportWarningValues;
  /** The warning in English. */
  message: string;
}

export function warning(
  code: ImportWarningCode,
  values: ImportWarningValues,
  message: string,
): ImportWarning {
  return { code, values, message };
}
