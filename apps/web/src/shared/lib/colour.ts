/**
 * Colour arithmetic for habit colours (WCAG relative luminance). A day's fill must stand out
 * from the page by 3:1 in light and dark (WCAG 1.4.11), whatever colour the user picked: a
 * yellow on white does not, so it is darkened until it does (and lightened on dark pages).
 */
type Rgb = [number, number, number];

function parse(hex: string): Rgb | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  return m ? ([m[1]!, m[2]!, m[3]!].map((h) => Number.parseInt(h, 16)) as Rgb) : null;
}

const toHex = (rgb: Rgb) =>
  `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

export function luminance(hex: string): number {
  const rgb = parse(hex);
  if (!rgb) return 0;
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Black or white, whichever reads better on `hex`. */
export function readableOn(hex: string): '#000' | '#fff' {
  const l = luminance(hex);
  return (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? '#000' : '#fff';
}

/**
 * `hex`, mixed towards black (light pages) or white (dark pages) in 5 % steps until it has
 * `ratio` contrast with every one of `pages`.
 */
export function withContrast(hex: string, pages: readonly string[], ratio = 3): string {
  const rgb = parse(hex);
  if (!rgb) return hex;
  const dark = pages.every((p) => luminance(p) < 0.2);
  const target: Rgb = dark ? [255, 255, 255] : [0, 0, 0];
  for (let step = 0; step <= 20; step++) {
    const t = step / 20;
    const mixed = toHex(rgb.map((c, i) => c + (target[i]! - c) * t) as Rgb);
    if (pages.every((p) => contrast(mixed, p) >= ratio)) return mixed;
  }
  return toHex(target);
}

/** The page and card colours of styles.css, light and dark. */
export const LIGHT_PAGES = ['#f5f6f8', '#ffffff'] as const;
export const DARK_PAGES = ['#0f1115', '#181b21'] as const;
