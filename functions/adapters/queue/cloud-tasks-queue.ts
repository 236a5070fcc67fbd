import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createRequire } from 'node:module';
import type { GoogleAuth } from 'google-auth-library';
import type { GoogleConfig } from '../../config.js';
import type { QueuedTask, TaskQueue } from '../../ports.js';

/**
 * The production queue: one Cloud Tasks HTTP task per scoring, POSTed to the `scoreOffice`
 * function (a cycle's finish to `finishCycle`) with an OIDC token of the functions' service account.
 * Task names carry the dedupe: a second task with a name Cloud Tasks has seen (queued, or run within
 * about an hour) is refused with ALREADY_EXISTS, which is how a burst of edits becomes one scoring.
 * Tasks are created over the REST API with node:https (restTasksClient).
 */
export interface CloudTasksSettings {
  /** `projects/P/locations/L/queues/Q`. */
  readonly queue: string;
  /** The scoreOffice function's URL; also the OIDC audience. */
  readonly targetUrl: string;
  /** The finishCycle function's URL, for a cycle's finish. */
  readonly finishUrl: string;
  /** The service account whose OIDC token the task carries (it needs roles/run.invoker on scoreOffice). */
  readonly serviceAccountEmail: string;
}

/** Creates one task; the REST client below in production, a fake in tests. */
export interface TasksClient {
  createTask(request: CreateTaskRequest): Promise<unknown>;
}

export interface CreateTaskRequest {
  parent: string;
  task: {
    name: string;
    scheduleTime: { seconds: number; nanos: number };
    /** How long Cloud Tasks waits for the function's answer before it counts the attempt as failed. */
    dispatchDeadline?: { seconds: number };
    httpRequest: {
      url: string;
      httpMethod: 'POST';
      headers: Record<string, string>;
      body: Buffer;
      oidcToken: { serviceAccountEmail: string; audience: string };
    };
  };
}

/** gRPC status ALREADY_EXISTS. */
const ALREADY_EXISTS = 6;

/**
 * Whether Cloud Tasks refused the task because its name is taken. Over REST (restTasksClient) that is a
 * 409 whose JSON body says `{"error": {"status": "ALREADY_EXISTS", …}}`; over gRPC, code 6.
 */
export function isAlreadyExists(error: unknown): boolean {
  const candidate = error as { code?: unknown; status?: unknown; message?: unknown } | null;
  if (candidate?.code === ALREADY_EXISTS) return true;
  const conflict = candidate?.code === 409 || candidate?.status === 409;
  return conflict && typeof candidate?.message === 'string' && candidate.message.includes('ALREADY_EXISTS');
}

export class CloudTasksQueue implements TaskQueue {
  private client: Promise<TasksClient> | undefined;

  constructor(
    private readonly settings: CloudTasksSettings,
    private readonly createClient: () => Promise<TasksClient>,
  ) {}

  async enqueue(name: string, task: QueuedTask, notBefore: Date): Promise<'queued' | 'exists'> {
    this.client ??= this.createClient();
    const client = await this.client.catch((error: unknown) => {
      this.client = undefined;
      throw error;
    });
    try {
      await client.createTask(createTaskRequest(this.settings, name, task, notBefore));
      return 'queued';
    } catch (error) {
      if (isAlreadyExists(error)) return 'exists';
      throw error;
    }
  }
}

/**
 * A finish renders and sends every report: Cloud Tasks waits for it as long as it allows an HTTP
 * task (30 minutes) instead of the default 10, so a slow finish is not dispatched a second time
 * while the first still runs. finishCycle is deployed with the same timeout.
 */
export const FINISH_DEADLINE_SECONDS = 1800;

export function createTaskRequest(
  settings: CloudTasksSettings,
  name: string,
  task: QueuedTask,
  notBefore: Date,
): CreateTaskRequest {
  const millis = notBefore.getTime();
  const url = task.kind === 'finish' ? settings.finishUrl : settings.targetUrl;
  // The function reads the body; the kind only chose the function.
  const { kind: _kind, ...body } = task;
  return {
    parent: settings.queue,
    task: {
      name: `${settings.queue}/tasks/${taskId(name)}`,
      scheduleTime: { seconds: Math.floor(millis / 1000), nanos: (millis % 1000) * 1_000_000 },
      ...(task.kind === 'finish' ? { dispatchDeadline: { seconds: FINISH_DEADLINE_SECONDS } } : {}),
      httpRequest: {
        url,
        httpMethod: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: Buffer.from(JSON.stringify(body)),
        oidcToken: { serviceAccountEmail: settings.serviceAccountEmail, audience: url },
      },
    },
  };
}

