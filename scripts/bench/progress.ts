/**
 * A small progress bar on stderr. On a terminal it redraws one line; elsewhere (CI logs, files)
 * it prints a line at every 10%, so logs stay short and still show that seeding moves.
 */
export interface Progress {
  /** Marks `amount` more units as done. */
  advance(amount?: number): void;
  /** Completes the bar and prints the elapsed time. Returns the elapsed milliseconds. */
  finish(): number;
}

const BAR_WIDTH = 30;

export function createProgress(label: string, total: number): Progress {
  const isTty = process.stderr.isTTY === true;
  const startedAt = performance.now();
  let done = 0;
  let lastDecile = -1;
  let finished = false;

  const draw = () => {
    const ratio = total > 0 ? Math.min(1, done / total) : 1;
    const percent = Math.floor(ratio * 100);
    const elapsed = ((performance.now() - startedAt) / 1000).toFixed(1);
    if (isTty) {
      const filled = Math.round(ratio * BAR_WIDTH);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
      process.stderr.write(`\r${label} ${bar} ${String(percent).padStart(3)}% ${elapsed}s`);
      return;
    }
    const decile = Math.floor(percent / 10);
    if (decile === lastDecile) return;
    lastDecile = decile;
    process.stderr.write(`${label} ${decile * 10}% (${elapsed}s)\n`);
  };

  draw();
  return {
    advance(amount = 1) {
      done += amount;
      draw();
    },
    finish() {
      const elapsedMs = performance.now() - startedAt;
      if (finished) return elapsedMs;
      finished = true;
      done = total;
      draw();
      if (isTty) process.stderr.write('\n');
      return elapsedMs;
    },
  };
}
