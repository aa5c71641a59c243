import { useEffect, useRef } from 'react';
import { hasNavigated } from '../../router';

/**
 * After an in-app navigation, focus moves to the new screen's heading so screen readers
 * announce it (and keyboard users start from the top), and the document title follows.
 */
export function useHeadingFocus<T extends HTMLElement>(title: string) {
  const ref = useRef<T>(null);
  useEffect(() => {
    document.title = `${title} · Habit Tracker`;
    if (hasNavigated) ref.current?.focus({ preventScroll: true });
  }, [title]);
  return ref;
}
