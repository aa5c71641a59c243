import type { CSSProperties } from 'react';
import { DARK_PAGES, LIGHT_PAGES, readableOn, withContrast } from '../lib/colour';

const cache = new Map<string, CSSProperties>();

/**
 * The habit's colour travels as CSS custom properties set through the CSSOM (React's `style`
 * prop), which a strict CSP without 'unsafe-inline' for styles still allows. `--hc-fill-light`
 * and `--hc-fill-dark` are the colour adjusted to 3:1 against the page in each theme: what a
 * done day is filled with (styles.css picks one per theme).
 */
export function habitColorStyle(color: string): CSSProperties {
  let style = cache.get(color);
  if (!style) {
    const light = withContrast(color, LIGHT_PAGES);
    const dark = withContrast(color, DARK_PAGES);
    style = {
      '--hc': color,
      '--on-hc': readableOn(color),
      '--hc-fill-light': light,
      '--on-hc-fill-light': readableOn(light),
      '--hc-fill-dark': dark,
      '--on-hc-fill-dark': readableOn(dark),
    } as CSSProperties;
    cache.set(color, style);
  }
  return style;
}

export function HabitIcon({ icon, name, color }: { icon: string; name: string; color: string }) {
  return (
    <span className="habit-icon" style={habitColorStyle(color)} aria-hidden="true">
      {icon || name.trim().charAt(0).toUpperCase() || '•'}
    </span>
  );
}
