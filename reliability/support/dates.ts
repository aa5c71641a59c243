/**
 * Calendar dates for the reliability suite's users, who are all in UTC (seeded or signed up
 * without a zone), so the app's today for them is this machine's UTC date. The suite writes to
 * today or past days only: a run that crosses midnight turns "today" into yesterday, which the
 * server still accepts, so no test depends on the hour it runs at.
 */
export function utcDate(daysAgo = 0, now = new Date()): string {
  return new Date(now.getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10);
}
