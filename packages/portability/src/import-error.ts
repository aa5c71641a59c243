/**
 * Why an upload was refused. Problems name the file (and line, for CSV) so a user can find the
 * row in a spreadsheet; a whole file is checked before anything is thrown, so one upload shows all
 * of its problems instead of one per attempt.
 */

export interface ImportProblem {
  file: string;
  /** 1-based; a CSV header is line 1. Absent for problems about a whole file or a database row. */
  line?: number;
  message: string;
}

/**
 * User input quoted in a message is cut to this: enough to find the cell, never a whole hostile
 * value echoed back (a 1 MB name would otherwise come back in every problem that mentions it).
 */
export const EXCERPT_CHARS = 60;
const MAX_FILE_CHARS = 200;
const MAX_MESSAGE_CHARS = 400;

/** A piece of user input, short enough to quote. */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function bounded(problem: ImportProblem): ImportProblem {
  const file = excerpt(problem.file, MAX_FILE_CHARS);
  const message = excerpt(problem.message, MAX_MESSAGE_CHARS);
  return problem.line === undefined ? { file, message } : { file, line: problem.line, message };
}

export class ImportError extends Error {
  readonly problems: ImportProblem[];
  /** Problems found beyond the ones kept (see ProblemList.MAX). */
  readonly omitted: number;

  constructor(problems: ImportProblem[], omitted = 0) {
    // Every problem is bounded here, whichever parser made it: file names come from inside
    // zips and messages may quote cells, both chosen by whoever made the file.
    const kept = problems.map(bounded);
    super(summary(kept, omitted));
    this.name = 'ImportError';
    this.problems = kept;
    this.omitted = omitted;
  }
}

function where(p: ImportProblem): string {
  return p.line === undefined ? p.file : `${p.file}, line ${p.line}`;
}

function summary(problems: ImportProblem[], omitted: number): string {
  const first = problems[0];
  if (!first) return 'The file could not be imported';
  const more = problems.length - 1 + omitted;
  return `${where(first)}: ${first.message}${more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : ''}`;
}

/** A single problem that stops the import at once (wrong file type, damaged file). */
export function importFailure(file: string, message: string, line?: number): ImportError {
  return new ImportError([line === undefined ? { file, message } : { file, line, message }]);
}

/** Problems gathered while reading a whole input; thrown together at the end. */
export class ProblemList {
  /** Enough to fix a file in one go; a file broken on every row does not need 36,000 messages. */
  static readonly MAX = 100;
  readonly items: ImportProblem[] = [];
  private omitted = 0;

  add(file: string, message: string, line?: number): void {
    if (this.items.length >= ProblemList.MAX) {
      this.omitted++;
      return;
    }
    this.items.push(line === undefined ? { file, message } : { file, line, message });
  }

  get isEmpty(): boolean {
    return this.items.length === 0;
  }

  throwIfAny(): void {
    if (!this.isEmpty) throw new ImportError(this.items, this.omitted);
  }
}
