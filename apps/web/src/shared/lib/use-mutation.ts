/**
 * One place for what every button that writes does: busy while it runs (so it cannot be sent
 * twice), the error in words a person can act on (and per field, for forms), a toast on
 * success, and Today refreshed afterwards — a habit, a setting or an import changes what Today
 * shows. Screens call `run()` and render `busy` / `error` / `fields`.
 */
import { useCallback, useRef, useState } from 'react';
import { fieldErrors, friendlyError } from '../../api/client';
import { loadToday } from '../../today/store';
import { toast } from '../components/toast';

export interface MutationOptions<T> {
  /** A toast once it worked. */
  success?: string | ((result: T) => string);
  /** Show the error as a toast too (buttons without a form around them). */
  errorToast?: boolean;
  /** Refresh Today afterwards (default true). */
  refreshToday?: boolean;
  onSuccess?: (result: T) => void;
}

export interface Mutation<A extends unknown[], T> {
  /** Resolves with the result, or undefined when it failed (the error is in `error`). */
  run: (...args: A) => Promise<T | undefined>;
  busy: boolean;
  error: string | null;
  /** The server's per-field messages (`validation_failed`), by path. */
  fields: Record<string, string>;
  reset: () => void;
}

export function useMutation<A extends unknown[], T>(
  fn: (...args: A) => Promise<T>,
  options: MutationOptions<T> = {},
): Mutation<A, T> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const latest = useRef({ fn, options });
  latest.current = { fn, options };
  const running = useRef(false);

  const run = useCallback(async (...args: A) => {
    if (running.current) return undefined;
    running.current = true;
    setBusy(true);
    setError(null);
    setFields({});
    const { fn: call, options: opts } = latest.current;
    try {
      const result = await call(...args);
      if (opts.refreshToday !== false) void loadToday();
      const message = typeof opts.success === 'function' ? opts.success(result) : opts.success;
      if (message) toast(message);
      opts.onSuccess?.(result);
      return result;
    } catch (e) {
      const text = friendlyError(e);
      setError(text);
      setFields(fieldErrors(e));
      if (opts.errorToast) toast(text, { tone: 'error' });
      return undefined;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);

  const reset = useCallback(() => {
    setError(null);
    setFields({});
  }, []);

  return { run, busy, error, fields, reset };
}
