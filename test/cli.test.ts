import { describe, expect, it } from 'vitest';
import { main } from '../functions/cli.js';
import type { Environment } from '../functions/commands/command-line.js';
import { DEFAULT_HOST, DEFAULT_OUT_DIR } from '../functions/shared/local-defaults.js';
import { SAMPLE_DEFAULTS } from '../functions/sample/sample-defaults.js';

/** The table of commands as `monev` answers it: help, suggestions, exit codes. Nothing here does any work. */

async function monev(argv: readonly string[], env: Environment = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), interactive: false }, env);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const COMMANDS = ['run', 'validate', 'template', 'sample', 'start', 'provision', 'serve', 'watch', 'deploy'];

describe('help', () => {
  it('lists every command under monev --help (exit 0) and under a bare monev (exit 2)', async () => {
    for (const [argv, code] of [
      [['--help'], 0],
      [['-h'], 0],
      [['help'], 0],
      [[], 2],
    ] as const) {
      const run = await monev(argv);
      expect(run.code).toBe(code);
      for (const command of COMMANDS) expect(run.stdout).toMatch(new RegExp(`^  ${command} +\\S`, 'm'));
      expect(run.stdout).toContain('Kode keluar:');
    }
  });

  it.each([
    ['run', ['--data DIR', '--out DIR', '--source xlsx|google', '--no-pdf', '--no-verify']],
    ['serve', ['--port PORT', `alamat dengar (bawaan ${DEFAULT_HOST})`, `folder keluaran (bawaan ${DEFAULT_OUT_DIR})`]],
    [
      'sample',
      [`jumlah satker (bawaan ${SAMPLE_DEFAULTS.offices})`, `periode contoh (bawaan ${SAMPLE_DEFAULTS.period})`],
    ],
    ['deploy', ['--env KUNCI=nilai', '--dry-run  ']],
  ])('monev %s --help names its options and their defaults', async (command, lines) => {
    for (const argv of [
      [command, '--help'],
      ['help', command],
      [command, '-h'],
    ]) {
      const run = await monev(argv);
      expect(run.code).toBe(0);
      expect(run.stdout.split('\n')[0]).toMatch(new RegExp(`^monev ${command} — `));
      for (const line of lines) expect(run.stdout).toContain(line);
      expect(run.stdout).toContain('--help');
    }
  });
});

describe('monev validate --help', () => {
  it('gives validate’s own exit codes (1: the workbook has errors), not the run’s', async () => {
    const run = await monev(['validate', '--help']);
    expect(run.code).toBe(0);
    const codes = run.stdout.slice(run.stdout.indexOf('Kode keluar:'));
    expect(codes).toMatch(/^ {2}0 {2}tidak ada kesalahan/m);
    expect(codes).toMatch(/^ {2}1 {2}workbook memuat kesalahan/m);
    expect(codes).toMatch(/^ {2}2 {2}perintah salah .* FILE tidak bisa dibuka/m);
    expect(codes).toMatch(/^ {2}3 {2}kesalahan internal monev/m);
    expect(codes).not.toContain('laporan tidak terkirim');
    // The other commands keep the general list.
    expect((await monev(['run', '--help'])).stdout).toContain('laporan tidak terkirim');
  });
});

describe('usage errors: exit 2 and a message from the catalogue', () => {
  const cases: { argv: string[]; env?: Environment; message: string }[] = [
    { argv: ['rn'], message: 'Perintah "rn" tidak dikenal. Maksud Anda "monev run"?' },
    { argv: ['--dta'], message: 'Opsi --dta tidak dikenal. Lihat monev --help.' },
    { argv: ['run', '--dta', 'data'], message: 'Opsi --dta tidak dikenal untuk monev run. Maksud Anda --data?' },
    { argv: ['run', '--kode', '1'], message: '(--kode dipakai oleh monev validate.)' },
    { argv: ['sample', '--rekap', 'x'], message: '(--rekap dipakai oleh monev run.)' },
    { argv: ['run', '--out', 'o'], message: 'monev run memerlukan --data, misalnya --data data.' },
    {
      argv: ['run', '--source', 'google', '--out', 'o'],
      message: 'monev run memerlukan --rekap, misalnya --rekap https://docs.google.com/spreadsheets/d/…/edit.',
    },
    {
      argv: ['run', '--data', 'd', '--out', 'o', '--period', '2025-TW5'],
      message: '--period "2025-TW5" tidak dikenal.',
    },
    { argv: ['validate', '--period', '2025-TW3'], message: 'monev validate memerlukan nama file' },
    { argv: ['validate', 'a.xlsx'], message: 'monev validate memerlukan --period, misalnya --period 2025-TW3.' },
    { argv: ['template', '--out', 'x.xlsx', '--tahun', '1999'], message: '--tahun "1999" tidak dikenal.' },
    { argv: ['sample', '--out', 'x', '--offices', '0'], message: '--offices "0" tidak dikenal.' },
    { argv: ['provision'], message: 'monev provision memerlukan --rekap' },
    { argv: ['serve', '--data', 'd', '--port', '70000'], message: '--port "70000" bukan nomor port' },
    { argv: ['serve', '--data', 'd', '--oidc', 'ya'], message: '--oidc "ya" tidak dikenal. Pilihan: on atau off.' },
    { argv: ['watch'], message: 'monev watch memerlukan --data' },
    { argv: ['deploy', '--dry-run', '--region', 'jakarta'], message: '--region "jakarta" bukan region Google Cloud' },
    {
      argv: ['deploy', '--dry-run'],
      env: { GOOGLE_CLOUD_PROJECT: 'Monev Jatim' },
      message: '--project "Monev Jatim" bukan ID proyek',
    },
    { argv: ['start', 'sekarang'], message: 'monev start tidak menerima "sekarang".' },
  ];

  it.each(cases)('monev $argv', async ({ argv, env, message }) => {
    const run = await monev(argv, env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
  });
});

describe('the environment behind an option', () => {
  it('takes the deploy project from GOOGLE_CLOUD_PROJECT when --project is absent, and --project before it', async () => {
    const fromEnv = await monev(['deploy', '--dry-run'], { GOOGLE_CLOUD_PROJECT: 'monev-jatim' });
    expect(fromEnv.code).toBe(0);
    expect(fromEnv.stdout).toContain('# monev deploy: proyek monev-jatim, region asia-southeast2;');
    const fromFlag = await monev(['deploy', '--dry-run', '--project', 'monev-uji'], {
      GOOGLE_CLOUD_PROJECT: 'monev-jatim',
    });
    expect(fromFlag.stdout).toContain('# monev deploy: proyek monev-uji,');
    const without = await monev(['deploy', '--dry-run']);
    expect(without.stdout).toContain('# monev deploy: proyek PROJECT_ID,');
  });
});
