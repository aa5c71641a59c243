/**
 * One place for what every button that writes does: busy while it runs (so it cannot be sent
 * twice), the error in words a person can act on (and per field, for forms), a toast on
 * success, and Today refreshed afterwards — a habit, a setting or an import changes what Today
 * shows. Screens call `run()` and render `busy` / `error` / `fields`.
 */
import { useCallback, useRef, useState } from 'react';
import { loadToday } from '../../today/store';
import { toast } from '../components/toast';
import { fieldErrors, friendlyError } from './errors';

export interface MutationOptions<T> {
  /** A toast once it worked (none for an empty or missing text). */
  success?: string | ((result: T) => string | undefined);
  /** Show the error as a toast too (buttons without a form around them). */
  errorToast?: boolean;
  /** Refresh Today afterwards (default true). */
  refreshToday?: boolean;
  onSuccess?: (result: T) => void;
  /** The error in words (default `friendlyError`), for actions whose errors are not the API's. */
  describe?: (error: unknown) => string;
}

/** What `run` resolves with: the result, or that it failed (the words are in `error`). */
export type Outcome<T> = { ok: true; value: T } | { ok: false };

export interface Mutation<A extends unknown[], T> {
  /** Never rejects; a second call while one runs is refused ({ ok: false }). */
  run: (...args: A) => Promise<Outcome<T>>;
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

  const run = useCallback(async (...args: A): Promise<Outcome<T>> => {
    if (running.current) return { ok: false };
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
      return { ok: true, value: result };
    } catch (e) {
      const text = (opts.describe ?? friendlyError)(e);
      setError(text);
      setFields(fieldErrors(e));
      if (opts.errorToast) toast(text, { tone: 'error' });
      return { ok: false };
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

/** What `oneMessage` needs of a mutation, or of any other message (a load's error, say). */
export interface Message {
  error: string | null;
  reset: () => void;
}

/**
 * Several writes behind one message, as one form: it shows the first error among them, and
 * `run` clears them all before a write starts, so no message outlives the action after it.
 */
export function oneMessage(...parts: Message[]) {
  return {
    error: parts.find((p) => p.error)?.error ?? null,
    run<A extends unknown[]>(mutation: { run: (...args: A) => Promise<unknown> }, ...args: A) {
      for (const p of parts) p.reset();
      void mutation.run(...args);
    },
  };
}