/**
 * A task ID Cloud Tasks accepts ([A-Za-z0-9_-], at most 500 characters), deterministic in the name so
 * the dedupe holds. It starts with a short hash: Cloud Tasks slows down on IDs with sequential
 * prefixes, and ours would otherwise all start "score-" or "cycle-".
 */
export function taskId(name: string): string {
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  return `${hash}-${name.replace(/[^A-Za-z0-9_-]/g, '_')}`.slice(0, 500);
}

/** The Cloud Tasks API, and the scope its calls need. */
export const CLOUD_TASKS_ENDPOINT = 'https://cloudtasks.googleapis.com';
const CLOUD_TASKS_SCOPES = ['https://www.googleapis.com/auth/cloud-platform'];
// A create that hangs is abandoned; the caller's answer fails and the notifier retries.
const CREATE_TIMEOUT_MS = 30_000;

export interface RestTasksOptions {
  /** The API's root: Cloud Tasks, or a loopback stand-in. */
  readonly endpoint: string;
  /** The bearer token of each call; null sends none (a stand-in with no auth). */
  readonly token: () => Promise<string | null>;
}

/**
 * Cloud Tasks' REST API (`projects.locations.queues.tasks.create`) over node:https. It replaced the
 * `@google-cloud/tasks` client, whose gRPC and protobuf stack took ~210 ms to load on the cold start of
 * the change webhook, for one POST; Node's fetch would still add ~20 ms there, loading undici.
 */
export function restTasksClient(options: RestTasksOptions): TasksClient {
  return {
    async createTask(request) {
      const token = await options.token();
      const { status, text } = await postJson(
        `${options.endpoint.replace(/\/+$/, '')}/v2/${request.parent}/tasks`,
        { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        JSON.stringify({ task: taskJson(request.task) }),
      );
      if (status >= 200 && status < 300) return JSON.parse(text) as unknown;
      // The body is Google's error (status and message), never the task's own content.
      throw Object.assign(new Error(`Cloud Tasks ${status}: ${text.slice(0, 500)}`), { code: status, status });
    },
  };
}

function postJson(
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; text: string }> {
  const target = new URL(url);
  const send = target.protocol === 'http:' ? httpRequest : httpsRequest;
  return new Promise((resolve, reject) => {
    const call = send(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'Content-Length': Buffer.byteLength(body) },
        timeout: CREATE_TIMEOUT_MS,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    call.on('timeout', () =>
      call.destroy(new Error(`Cloud Tasks tidak menjawab dalam ${CREATE_TIMEOUT_MS / 1000} detik`)),
    );
    call.on('error', reject);
    call.end(body);
  });
}

/** The task as the REST API's JSON writes it: RFC 3339 times, Durations as "1800s", bytes in base64. */
function taskJson(task: CreateTaskRequest['task']): Record<string, unknown> {
  const { seconds, nanos } = task.scheduleTime;
  return {
    name: task.name,
    scheduleTime: new Date(seconds * 1000 + nanos / 1_000_000).toISOString(),
    ...(task.dispatchDeadline ? { dispatchDeadline: `${task.dispatchDeadline.seconds}s` } : {}),
    httpRequest: { ...task.httpRequest, body: task.httpRequest.body.toString('base64') },
  };
}

/**
 * The client the functions use: Cloud Tasks with Application Default Credentials (the metadata server on
 * Cloud Run) or the key file; with MONEV_GOOGLE_ROOT_URL and no key file, that root without a token, as
 * the Sheets and Drive clients do (adapters/google/clients.ts). The auth library is required at the first
 * task: the change webhook has loaded it already for its registry read.
 */
export function googleTasksClient(google: GoogleConfig): TasksClient {
  const unauthenticated = google.rootUrl !== undefined && google.credentialsFile === undefined;
  let auth: GoogleAuth | undefined;
  return restTasksClient({
    endpoint: google.rootUrl ?? CLOUD_TASKS_ENDPOINT,
    token: async () => {
      if (unauthenticated) return null;
      const { GoogleAuth } = createRequire(import.meta.url)(
        'google-auth-library',
      ) as typeof import('google-auth-library');
      auth ??= new GoogleAuth({ scopes: CLOUD_TASKS_SCOPES, keyFile: google.credentialsFile });
      return (await auth.getAccessToken()) ?? null;
    },
  });
}
