/** Calendar dates as the server sees them for a user in UTC (the seeded users' time zone). */
export function utcDate(daysAgo = 0, now = new Date()): string {
  return new Date(now.getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10);
}
