import { formatId } from '../core/numbers.js';
import { CLOUD_FUNCTIONS, type CloudFunctionName } from '../http/register.js';
import { DEPLOY_DEFAULTS } from './deploy-defaults.js';

/**
 * The deployment as a list of gcloud commands, built from a few settings and nothing else: printed
 * by `monev deploy --dry-run`, run one by one without it. Every step can run again: resources that
 * exist are updated or left alone, never created twice.
 */
export interface DeploySettings {
  readonly project: string;
  /** Jakarta by default: closest to Jawa Timur, and where Cloud Run functions, Tasks and Scheduler all run. */
  readonly region: string;
  /** The folder `gcloud functions deploy --source` uploads (see stage.ts). */
  readonly source: string;
  /** Extra environment for the functions, e.g. the mail transport or the rekap spreadsheet. */
  readonly env: readonly (readonly [string, string])[];
  readonly dispatchesPerSecond: number;
}

export { DEPLOY_DEFAULTS };

/** Memory, timeout and trigger per function. finishCycle renders every PDF with Chromium: 2 GiB. */
const FUNCTION_SETTINGS: Record<CloudFunctionName, { memory: string; timeout: string; flags: readonly string[] }> = {
  // One instance takes every change notification (80 at once; a notification is a registry lookup and a
  // queued task), so it remembers which scorings it has queued and a burst of edits costs at most two
  // (app/queue-change.ts). Concurrency above 1 needs a whole vCPU.
  sheetChanged: {
    memory: '512Mi',
    timeout: '60s',
    flags: ['--trigger-http', '--allow-unauthenticated', '--max-instances=1', '--cpu=1', '--concurrency=80'],
  },
  scoreOffice: {
    memory: '1Gi',
    timeout: '300s',
    flags: ['--trigger-http', '--no-allow-unauthenticated', '--max-instances=10'],
  },
  // Starting a cycle reads the rekap once and queues one task per office: 550 take well under a minute.
  runCycleHttp: {
    memory: '512Mi',
    timeout: '540s',
    flags: ['--trigger-http', '--no-allow-unauthenticated', '--max-instances=1'],
  },
  // Event-driven functions stop at nine minutes; the start needs one. A redelivered event names the same cycle.
  runCycle: {
    memory: '512Mi',
    timeout: '540s',
    flags: [`--trigger-topic=${DEPLOY_DEFAULTS.cycleTopic}`, '--retry', '--max-instances=1'],
  },
  // Ranks, renders and sends for the whole province from the stored results; Cloud Tasks waits for a
  // finish up to 30 minutes (its limit for HTTP tasks). One instance: two finishes never publish at once.
  finishCycle: {
    memory: '2Gi',
    timeout: '1800s',
    flags: ['--trigger-http', '--no-allow-unauthenticated', '--max-instances=1', '--concurrency=1'],
  },
  renewWatches: {
    memory: '512Mi',
    timeout: '300s',
    flags: [`--trigger-topic=${DEPLOY_DEFAULTS.watchTopic}`, '--retry', '--max-instances=1'],
  },
};

export interface DeployStep {
  readonly title: string;
  readonly argv: readonly string[];
  /** When this command succeeds the resource exists: run `whenExists` instead, or nothing. */
  readonly check?: readonly string[];
  readonly whenExists?: readonly string[];
  /** The step reads a freshly generated secret on standard input; it is never printed. */
  readonly secretOnStdin?: boolean;
}

export function functionsUrl(settings: Pick<DeploySettings, 'project' | 'region'>): string {
  return `https://${settings.region}-${settings.project}.cloudfunctions.net`;
}

