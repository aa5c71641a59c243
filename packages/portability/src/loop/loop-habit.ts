/** Loop's habit and entry, as read from either its CSV export or its database backup. */
import type { LocalDate } from '@habit-tracker/core';
import type { Where } from '../finish-import';
import type { LoopValue } from './values';

export interface LoopHabit {
  sourceId: string;
  /** Loop's own order (CSV Position, database position). */
  order: number;
  name: string;
  question: string;
  description: string;
  color: string;
  type: 'yes_no' | 'numerical';
  /**
   * False when the file does not say (Loop's CSV before 2.3.1 has no Type column): the entries
   * tell — a measurable habit stores amounts × 1000, a yes/no habit only the codes −1…3.
   */
  typeKnown: boolean;
  numerator: number;
  denominator: number;
  unit: string;
  targetType: 'at_least' | 'at_most';
  targetValue: number;
  archived: boolean;
  /** The name of the Loop group it is in (backups from Loop versions with groups). */
  group?: string;
  at: Where;
}

export interface LoopEntry {
  date: LocalDate;
  value: LoopValue;
  note: string;
  at: Where;
}
