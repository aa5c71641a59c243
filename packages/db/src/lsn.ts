/**
 * PostgreSQL WAL positions (LSNs), the currency of read-your-writes: the primary's position
 * after a commit says "everything I committed is at or before here"; a replica whose replay
 * position has reached it has seen the commit. PostgreSQL prints an LSN as two hex halves of a
 * 64-bit number, `16/B374D848`; comparing them as strings would be wrong ("9/0" > "10/0").
 */

/** An LSN as PostgreSQL prints it: `XXXXXXXX/XXXXXXXX` (hex, 1–8 digits each). */
export type Lsn = string;

const LSN_PATTERN = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/;

/** The 64-bit position of a printed LSN, or undefined when the text is not one. */
export function parseLsn(text: string | undefined | null): bigint | undefined {
  if (!text) return undefined;
  const match = LSN_PATTERN.exec(text.trim());
  if (!match) return undefined;
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

/** The printed form of a 64-bit position, as PostgreSQL writes it (upper-case hex). */
export function formatLsn(position: bigint): Lsn {
  if (position < 0n || position >= 1n << 64n) throw new RangeError('LSN out of range');
  const high = (position >> 32n).toString(16).toUpperCase();
  const low = (position & 0xffff_ffffn).toString(16).toUpperCase();
  return `${high}/${low}`;
}

/** True when position `reached` is at or past `target` (both printed LSNs). */
export function lsnReached(reached: Lsn, target: Lsn): boolean {
  const a = parseLsn(reached);
  const b = parseLsn(target);
  if (a === undefined || b === undefined)
    throw new Error(`not an LSN: ${a === undefined ? reached : target}`);
  return a >= b;
}

/** Bytes of WAL from `from` to `to` (negative when `to` is behind), like pg_wal_lsn_diff. */
export function lsnDiff(to: Lsn, from: Lsn): number {
  const a = parseLsn(to);
  const b = parseLsn(from);
  if (a === undefined || b === undefined)
    throw new Error(`not an LSN: ${a === undefined ? to : from}`);
  return Number(a - b);
}

/** The later of two printed LSNs; an unparsable one loses. */
export function laterLsn(a: Lsn | undefined, b: Lsn | undefined): Lsn | undefined {
  const pa = parseLsn(a);
  const pb = parseLsn(b);
  if (pa === undefined) return pb === undefined ? undefined : b;
  if (pb === undefined) return a;
  return pa >= pb ? a : b;
}
