import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../../functions/cli.js';
import type { CommandIo } from '../../functions/commands/io.js';
import { deployCommand, type CommandRunner, type DeployArgs } from '../../functions/commands/deploy.js';
import { deployPlan, DEPLOY_DEFAULTS } from '../../functions/deploy/plan.js';
import { FUNCTIONS_MAIN, stageSource } from '../../functions/deploy/stage.js';
import { CLOUD_FUNCTIONS } from '../../functions/http/register.js';

const ROOT = join(import.meta.dirname, '..', '..');
const FUNCTIONS = Object.keys(CLOUD_FUNCTIONS);

function capture(): { io: CommandIo; out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { out: (text) => out.push(text), err: (text) => err.push(text), interactive: false },
    out: () => out.join('\n'),
    err: () => err.join('\n'),
  };
}

/** deployCommand's arguments as the command line gives them: a dry run in the default region unless told otherwise. */
function deploy(args: Partial<DeployArgs>): DeployArgs {
  return { dryRun: true, region: DEPLOY_DEFAULTS.region, env: [], ...args };
}

function deployLines(plan: string): Map<string, string> {
  const lines = new Map<string, string>();
  for (const line of plan.split('\n')) {
    const name = /^gcloud functions deploy (\S+) /.exec(line)?.[1];
    if (name) lines.set(name, line);
  }
  return lines;
}

