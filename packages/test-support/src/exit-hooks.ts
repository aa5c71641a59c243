/** Processes' lives, as the harnesses need them. */

/**
 * Cleanup that must run however the test process ends: on exit, and on Ctrl-C or SIGTERM (which
 * would otherwise kill it without running 'exit' listeners). Daemons started as detached
 * processes outlive a test process that forgets them.
 */
export function onProcessEnd(cleanup: () => void): void {
  process.on('exit', cleanup);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    const onSignal = () => {
      cleanup();
      // Listening to a signal cancels Node's default of dying from it. When nobody else (a
      // runner, a script forwarding to its child) handles it, die the way we were asked to.
      process.off(signal, onSignal);
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

/** Whether a process with this pid exists (EPERM: it does, but is someone else's). */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
