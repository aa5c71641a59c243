/** The icons the habit editor offers (any emoji may be typed); its colours are the vocabulary's HABIT_COLORS. */
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
