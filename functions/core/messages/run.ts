import { REGISTRY_TAB, SETTINGS_TAB, labelOf } from '../../../sheets-schema/index.js';
import { messagesOf, type Catalogue } from './catalogue.js';

/**
 * Why a run, a scoring or a cycle task cannot go ahead: the period, the offices asked for and the
 * cycle a task names. For whoever started it (the provincial team, or the task queue's log); nothing
 * has been written when one is given.
 */
export interface RunMessageParams {
  'unknown-period': { value: string };
  'period-missing': Record<string, never>;
  'unknown-offices': { codes: readonly string[] };
  'office-not-registered': { office: string };
  'cycle-not-recorded': { cycle: string };
  'cycle-not-recorded-to-finish': { cycle: string };
  'office-not-in-cycle': { code: string; cycle: string };
  'cycle-incomplete': { cycle: string; missing: number; total: number; checks: number };
  'cycle-period-unknown': { cycle: string; period: string };
}

export type RunMessageCode = keyof RunMessageParams;

const period = labelOf(SETTINGS_TAB, 'period');

const CATALOGUE: Catalogue<RunMessageParams> = {
  'unknown-period': (p) => `--period "${p.value}" tidak dikenal. Tulis seperti 2025-TW3.`,
  'period-missing': () =>
    `${period} belum ditentukan. Isi ${period} di tab ${SETTINGS_TAB.name} (misalnya 2025-TW3) atau berikan --period 2025-TW3.`,
  'unknown-offices': (p) =>
    `--offices: kode ${p.codes.join(', ')} tidak ada (atau tidak aktif) di tab ${REGISTRY_TAB.name}. Periksa kodenya, misalnya 3573 untuk Kota Malang.`,
  'office-not-registered': (p) => `Satker ${p.office} tidak terdaftar (atau tidak aktif) di tab ${REGISTRY_TAB.name}.`,
  'cycle-not-recorded': (p) =>
    `Siklus ${p.cycle} tidak tercatat; tugas ini berasal dari siklus yang tidak dimulai di sini.`,
  'cycle-not-recorded-to-finish': (p) => `Siklus ${p.cycle} tidak tercatat; tidak ada yang dapat diselesaikan.`,
  'office-not-in-cycle': (p) => `Satker ${p.code} bukan bagian dari siklus ${p.cycle}.`,
  'cycle-incomplete': (p) =>
    `Siklus ${p.cycle}: ${p.missing} dari ${p.total} satker belum dinilai setelah ${p.checks} pemeriksaan; laporan tidak dikirim. Periksa log scoreOffice, lalu mulai siklus lagi.`,
  'cycle-period-unknown': (p) => `Siklus ${p.cycle} mencatat periode "${p.period}" yang tidak dikenal.`,
};

export const runMessage = messagesOf(CATALOGUE);
export const RUN_MESSAGE_CODES = Object.keys(CATALOGUE) as RunMessageCode[];
