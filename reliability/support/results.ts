/**
 * Every test's figures go two places: one compact line on the console (what a reader of the CI
 * log sees) and reliability/results/latest.json, one entry per test, merged across the run (what
 * docs/reliability.md is updated from). Files run one at a time, so the merge needs no lock.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { RESULTS_FILE } from './paths';

export type Figures = Record<string, unknown>;

export function reportFigures(name: string, figures: Figures): void {
  console.log(`[reliability] ${name}: ${compactLine(figures)}`);
  const all = readResults();
  all[name] = { recordedAt: new Date().toISOString(), ...figures };
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(all, null, 2)}\n`);
}

function readResults(): Record<string, Figures> {
  try {
    return JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Record<string, Figures>;
  } catch {
    return {};
  }
}

/** `a=1 b=2 c={x=1 y=2}`: nested objects inline, long arrays summarised by their length. */
function compactLine(figures: Figures): string {
  return Object.entries(figures)
    .map(([key, value]) => `${key}=${compactValue(value)}`)
    .join(' ');
}

function compactValue(value: unknown): string {
  if (Array.isArray(value)) {
    return value.length > 5 ? `[${value.length} items]` : `[${value.map(compactValue).join(',')}]`;
  }
  if (value && typeof value === 'object') return `{${compactLine(value as Figures)}}`;
  if (typeof value === 'number') return String(Math.round(value * 100) / 100);
  return String(value);
}
