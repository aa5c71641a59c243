/**
 * The round-trip-time model of the lab (lab/rtt.json: region-to-region and user-to-region RTTs;
 * its `about` field says where the figures come from). Everything that delays bytes reads it here.
 */
import { readFileSync } from 'node:fs';

export type Region = 'iad' | 'fra' | 'sin';
export type UserName = 'virginia' | 'frankfurt' | 'singapore';

/** The regions the lab runs (rtt.json also lists nrt, which the lab leaves out to stay small). */
export const REGIONS: readonly Region[] = ['iad', 'fra', 'sin'];
export const PRIMARY_REGION: Region = 'iad';
export const USERS: readonly UserName[] = ['virginia', 'frankfurt', 'singapore'];

interface RttFile {
  about: string;
  region_rtt_ms: Record<string, number>;
  users: Record<string, { nearest: string; rtt_to_nearest_ms: number }>;
  user_to_region_rtt_ms: Record<string, Record<string, number>>;
}

const file = JSON.parse(readFileSync(new URL('../rtt.json', import.meta.url), 'utf8')) as RttFile;

export const RTT_ABOUT = file.about;

/** Round trip between two regions (0 within one). */
export function regionRtt(a: Region, b: Region): number {
  if (a === b) return 0;
  const value = file.region_rtt_ms[`${a}-${b}`] ?? file.region_rtt_ms[`${b}-${a}`];
  if (value === undefined) throw new Error(`rtt.json has no round trip for ${a}-${b}`);
  return value;
}

/** The region nearest a user (where Fly's anycast would land them). */
export function nearestRegion(user: UserName): Region {
  const nearest = file.users[user]?.nearest;
  if (!nearest || !REGIONS.includes(nearest as Region)) {
    throw new Error(`rtt.json: no lab region is nearest to ${user}`);
  }
  return nearest as Region;
}

/** Round trip from a user to a region's edge. */
export function userRtt(user: UserName, region: Region): number {
  const value = file.user_to_region_rtt_ms[user]?.[region];
  if (value === undefined) throw new Error(`rtt.json has no round trip for ${user}-${region}`);
  return value;
}
