/**
 * Files the file tests upload, made on the spot: images drawn on a canvas in the page (so the
 * browser's own encoder writes real JPEG/PNG bytes) and Loop Habit Tracker CSV exports zipped
 * with fflate, written the way Loop writes them (see packages/portability's fixtures).
 */
import { zipSync } from 'fflate';
import type { Page } from 'playwright-core';

/** A width × height image with a gradient and a sun, encoded by the page's canvas. */
export async function drawImage(
  page: Page,
  type: 'image/png' | 'image/jpeg',
  width = 640,
  height = 480,
): Promise<Buffer> {
  const bytes = await page.evaluate(
    async ({ type, width, height }) => {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const g = canvas.getContext('2d')!;
      const sky = g.createLinearGradient(0, 0, 0, height);
      sky.addColorStop(0, '#1e3a8a');
      sky.addColorStop(1, '#f59e0b');
      g.fillStyle = sky;
      g.fillRect(0, 0, width, height);
      g.fillStyle = '#fde68a';
      g.beginPath();
      g.arc(width / 2, height * 0.7, height / 5, 0, Math.PI * 2);
      g.fill();
      const blob = await new Promise<Blob>((resolve) =>
        canvas.toBlob((b) => resolve(b!), type, 0.9),
      );
      return [...new Uint8Array(await blob.arrayBuffer())];
    },
    { type, width, height },
  );
  return Buffer.from(bytes);
}

export type LoopMark = 'YES_MANUAL' | 'YES_AUTO' | 'SKIP' | 'NO' | 'UNKNOWN';

export interface LoopHabit {
  name: string;
  /** Loop's frequency: 1/1 daily, 3/7 three times a week… */
  num: number;
  den: number;
  color: string;
  /** date → mark; days not listed are UNKNOWN. */
  marks: Record<string, LoopMark>;
}

const HABITS_HEADER =
  'Position,Name,Type,Question,Description,FrequencyNumerator,FrequencyDenominator,Color,Unit,Target Type,Target Value,Archived?';

/**
 * Loop's "Export as CSV" zip, reduced to what the importer needs: Habits.csv and the root
 * Checkmarks.csv (hand-written by Loop: names unquoted, a comma after every cell, newest first).
 */
export function loopCsvZip(habits: LoopHabit[], days: string[]): Buffer {
  let habitsCsv = `${HABITS_HEADER}\n`;
  habits.forEach((h, i) => {
    const position = String(i + 1).padStart(3, '0');
    habitsCsv += `${position},${h.name},YES_NO,,,${h.num},${h.den},${h.color},,,,false\n`;
  });
  let checkmarks = `Date,${habits.map((h) => `${h.name},`).join('')}\n`;
  for (const day of [...days].sort().reverse()) {
    checkmarks += `${day},${habits.map((h) => `${h.marks[day] ?? 'UNKNOWN'},`).join('')}\n`;
  }
  return zipFiles({ 'Habits.csv': habitsCsv, 'Checkmarks.csv': checkmarks });
}

export function zipFiles(files: Record<string, string>): Buffer {
  const encoded = Object.fromEntries(
    Object.entries(files).map(([name, text]) => [name, new TextEncoder().encode(text)]),
  );
  return Buffer.from(zipSync(encoded));
}
