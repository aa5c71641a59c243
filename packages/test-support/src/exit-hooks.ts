/**
 * Cleanup that must run however the test process ends: on exit, and on Ctrl-C or SIGTERM (which
 * would otherwise kill it without running 'exit' listeners). Daemons and servers started as
 * detached processes outlive a test process that forgets them.
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
