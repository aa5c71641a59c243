/**
 * Loop stores a habit's colour in its database as an index into its 20-colour palette; its CSV
 * export writes the same colours as '#RRGGBB'. The table is transcribed from Loop's
 * `PaletteColor.toCsvColor()` (uhabits-core, 2021; the same 20 Material colours as 1.x's
 * `ColorUtils.CSV_PALETTE`). Colour values outside 0–19 are taken as Android ARGB integers, which
 * some third-party writers of Loop databases use.
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

/** Loop's default colour (index 8, teal), for a database row without one. */
export const LOOP_DEFAULT_COLOR = LOOP_PALETTE[8];

/** '#rrggbb' for a database colour: a palette index, or an ARGB integer (alpha dropped). */
export function loopColorToHex(color: number): string {
  if (Number.isInteger(color) && color >= 0 && color < LOOP_PALETTE.length) {
    return LOOP_PALETTE[color]!;
  }
  const rgb = (color >>> 0) & 0xffffff;
  return `#${rgb.toString(16).padStart(6, '0')}`;
}
