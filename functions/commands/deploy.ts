import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEPLOY_DEFAULTS, deployPlan, functionsUrl, shellLine, type DeployStep } from '../deploy/plan.js';
import { FUNCTIONS_MAIN, STAGED, stageSource } from '../deploy/stage.js';
import { EXIT, usageError, type CommandIo } from './io.js';

/** Checked by the command line, which also reads the project from gcloud's environment and supplies the region. */
export interface DeployArgs {
  dryRun: boolean;
  project?: string;
  region: string;
  /** `KEY=VALUE` pairs added to the functions' environment. */
  env: readonly string[];
}

/** Runs one command; resolves with its exit code. Tests pass a recorder, so gcloud is never reached. */
export type CommandRunner = (
  argv: readonly string[],
  options: { cwd?: string; stdin?: string; quiet?: boolean },
) => Promise<number>;

/** Set by the deployment itself; passing them with --env would contradict it. */
const RESERVED = new Set([
  'NODE_ENV',
  'MONEV_FUNCTIONS_URL',
  'MONEV_TASKS_QUEUE',
  'MONEV_TASKS_SERVICE_ACCOUNT',
  'MONEV_TASKS_DISPATCHES_PER_SECOND',
  'MONEV_OUT_DIR',
  'MONEV_WEBHOOK_SECRET',
]);

/**
 * `monev deploy [--dry-run] [--project P] [--region R] [--env KEY=VALUE …]`: the functions (nodejs22),
 * the task queue, the Pub/Sub topics, the scheduler jobs and the webhook secret, with gcloud. With
 * --dry-run it prints the commands and runs nothing.
 */
export async function deployCommand(
  args: DeployArgs,
  io: CommandIo,
  options: { run?: CommandRunner; root?: string } = {},
): Promise<number> {
  const { project, region } = args;
  if (!project && !args.dryRun) throw usageError('deploy-needs-project', {});
  const extraEnv = args.env.map(parseEnvPair);
  const hasRekap = extraEnv.some(([key]) => key === 'MONEV_REKAP');
  if (!hasRekap && !args.dryRun) throw usageError('deploy-needs-rekap', {});
  // The deployed functions share no disk: a cycle keeps each office's result in a Drive folder between them.
  const hasFolder = extraEnv.some(([key]) => key === 'MONEV_DRIVE_FOLDER_ID' || key === 'MONEV_DRIVE_CYCLES_FOLDER_ID');
  if (!hasFolder && !args.dryRun) {
    throw usageError('deploy-needs-folder', {});
  }

  const root = options.root ?? packageRoot();
  const source = args.dryRun ? join(tmpdir(), 'monev-deploy') : await mkdtemp(join(tmpdir(), 'monev-deploy-'));
  const settings = {
    project: project ?? 'PROJECT_ID',
    region,
    source,
    env: extraEnv,
    dispatchesPerSecond: DEPLOY_DEFAULTS.dispatchesPerSecond,
  };
  const plan = deployPlan(settings);

  io.out(`# monev deploy: proyek ${settings.project}, region ${region}; fungsi di ${functionsUrl(settings)}/<nama>`);
  if (!project) io.out('# (tanpa --project: PROJECT_ID di bawah hanya contoh)');
  if (!hasRekap) io.out('# (tanpa --env MONEV_REKAP=<ID spreadsheet rekap>: wajib saat dijalankan sungguhan)');
  if (!hasFolder) io.out('# (tanpa --env MONEV_DRIVE_FOLDER_ID=<ID folder Drive>: wajib saat dijalankan sungguhan)');
  io.out(
    `# Sumber: npm run build, lalu ${STAGED.join(', ')} dan package.json (main: ${FUNCTIONS_MAIN}) disalin ke ${source}`,
  );
  if (args.dryRun) {
    for (const step of plan) io.out(`\n# ${step.title}\n${shellLine(step)}`);
    io.out('\n# --dry-run: tidak ada yang dijalankan.');
    return EXIT.ok;
  }

  const run = options.run ?? runCommand;
  if ((await run(['npm', 'run', 'build'], { cwd: root })) !== 0) throw usageError('build-failed', {});
  await stageSource(root, source);
  for (const [index, step] of plan.entries()) {
    io.out(`\n[${index + 1}/${plan.length}] ${step.title}`);
    await runStep(step, run);
  }
  io.out(`\nSelesai. Alamat sheetChanged untuk Apps Script: ${functionsUrl(settings)}/sheetChanged`);
  return EXIT.ok;
}

async function runStep(step: DeployStep, run: CommandRunner): Promise<void> {
  let argv = step.argv;
  if (step.check && (await run(step.check, { quiet: true })) === 0) {
    if (!step.whenExists) return;
    argv = step.whenExists;
  }
  const stdin = step.secretOnStdin && argv === step.argv ? randomBytes(32).toString('hex') : undefined;
  const code = await run(argv, { stdin });
  if (code !== 0) throw usageError('deploy-step-failed', { title: step.title, code });
}

function parseEnvPair(pair: string): [string, string] {
  const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(pair);
  if (!match) throw usageError('invalid-env', { value: pair });
  const [, key, value] = match as unknown as [string, string, string];
  if (RESERVED.has(key)) throw usageError('env-reserved', { key });
  if (value.includes(',')) throw usageError('env-comma', { key });
  return [key, value];
}

/** The package root: the nearest folder above this module that holds package.json. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json monev tidak ditemukan di atas modul deploy.');
    dir = parent;
  }
  return dir;
}

const runCommand: CommandRunner = (argv, options) =>
  new Promise((resolve, reject) => {
    const [command, ...rest] = argv as [string, ...string[]];
    const child = spawn(command, rest, {
      cwd: options.cwd,
      stdio: [
        options.stdin === undefined ? 'inherit' : 'pipe',
        options.quiet ? 'ignore' : 'inherit',
        options.quiet ? 'ignore' : 'inherit',
      ],
      env: { ...process.env, CLOUDSDK_CORE_DISABLE_PROMPTS: '1' },
    });
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? usageError('gcloud-missing', { command }) : error),
    );
    child.once('close', (code) => resolve(code ?? 1));
    if (options.stdin !== undefined) child.stdin?.end(options.stdin);
  });
