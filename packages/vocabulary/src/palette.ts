/**
 * The habit colours: the picker offers them, and a habit created without one gets the next in
 * this order (so a fresh list is not all one colour — neighbours differ in hue). Any `#rrggbb`
 * is accepted; these are the ones offered.
 */
export const HABIT_COLORS = [
  { value: '#3b82f6', name: 'Blue' },
  { value: '#22c55e', name: 'Green' },
  { value: '#eab308', name: 'Yellow' },
  { value: '#ef4444', name: 'Red' },
  { value: '#a855f7', name: 'Purple' },
  { value: '#ec4899', name: 'Pink' },
  { value: '#14b8a6', name: 'Teal' },
  { value: '#f97316', name: 'Orange' },
  { value: '#6366f1', name: 'Indigo' },
  { value: '#0ea5e9', name: 'Sky' },
  { value: '#64748b', name: 'Slate' },
] as const;

export type HabitColor = (typeof HABIT_COLORS)[number]['value'];

/** The colour of a new habit when the user has `existing` habits and picked none. */
export function defaultHabitColor(existing: number): HabitColor {
  return HABIT_COLORS[existing % HABIT_COLORS.length]!.value;
}
