export const COLORS = [
  { value: '#ef4444', name: 'Red' },
  { value: '#f97316', name: 'Orange' },
  { value: '#eab308', name: 'Yellow' },
  { value: '#22c55e', name: 'Green' },
  { value: '#14b8a6', name: 'Teal' },
  { value: '#0ea5e9', name: 'Sky' },
  { value: '#3b82f6', name: 'Blue' },
  { value: '#6366f1', name: 'Indigo' },
  { value: '#a855f7', name: 'Purple' },
  { value: '#ec4899', name: 'Pink' },
  { value: '#64748b', name: 'Slate' },
] as const;

export const ICONS = [
  '📚',
  '🏃',
  '💧',
  '🧘',
  '💪',
  '🥗',
  '😴',
  '✍️',
  '🎸',
  '🧹',
  '💊',
  '🚭',
  '☕',
  '🌿',
  '🦷',
  '📵',
];

/** Today's date in a zone (day-start hour ignored: only a default for a form field). */
export function dateInZone(timeZone: string, at = new Date()): string {
  try {
    return new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(at);
  } catch {
    return at.toISOString().slice(0, 10);
  }
}
