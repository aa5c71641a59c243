/**
 * The server's password rule (packages/contract/src/password-policy.ts), told while typing: the
 * module holds a list of ~49,000 common passwords, so it is fetched only when someone starts
 * typing a new password, never in the first load. Until it arrives (or if it cannot), the server
 * still says the same on submit.
 */
import { LIMITS } from '@habit-tracker/vocabulary';
import { useEffect, useState } from 'react';
import { PASSWORD_RULE_PHRASES } from '../../api/client';
import { useT } from '../../i18n/i18n';

type Policy = typeof import('@habit-tracker/contract/password-policy');

let loading: Promise<Policy> | undefined;
const loadPolicy = () => {
  loading ??= import('@habit-tracker/contract/password-policy').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
};

/** Why `password` would be refused, or null (also while the rule is loading, or it is empty). */
export function usePasswordProblem(password: string, email?: string): string | null {
  const t = useT();
  const [policy, setPolicy] = useState<Policy | null>(null);
  useEffect(() => {
    if (password === '' || policy) return;
    let live = true;
    loadPolicy()
      .then((loaded) => {
        if (live) setPolicy(loaded);
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [password, policy]);
  if (!policy || password === '') return null;
  const kind = policy.passwordProblemKind(password, email ? { email } : {});
  return kind
    ? t(PASSWORD_RULE_PHRASES[kind], { min: LIMITS.passwordMin, max: LIMITS.passwordMax })
    : null;
}
