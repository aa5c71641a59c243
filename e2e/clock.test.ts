/**
 * An open page crosses the user's day start (issue 15: a page left open over midnight still
 * showed yesterday 72 s later, and a tap there saved to yesterday). The server and Chromium run
 * under Debian's faketime with their clocks moved so that the user's next day begins about a
 * minute after the test starts; the page, left alone, must move to the new day by itself, and
 * a tap after it must land on the new date.
 */
import { addDays, localDateOf, startOfLocalDay } from '@habit-tracker/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type AppSession,
  api,
  checkScreen,
  openApp,
  row,
  startAt,
  todayDate,
  USER_ZONE,
  waitSynced,
} from './support/app';
import { UNDER_FAKETIME } from './support/browser';

let app: AppSession;
/** How long after the processes start the user's next day begins (sign-up happens before). */
const LEAD_SECONDS = 100;

beforeAll(async () => {
  if (UNDER_FAKETIME) return;
  // The user's zone and day start (midnight, the sign-up default) by the real clock: put the
  // fake clock LEAD_SECONDS before the next day begins there.
  const settings = { timeZone: USER_ZONE, dayStartHour: 0 };
  const now = Date.now();
  const nextDay = startOfLocalDay(addDays(localDateOf(now, settings), 1), settings);
  const offset = (nextDay - now) / 1000 - LEAD_SECONDS;
  app = await openApp('clock', { clockOffsetSeconds: offset });
});

afterAll(async () => {
  await app?.close();
});

// Under `npm run test:clock` every process already runs on a moved clock (and pages on
// Playwright's): this file moves the clock itself, so it runs in the ordinary suite only.
describe.skipIf(UNDER_FAKETIME)('the clock', () => {
  test('the open page moves to the new day at the user’s day start', {
    timeout: 240_000,
  }, async () => {
    await startAt(app, '/sign-up');
    await app.page.getByLabel('Email').fill(`clock-${Date.now()}@example.com`);
    await app.page.getByLabel('Password', { exact: true }).fill('correct horse battery');
    await app.page.getByRole('button', { name: 'Create account' }).click();
    await app.page.getByText('No habits yet').waitFor();
    const created = await api<{ id: string }>(app, '/habits', {
      method: 'POST',
      data: { name: 'Read', measure: { kind: 'boolean' }, schedule: { kind: 'daily' } },
    });
    expect(created.status).toBe(201);
    await startAt(app);
    const before = await todayDate(app);
    await row(app, 'Read').waitFor();
    const todayCell = () => row(app, 'Read').getByTestId('check-button');
    await expect.poll(() => todayCell().getAttribute('data-date')).toBe(before);
    await todayCell().click(); // the old day, done
    await waitSynced(app);
    const nextDayAt = await app.page.evaluate(async () => {
      const res = await fetch('/api/v1/today');
      return ((await res.json()) as { nextDayAt: string }).nextDayAt;
    });
    const left = Date.parse(nextDayAt) - (await app.page.evaluate(() => Date.now()));
    console.log(`e2e clock: ${Math.round(left / 1000)} s to the user's next day (${nextDayAt})`);
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(LEAD_SECONDS * 1000);

    // Nobody touches the page: it moves on by itself, within seconds of the day start.
    const after = addDays(before, 1);
    await expect
      .poll(() => app.page.getByTestId('today-date').getAttribute('data-date'), {
        timeout: LEAD_SECONDS * 1000 + 15_000,
        interval: 500,
      })
      .toBe(after);
    const late = (await app.page.evaluate(() => Date.now())) - Date.parse(nextDayAt);
    console.log(
      `e2e clock: the page showed ${after} ${Math.round(late / 100) / 10} s after it began`,
    );
    expect(late).toBeLessThan(10_000);
    // Yesterday's tap is yesterday's column now; today starts empty.
    await expect.poll(() => todayCell().getAttribute('data-date')).toBe(after);
    await expect.poll(() => todayCell().getAttribute('data-status')).toBe('none');
    await expect
      .poll(() => row(app, 'Read').locator(`[data-date="${before}"]`).getAttribute('data-status'))
      .toBe('met');
    await checkScreen(app, '25-today-after-day-start');

    // A tap now lands on the new date.
    await todayCell().click();
    await waitSynced(app);
    expect(await todayDate(app)).toBe(after);
    const history = await api<{ checkins: { date: string }[] }>(
      app,
      `/habits/${created.body.id}/history?from=${before}&to=${after}`,
    );
    expect(history.body.checkins.map((c) => c.date)).toEqual([before, after]);
  });
});
