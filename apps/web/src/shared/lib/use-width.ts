import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * The element's content width, kept current: charts draw at real pixels, so text never
 * stretches, and Today's grid shows as many days as fit. A callback ref, so an element that
 * appears later (after a loading state) is measured too.
 */
export function useWidth<T extends HTMLElement>(fallback = 320) {
  const [width, setWidth] = useState(fallback);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback(
    (el: T | null) => {
      observer.current?.disconnect();
      observer.current = null;
      if (!el) return;
      setWidth(el.clientWidth || fallback);
      observer.current = new ResizeObserver(([entry]) => {
        if (entry) setWidth(Math.round(entry.contentRect.width) || fallback);
      });
      observer.current.observe(el);
    },
    [fallback],
  );
  useEffect(() => () => observer.current?.disconnect(), []);
  return [ref, width] as const;
}