describe('monev deploy --dry-run', () => {
  it('prints a plan naming every function with runtime nodejs22, and runs nothing', async () => {
    const captured = capture();
    expect(await main(['deploy', '--dry-run', '--project', 'monev-jatim'], captured.io)).toBe(0);
    const plan = captured.out();
    const deploys = deployLines(plan);
    expect([...deploys.keys()].sort()).toEqual([...FUNCTIONS].sort());
    for (const [name, line] of deploys) {
      expect(line).toContain('--gen2');
      expect(line).toContain('--runtime=nodejs22');
      expect(line).toContain(`--entry-point=${name}`);
      expect(line).toContain('--region=asia-southeast2');
      expect(line).toMatch(/--set-env-vars=NODE_ENV=production,/);
      expect(line).toContain('--set-secrets=MONEV_WEBHOOK_SECRET=monev-webhook-secret:latest');
      expect(line).toContain(
        CLOUD_FUNCTIONS[name as keyof typeof CLOUD_FUNCTIONS] === 'http' ? '--trigger-http' : '--trigger-topic=',
      );
    }
    // The cycle's start only queues; its finish renders every PDF, under Cloud Tasks' 30-minute limit, one at a time.
    expect(deploys.get('runCycle')).toMatch(/--memory=512Mi .*--timeout=540s/);
    expect(deploys.get('runCycleHttp')).toMatch(/--memory=512Mi .*--timeout=540s/);
    expect(deploys.get('finishCycle')).toMatch(
      /--no-allow-unauthenticated --max-instances=1 --concurrency=1 --memory=2Gi --timeout=1800s/,
    );
    expect(plan).toMatch(/gcloud functions add-invoker-policy-binding finishCycle /);
    expect(deploys.get('runCycle')).toContain(',MONEV_TASKS_DISPATCHES_PER_SECOND=0.2,');
    expect(deploys.get('sheetChanged')).toContain('--allow-unauthenticated');
    expect(deploys.get('scoreOffice')).toContain('--no-allow-unauthenticated');
    expect(plan).toMatch(
      /gcloud tasks queues create monev-score --location=asia-southeast2 --max-dispatches-per-second=0\.2 --max-concurrent-dispatches=2/,
    );
    expect(plan).toMatch(/gcloud scheduler jobs create pubsub monev-quarterly-cycle .*--topic=monev-cycle/);
    expect(plan).toMatch(
      /gcloud scheduler jobs create pubsub monev-renew-watches .*'--schedule=15 3 \* \* \*' --time-zone=Asia\/Jakarta --topic=monev-watch/,
    );
    expect(plan).toMatch(/gcloud secrets create monev-webhook-secret .*--data-file=-/);
    expect(plan).toContain('MONEV_TASKS_QUEUE=projects/monev-jatim/locations/asia-southeast2/queues/monev-score');
    expect(plan).toContain('MONEV_FUNCTIONS_URL=https://asia-southeast2-monev-jatim.cloudfunctions.net');
    expect(plan).toContain('--dry-run: tidak ada yang dijalankan');
  });

  it('works without a project, naming a placeholder', async () => {
    const captured = capture();
    expect(await deployCommand(deploy({ dryRun: true, env: [] }), captured.io)).toBe(0);
    expect(captured.out()).toContain('PROJECT_ID');
    expect(deployLines(captured.out()).size).toBe(FUNCTIONS.length);
  });

  it('passes extra environment through and refuses what it sets itself', async () => {
    const captured = capture();
    await deployCommand(
      deploy({ dryRun: true, project: 'monev-jatim', env: ['MONEV_MAIL_TRANSPORT=gmail'] }),
      captured.io,
    );
    expect(deployLines(captured.out()).get('runCycle')).toContain(',MONEV_MAIL_TRANSPORT=gmail ');
    await expect(
      deployCommand(deploy({ dryRun: true, project: 'monev-jatim', env: ['NODE_ENV=development'] }), capture().io),
    ).rejects.toThrow(/diatur oleh monev deploy/);
    await expect(
      deployCommand(
        deploy({ dryRun: true, project: 'monev-jatim', env: ['MONEV_TASKS_DISPATCHES_PER_SECOND=5'] }),
        capture().io,
      ),
    ).rejects.toThrow(/diatur oleh monev deploy/);
    await expect(
      deployCommand(deploy({ dryRun: true, project: 'monev-jatim', env: ['A=1,2'] }), capture().io),
    ).rejects.toThrow(/koma/);
    const invalid = capture();
    expect(await main(['deploy', '--dry-run', '--project', 'Monev Jatim'], invalid.io, {})).toBe(2);
    expect(invalid.err()).toMatch(/bukan ID proyek/);
  });

  it('without --dry-run it needs a project, builds, stages and runs each step once', async () => {
    await expect(deployCommand(deploy({ dryRun: false, env: [] }), capture().io)).rejects.toThrow(/--project/);

    const ran: { argv: readonly string[]; stdin?: string }[] = [];
    // A recorder in place of gcloud: the service account and the queue "exist", nothing else does.
    const run: CommandRunner = async (argv, options) => {
      ran.push({ argv, stdin: options.stdin });
      if (argv[0] === 'npm') return 0;
      if (argv.includes('describe')) return argv.includes('service-accounts') || argv.includes('queues') ? 0 : 1;
      return 0;
    };
    const root = await mkdtemp(join(tmpdir(), 'monev-deploy-test-'));
    try {
      await stageFixture(root);
      await expect(
        deployCommand(deploy({ dryRun: false, project: 'monev-jatim', env: [] }), capture().io, { run, root }),
      ).rejects.toThrow(/MONEV_REKAP/);
      await expect(
        deployCommand(
          deploy({ dryRun: false, project: 'monev-jatim', env: ['MONEV_REKAP=1AbCdEfGhIjKlMnOpQrStUvWxYz'] }),
          capture().io,
          { run, root },
        ),
      ).rejects.toThrow(/MONEV_DRIVE_FOLDER_ID/);
      expect(ran).toEqual([]);
      const env = ['MONEV_REKAP=1AbCdEfGhIjKlMnOpQrStUvWxYz', 'MONEV_DRIVE_FOLDER_ID=0AbCdEfGhIjKlUk9PVA'];
      expect(
        await deployCommand(deploy({ dryRun: false, project: 'monev-jatim', env }), capture().io, { run, root }),
      ).toBe(0);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
    const commands = ran.map((call) => call.argv.join(' '));
    expect(commands[0]).toBe('npm run build');
    expect(commands.some((line) => line.startsWith('gcloud iam service-accounts create'))).toBe(false);
    expect(commands.some((line) => line.startsWith('gcloud tasks queues update monev-score'))).toBe(true);
    expect(commands.filter((line) => line.startsWith('gcloud functions deploy'))).toHaveLength(FUNCTIONS.length);
    const secret = ran.find((call) => call.argv.slice(0, 3).join(' ') === 'gcloud secrets create');
    expect(secret?.stdin).toMatch(/^[0-9a-f]{64}$/);
    expect(commands.join('\n')).not.toContain(secret?.stdin);
  });
});

describe('the staged source', () => {
  it('holds the build, the templates and a package.json whose main is the functions module, without scripts', async () => {
    const into = await mkdtemp(join(tmpdir(), 'monev-stage-'));
    const root = await mkdtemp(join(tmpdir(), 'monev-root-'));
    try {
      await stageFixture(root);
      await stageSource(root, into);
      const manifest = JSON.parse(await readFile(join(into, 'package.json'), 'utf8')) as {
        main: string;
        scripts: object;
        dependencies: object;
      };
      expect(manifest.main).toBe(FUNCTIONS_MAIN);
      expect(manifest.scripts).toEqual({});
      expect(manifest.dependencies).toHaveProperty('@google-cloud/functions-framework');
      expect((await readdir(into)).sort()).toEqual([
        '.gcloudignore',
        'bin',
        'dist',
        'package-lock.json',
        'package.json',
        'templates',
      ]);
    } finally {
      await rm(into, { recursive: true, force: true });
      await rm(root, { recursive: true, force: true });
    }
  });

  it('every step of the plan can run twice: each creation is guarded by a check', () => {
    const plan = deployPlan({
      project: 'monev-jatim',
      region: DEPLOY_DEFAULTS.region,
      source: '/tmp/x',
      env: [],
      dispatchesPerSecond: 0.2,
    });
    for (const step of plan) {
      if (step.argv.includes('create')) expect(step.check, step.title).toBeDefined();
    }
  });
});

/** A package root with the files staging copies, without building anything. */
async function stageFixture(root: string): Promise<void> {
  const { cp, mkdir, writeFile } = await import('node:fs/promises');
  await mkdir(join(root, 'dist', 'functions'), { recursive: true });
  await writeFile(join(root, 'dist', 'functions', 'index.js'), 'export {};\n');
  await cp(join(ROOT, 'templates'), join(root, 'templates'), { recursive: true });
  await cp(join(ROOT, 'bin'), join(root, 'bin'), { recursive: true });
  await cp(join(ROOT, 'package.json'), join(root, 'package.json'));
  await cp(join(ROOT, 'package-lock.json'), join(root, 'package-lock.json'));
}

/** The npm script itself runs the compiled CLI; only meaningful when dist/ is as new as the sources. */
const built = join(ROOT, 'dist', 'functions', 'deploy', 'plan.js');
const fresh =
  existsSync(built) && statSync(built).mtimeMs >= statSync(join(ROOT, 'functions', 'deploy', 'plan.ts')).mtimeMs;

describe.runIf(fresh)('npm run deploy -- --dry-run', () => {
  it('prints the same plan through the package script', async () => {
    const { stdout } = await promisify(execFile)(
      'npm',
      ['run', '--silent', 'deploy', '--', '--dry-run', '--project', 'monev-jatim'],
      { cwd: ROOT },
    );
    expect([...deployLines(stdout).keys()].sort()).toEqual([...FUNCTIONS].sort());
    expect(stdout.match(/--runtime=nodejs22/g)).toHaveLength(FUNCTIONS.length);
  });
});
