/**
 * Errors in the active language. api/client.ts says which sentences an error needs (message ids,
 * so the service worker that shares it carries no catalog); this phrases them.
 *
 * English readers see the server's own sentences for field problems and for the codes whose
 * message says more (how much room is left…): they are English already and more specific. Other
 * languages get the issue's code phrased with its bound ("at least 8 characters") — zod's, or
 * one of the server's own checks' — and the server's English only where no code says what went
 * wrong (a newer server's code this build does not know).
 */
import {
  describeError,
  type ErrorDescription,
  type ErrorPhrase,
  type IssueDescription,
} from '../../api/client';
import { currentLocale, formatLocale, t } from '../../i18n/i18n';

export type { ErrorDescription };

const english = () => currentLocale() === 'en';

/** Two sentences one after the other, as the language writes them (no space in Japanese). */
const sentences = (first: string, second: string) => t('error.sentences', { first, second });

const phrase = (p: ErrorPhrase) => t(p.id, p.values);

/** "30 seconds", "٣٠ ثانية": whole seconds under 90, else whole minutes. */
export function formatWait(seconds: number): string {
  const [value, unit] =
    seconds < 90 ? [Math.ceil(seconds), 'second'] : [Math.ceil(seconds / 60), 'minute'];
  return new Intl.NumberFormat(formatLocale(), { style: 'unit', unit, unitDisplay: 'long' }).format(
    value,
  );
}

/** A field problem alone, for beside its input. */
function problemText(issue: IssueDescription): string {
  if (english() || !issue.problem) return issue.message;
  return phrase(issue.problem);
}

/**
 * A field problem with its field named: "Name: Too small…". A field without a label is named by
 * its API path only in English, or beside the server's English sentence: a translated problem
 * stands alone rather than after an English "query.from".
 */
function issueText(issue: IssueDescription): string {
  const problem = problemText(issue);
  if (!issue.path) return problem;
  if (issue.label) return t('error.fieldIssue', { field: t(issue.label), problem });
  if (!english() && issue.problem) return problem;
  return t('error.fieldIssue', { field: issue.path, problem });
}

/** "Habits.csv, line 3: message" for each problem of an import_invalid error. */
function problemLines(description: ErrorDescription): string[] {
  return description.problems.map(({ file, line, message }) => {
    const where =
      file && line
        ? t('error.import.fileLine', { file, line: String(line) })
        : file
          ? file
          : line
            ? t('error.import.line', { line: String(line) })
            : null;
    return where ? t('error.fieldIssue', { field: where, problem: message }) : message;
  });
}

/** One sentence a person can act on, in the active language, from a description. */
export function errorText(description: ErrorDescription): string {
  const { sentence, message, serverSaysMore, code } = description;
  let text =
    sentence && !(serverSaysMore && english() && message)
      ? t(sentence)
      : message || t('error.unknown');
  if (code === 'rate_limited') {
    text = sentences(
      text,
      description.waitSeconds
        ? t('error.waitFor', { wait: formatWait(description.waitSeconds) })
        : t('error.waitLittle'),
    );
  }
  const details =
    description.problems.length > 0 ? problemLines(description) : description.issues.map(issueText);
  if (details.length > 0) {
    text = sentences(text, t('error.details', { list: details.join(t('error.detailsJoin')) }));
  }
  return text;
}

/** One sentence a person can act on, for any error the API client throws. */
export function friendlyError(error: unknown): string {
  return errorText(describeError(error));
}

/** Why the server refused a queued check-in (older records stored English text). */
export function rejectedReason(rejected: { reason?: ErrorDescription; message?: string }): string {
  if (rejected.reason) return errorText(rejected.reason);
  return rejected.message ?? t('error.unknown');
}

/** `import_invalid` details as "Habits.csv, line 3: message" (docs/api.md, "Import"). */
export function importProblems(error: unknown): string[] {
  return problemLines(describeError(error));
}

/** Field path → message, for forms that show errors beside their inputs. */
export function fieldErrors(error: unknown): Record<string, string> {
  return Object.fromEntries(
    describeError(error).issues.map((issue) => [issue.path, problemText(issue)]),
  );
}
