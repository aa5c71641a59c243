/**
 * Loop's habit colours. Its database stores a colour three ways, depending on the schema version
 * the file was last written at (PRAGMA user_version), and its CSV export writes '#RRGGBB':
 *
 * - version 21 on (Loop 1.8+): an index into the 20-colour palette of `PaletteColor.toCsvColor()`;
 * - versions 14–20 (Loop 1.5–1.7): an index into 1.x's 13-colour palette. Migration 21.sql maps
 *   it onto the 20 colours (0→0, 1→1, 2→4, 3→5 … 12→19), which is how the table below is built;
 * - before 14 (Loop 1.0–1.4): the Android ARGB integer itself (migration 14.sql turned the 13
 *   palette colours into indexes 0–12, anything else into 0). We keep the integer's colour, which
 *   is what the user saw.
 *
 * Transcribed from uhabits-core (PaletteColor.kt, migrations 14.sql and 21.sql). A value outside
 * the palette of its version is read as an ARGB integer, as some third-party writers store it.
 */
const LOOP_PALETTE = [
  '#d32f2f', //  0 red
  '#e64a19', //  1 deep orange
  '#f57c00', //  2 orange
  '#ff8f00', //  3 amber
  '#f9a825', //  4 yellow
  '#afb42b', //  5 lime
  '#7cb342', //  6 light green
  '#388e3c', //  7 green
  '#00897b', //  8 teal
  '#00acc1', //  9 cyan
  '#039be5', // 10 light blue
  '#1976d2', // 11 blue
  '#303f9f', // 12 indigo
  '#5e35b1', // 13 deep purple
  '#8e24aa', // 14 purple
  '#d81b60', // 15 pink
  '#5d4037', // 16 brown
  '#303030', // 17 dark grey
  '#757575', // 18 grey
  '#aaaaaa', // 19 light grey
] as const;

/** Migration 21.sql: where each of 1.x's 13 colours went in the 20-colour palette. */
const FROM_13_TO_20 = [0, 1, 4, 5, 7, 8, 9, 10, 13, 14, 15, 17, 19] as const;

/** The first schema versions of the 13-colour indexes (14.sql) and the 20-colour ones (21.sql). */
export const LOOP_INDEXED_COLORS_SINCE = 14;
export const LOOP_20_COLORS_SINCE = 21;

/** Loop's default colour (index 8, teal), for a database row without one. */
export const LOOP_DEFAULT_COLOR = LOOP_PALETTE[8];

function argbToHex(color: number): string {
  const rgb = (color >>> 0) & 0xffffff;
  return `#${rgb.toString(16).padStart(6, '0')}`;
}

/**
 * '#rrggbb' for a database colour written at `schemaVersion` (the file's user_version; the
 * newest reading when omitted).
 */
export function loopColorToHex(color: number, schemaVersion = LOOP_20_COLORS_SINCE): string {
  if (!Number.isInteger(color)) return LOOP_DEFAULT_COLOR;
  if (schemaVersion < LOOP_INDEXED_COLORS_SINCE) return argbToHex(color);
  if (schemaVersion < LOOP_20_COLORS_SINCE) {
    const index = FROM_13_TO_20[color];
    return index === undefined ? argbToHex(color) : LOOP_PALETTE[index];
  }
  return color >= 0 && color < LOOP_PALETTE.length ? LOOP_PALETTE[color]! : argbToHex(color);
}

/** The palette index (0–19) of the colour closest to `hex`, for a backup Loop reads. */
export function nearestLoopColor(hex: string): number {
  const rgb = (h: string) => [1, 3, 5].map((i) => Number.parseInt(h.slice(i, i + 2), 16));
  const [r, g, b] = rgb(hex);
  let best = 0;
  let bestDistance = Number.POSITIVE_INFINITY;
  LOOP_PALETTE.forEach((candidate, index) => {
    const [cr, cg, cb] = rgb(candidate);
    // Weighted for the eye (the "redmean" approximation is overkill for 20 distinct colours).
    const distance = 2 * (r! - cr!) ** 2 + 4 * (g! - cg!) ** 2 + 3 * (b! - cb!) ** 2;
    if (distance < bestDistance) {
      best = index;
      bestDistance = distance;
    }
  });
  return best;
}
