import type { CSSProperties } from 'react';
import { readableOn } from '../lib/format';

/**
 * The habit's colour travels as CSS custom properties set through the CSSOM (React's `style`
 * prop), which a strict CSP without 'unsafe-inline' for styles still allows.
 */
export function habitColorStyle(color: string): CSSProperties {
  return { '--hc': color, '--on-hc': readableOn(color) } as CSSProperties;
}

export function HabitIcon({ icon, name, color }: { icon: string; name: string; color: string }) {
  return (
    <span className="habit-icon" style={habitColorStyle(color)} aria-hidden="true">
      {icon || name.trim().charAt(0).toUpperCase() || '•'}
    </span>
  );
}
