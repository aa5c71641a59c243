import { useCallback, useState } from 'react';

const KEY = 'ht:collapsed-groups';

function read(): Set<string> {
  try {
    const ids = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    return new Set(Array.isArray(ids) ? ids.filter((id) => typeof id === 'string') : []);
  } catch {
    return new Set();
  }
}

/** Which groups are folded on Today: this device's choice, kept across visits. */
export function useCollapsedGroups(): [ReadonlySet<string>, (id: string) => void] {
  const [collapsed, setCollapsed] = useState(read);
  const toggle = useCallback((id: string) => {
    setCollapsed((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      try {
        localStorage.setItem(KEY, JSON.stringify([...next]));
      } catch {
        // Private mode without storage: folded for this visit only.
      }
      return next;
    });
  }, []);
  return [collapsed, toggle];
}