export function deployPlan(settings: DeploySettings): DeployStep[] {
  const { project, region } = settings;
  const d = DEPLOY_DEFAULTS;
  const account = `${d.serviceAccount}@${project}.iam.gserviceaccount.com`;
  const member = `--member=serviceAccount:${account}`;
  const p = `--project=${project}`;
  const queuePath = `projects/${project}/locations/${region}/queues/${d.queue}`;
  const env: [string, string][] = [
    ['NODE_ENV', 'production'],
    ['MONEV_FUNCTIONS_URL', functionsUrl(settings)],
    ['MONEV_TASKS_QUEUE', queuePath],
    ['MONEV_TASKS_SERVICE_ACCOUNT', account],
    // The queue's rate, so a cycle schedules its scorings as the queue dispatches them.
    ['MONEV_TASKS_DISPATCHES_PER_SECOND', String(settings.dispatchesPerSecond)],
    // The only writable folder of a function; local-mode outputs live there for the instance's life.
    ['MONEV_OUT_DIR', '/tmp/monev'],
    ...settings.env.map(([key, value]): [string, string] => [key, value]),
  ];
  const queueFlags = [
    `--location=${region}`,
    `--max-dispatches-per-second=${settings.dispatchesPerSecond}`,
    `--max-concurrent-dispatches=${d.maxConcurrentDispatches}`,
    '--max-attempts=5',
    '--min-backoff=10s',
    '--max-backoff=300s',
    p,
  ];
  // A role for the service account on the whole project, without an IAM condition.
  const projectRole = (role: string) => [
    'gcloud',
    'projects',
    'add-iam-policy-binding',
    project,
    member,
    `--role=${role}`,
    '--condition=None',
  ];
  const job = (name: string, schedule: string, topic: string, verb: 'create' | 'update') => [
    'gcloud',
    'scheduler',
    'jobs',
    verb,
    'pubsub',
    name,
    `--location=${region}`,
    `--schedule=${schedule}`,
    `--time-zone=${d.timeZone}`,
    `--topic=${topic}`,
    '--message-body={}',
    p,
  ];

  return [
    {
      title: 'API yang dipakai fungsi',
      argv: [
        'gcloud',
        'services',
        'enable',
        'cloudfunctions.googleapis.com',
        'run.googleapis.com',
        'cloudbuild.googleapis.com',
        'artifactregistry.googleapis.com',
        'eventarc.googleapis.com',
        'pubsub.googleapis.com',
        'cloudtasks.googleapis.com',
        'cloudscheduler.googleapis.com',
        'secretmanager.googleapis.com',
        'sheets.googleapis.com',
        'drive.googleapis.com',
        'gmail.googleapis.com',
        p,
      ],
    },
    {
      title: `Akun layanan ${account}: fungsi berjalan sebagai akun ini; spreadsheet dibagikan ke akun ini`,
      check: ['gcloud', 'iam', 'service-accounts', 'describe', account, p],
      argv: [
        'gcloud',
        'iam',
        'service-accounts',
        'create',
        d.serviceAccount,
        '--display-name=monev Bawaslu Jawa Timur',
        p,
      ],
    },
    {
      title: 'Akun layanan boleh mengantrekan tugas penilaian',
      argv: projectRole('roles/cloudtasks.enqueuer'),
    },
    {
      title: 'Akun layanan boleh menerima event Pub/Sub (runCycle, renewWatches)',
      argv: projectRole('roles/eventarc.eventReceiver'),
    },
    {
      title: 'Akun layanan boleh menandatangani token OIDC tugasnya sendiri',
      argv: [
        'gcloud',
        'iam',
        'service-accounts',
        'add-iam-policy-binding',
        account,
        member,
        '--role=roles/iam.serviceAccountUser',
        p,
      ],
    },
    {
      title: `Rahasia webhook di Secret Manager (${d.secret}): 32 bita acak, dibuat di sini, dikirim lewat stdin, tidak pernah ditampilkan`,
      check: ['gcloud', 'secrets', 'describe', d.secret, p],
      argv: ['gcloud', 'secrets', 'create', d.secret, '--replication-policy=automatic', '--data-file=-', p],
      secretOnStdin: true,
    },
    {
      title: 'Fungsi boleh membaca rahasia itu',
      argv: [
        'gcloud',
        'secrets',
        'add-iam-policy-binding',
        d.secret,
        member,
        '--role=roles/secretmanager.secretAccessor',
        p,
      ],
    },
    ...[d.cycleTopic, d.watchTopic].map((topic) => ({
      title: `Topik Pub/Sub ${topic}`,
      check: ['gcloud', 'pubsub', 'topics', 'describe', topic, p],
      argv: ['gcloud', 'pubsub', 'topics', 'create', topic, p],
    })),
    {
      title: `Antrean Cloud Tasks ${d.queue}: paling banyak ${formatId(settings.dispatchesPerSecond, 2)} penilaian per detik, di bawah kuota Sheets; siklus triwulanan menyebar penilaiannya lewat antrean ini`,
      check: ['gcloud', 'tasks', 'queues', 'describe', d.queue, `--location=${region}`, p],
      argv: ['gcloud', 'tasks', 'queues', 'create', d.queue, ...queueFlags],
      whenExists: ['gcloud', 'tasks', 'queues', 'update', d.queue, ...queueFlags],
    },
    ...(Object.keys(CLOUD_FUNCTIONS) as CloudFunctionName[]).map((name) => {
      const fn = FUNCTION_SETTINGS[name];
      return {
        title: `Fungsi ${name} (${CLOUD_FUNCTIONS[name] === 'http' ? 'HTTP' : 'Pub/Sub'}, nodejs22)`,
        argv: [
          'gcloud',
          'functions',
          'deploy',
          name,
          '--gen2',
          '--runtime=nodejs22',
          `--region=${region}`,
          `--source=${settings.source}`,
          `--entry-point=${name}`,
          ...fn.flags,
          ...(CLOUD_FUNCTIONS[name] === 'event' ? [`--trigger-service-account=${account}`] : []),
          `--memory=${fn.memory}`,
          `--timeout=${fn.timeout}`,
          `--service-account=${account}`,
          `--set-env-vars=${env.map(([key, value]) => `${key}=${value}`).join(',')}`,
          `--set-secrets=MONEV_WEBHOOK_SECRET=${d.secret}:latest`,
          p,
        ],
      };
    }),
    ...(['scoreOffice', 'runCycleHttp', 'finishCycle', 'runCycle', 'renewWatches'] as const).map((name) => ({
      title: `Hanya akun layanan yang boleh memanggil ${name}`,
      argv: ['gcloud', 'functions', 'add-invoker-policy-binding', name, `--region=${region}`, member, p],
    })),
    {
      title: `Siklus triwulanan (${d.cycleSchedule}, ${d.timeZone}); periodenya Periode di tab Pengaturan rekap`,
      check: ['gcloud', 'scheduler', 'jobs', 'describe', 'monev-quarterly-cycle', `--location=${region}`, p],
      argv: job('monev-quarterly-cycle', d.cycleSchedule, d.cycleTopic, 'create'),
      whenExists: job('monev-quarterly-cycle', d.cycleSchedule, d.cycleTopic, 'update'),
    },
    {
      title: `Pembaruan harian kanal pantau Drive (${d.watchSchedule}, ${d.timeZone})`,
      check: ['gcloud', 'scheduler', 'jobs', 'describe', 'monev-renew-watches', `--location=${region}`, p],
      argv: job('monev-renew-watches', d.watchSchedule, d.watchTopic, 'create'),
      whenExists: job('monev-renew-watches', d.watchSchedule, d.watchTopic, 'update'),
    },
  ];
}

/** A step as one line of shell, for --dry-run and for anyone who prefers to paste it. */
export function shellLine(step: DeployStep): string {
  const line = (argv: readonly string[]) => argv.map(shellQuote).join(' ');
  const main = step.secretOnStdin ? `openssl rand -hex 32 | ${line(step.argv)}` : line(step.argv);
  if (!step.check) return main;
  const check = `${line(step.check)} >/dev/null 2>&1`;
  return step.whenExists ? `if ${check}; then ${line(step.whenExists)}; else ${main}; fi` : `${check} || ${main}`;
}

function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
