/** Chromium (Debian's) through playwright-core, plus screenshot and accessibility helpers. */
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { ROOT } from './server';

export const SCREENSHOTS = join(ROOT, 'artifacts', 'screenshots');

/**
 * Under `npm run test:clock` this process runs inside faketime (LD_PRELOAD + FAKETIME), which
 * Chromium does not survive: it starts in about a minute and never finishes a page load. The
 * browser gets the real clock instead, and the pages get the moved one from Playwright's clock
 * (see openApp in app.ts).
 */
export const UNDER_FAKETIME = process.env.FAKETIME !== undefined;

function browserEnv(): Record<string, string | undefined> {
  if (!UNDER_FAKETIME) return process.env;
  const { LD_PRELOAD: _preload, FAKETIME: _faketime, ...env } = process.env;
  return env;
}

/**
 * Chromium, optionally with its clock moved by `clockOffsetSeconds` through a faketime wrapper
 * script (the browser is started by playwright): e2e/clock.test.ts, which moves the server's clock
 * by the same offset. Given as an offset from the real clock, faketime leaves the browser usable.
 */
export async function launchBrowser(
  options: { clockOffsetSeconds?: number } = {},
): Promise<Browser> {
  let executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (options.clockOffsetSeconds !== undefined) {
    const offset = Math.round(options.clockOffsetSeconds);
    const wrapper = join(mkdtempSync(join(tmpdir(), 'ht-faketime-')), 'chromium');
    writeFileSync(
      wrapper,
      `#!/bin/sh\nexec /usr/bin/faketime -f '${offset >= 0 ? '+' : '-'}${Math.abs(offset)}' ${executablePath} "$@"\n`,
    );
    chmodSync(wrapper, 0o755);
    executablePath = wrapper;
  }
  return chromium.launch({
    env: browserEnv(),
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const PHONE = { width: 360, height: 780 };
export const DESKTOP = { width: 1280, height: 800 };

/**
 * Nothing wider than the viewport: the page never scrolls sideways (issue 15: at 360 px the
 * import preview's button did). Returns what overflows, for the failure message.
 */
export async function sideScroll(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const doc = document.documentElement;
    if (doc.scrollWidth <= doc.clientWidth) return null;
    const wide = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > doc.clientWidth + 1)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    return `scrollWidth ${doc.scrollWidth} > ${doc.clientWidth}: ${wide.join(', ')}`;
  });
}

/** Saves `name-360.png` and `name-1280.png` (full page), restoring the desktop viewport. */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const size of [PHONE, DESKTOP]) {
    await page.setViewportSize(size);
    // Let layout (ResizeObserver-driven charts) settle at the new width.
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
    );
    // Every screen that gets screenshots is checked for sideways scrolling at both widths.
    const overflow = await sideScroll(page);
    if (overflow) throw new Error(`${name} at ${size.width} px scrolls sideways: ${overflow}`);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${size.width}.png`), fullPage: true });
  }
}

export interface AxeProblem {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/**
 * Waits for the page's finite CSS animations and transitions to end (a toast fading in, a button's
 * colour changing): axe reads colours as they are drawn, and a slow machine once caught a toast
 * half-way in, its text blended with the page. Endless or paused ones (a spinner) are not
 * waited for.
 */
async function animationsSettled(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter(
          (a) =>
            a.playState === 'running' &&
            a.effect?.getComputedTiming().endTime !== Number.POSITIVE_INFINITY,
        )
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

/** Serious and critical axe violations on the page as it is now, at phone and desktop width. */
export async function seriousViolations(page: Page): Promise<AxeProblem[]> {
  const problems: AxeProblem[] = [];
  for (const size of [PHONE, DESKTOP]) {
    await page.setViewportSize(size);
    await animationsSettled(page);
    const result = await new AxeBuilder({ page }).analyze();
    for (const v of result.violations) {
      if (v.impact !== 'serious' && v.impact !== 'critical') continue;
      problems.push({
        id: v.id,
        impact: v.impact,
        help: `${v.help} @${size.width}px`,
        targets: v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`),
      });
    }
  }
  return problems;
}
