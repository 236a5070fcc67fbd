import { z } from 'zod';
import type { OfficeResult } from '../../core/scoring/office.js';
import type { CycleRecord } from '../../ports.js';

/**
 * The files a cycle store keeps, as JSON: the cycle's record and one result per office. Both
 * adapters (a local folder, a Drive folder) read them back through these schemas.
 */
export const RECORD_FILE = 'siklus.json';

const recordSchema = z.object({
  id: z.string(),
  period: z.string(),
  offices: z.array(z.string()),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});

/**
 * A stored result is monev's own output, written by this code moments before: the schema checks
 * that the file is one (a stranger's or a truncated file fails here), not every nested figure.
 */
const resultSchema = z.looseObject({
  code: z.string(),
  name: z.string(),
  status: z.enum(['scored', 'unscored']),
  scores: z.looseObject({ index: z.number().nullable() }),
  predicate: z.string().nullable(),
  rank: z.number().nullable(),
  areas: z.record(z.string(), z.number().nullable()),
  workload: z.looseObject({ jobs: z.array(z.unknown()) }),
  peers: z.array(z.unknown()),
  findings: z.array(
    z.looseObject({
      tab: z.string(),
      cell: z.string(),
      level: z.enum(['error', 'warning']),
      code: z.string(),
      message: z.string(),
    }),
  ),
  details: z.looseObject({
    iku: z.array(z.unknown()),
    actionPlan: z.array(z.unknown()),
    iki: z.array(z.unknown()),
    stages: z.array(z.unknown()),
  }),
});

const storedResultSchema = z.object({ cycle: z.string(), savedAt: z.string(), result: resultSchema });

export function recordJson(record: CycleRecord): string {
  return `${JSON.stringify(record, null, 1)}\n`;
}

export function parseRecord(text: string, where: string): CycleRecord {
  return parseJson(recordSchema, text, where);
}

export function resultFile(code: string): string {
  return `${safeName(code, 'kode satker')}.json`;
}

/** The office code a result file belongs to, or null for any other file. */
export function codeOfResultFile(name: string): string | null {
  if (name === RECORD_FILE || !name.endsWith('.json') || name.startsWith('.')) return null;
  return name.slice(0, -'.json'.length);
}

export function resultJson(cycle: string, result: OfficeResult, savedAt: Date): string {
  return JSON.stringify({ cycle, savedAt: savedAt.toISOString(), result });
}

export function parseResult(text: string, where: string): OfficeResult {
  return parseJson(storedResultSchema, text, where).result as unknown as OfficeResult;
}

/** Cycle IDs and office codes become file names: letters, digits, `.`, `_` and `-` only. */
export function safeName(name: string, what: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,119}$/.test(name) || name.includes('..'))
    throw new Error(`${what} "${name.slice(0, 40)}" tidak dapat dipakai sebagai nama berkas siklus.`);
  return name;
}

function parseJson<T>(schema: z.ZodType<T>, text: string, where: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`${where} bukan JSON yang utuh.`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new Error(
      `${where} bukan berkas siklus monev: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`.trim(),
    );
  return parsed.data;
}
