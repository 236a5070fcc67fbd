import type { Period } from '../core/period.js';
import type { OfficeResult } from '../core/scoring/office.js';

/**
 * What a cycle reports while it runs, for the terminal's progress lines: scoring in run-cycle.ts, then
 * rendering, sending and writing in rank-and-publish.ts. Its own module so that both halves of a cycle
 * name it without importing each other.
 */
export type ProgressEvent =
  | { kind: 'start'; period: Period; total: number }
  | { kind: 'office'; done: number; total: number; office: OfficeResult }
  | { kind: 'rendering'; total: number }
  | { kind: 'rendered'; done: number; total: number }
  | { kind: 'sending' }
  | { kind: 'writing' };
