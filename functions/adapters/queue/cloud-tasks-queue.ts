import { createHash } from 'node:crypto';
import type { QueuedTask, TaskQueue } from '../../ports.js';

/**
 * The production queue: one Cloud Tasks HTTP task per scoring, POSTed to the `scoreOffice`
 * function (a cycle's finish to `finishCycle`) with an OIDC token of the functions' service account.
 * Task names carry the dedupe: a second task with a name Cloud Tasks has seen (queued, or run within
 * about an hour) is refused with ALREADY_EXISTS, which is how a burst of edits becomes one scoring.
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

/** The part of `CloudTasksClient` this adapter uses; tests pass a fake. */
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
 * Whether Cloud Tasks refused the task because its name is taken. Over gRPC that is code 6; over
 * the REST transport the auth client rejects the 409 itself, before gax decodes it, so the error
 * carries the HTTP status and the JSON body `{"error": {"status": "ALREADY_EXISTS", …}}`.
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
    private readonly createClient: () => Promise<TasksClient> = defaultTasksClient,
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

/**
 * The real client, imported on first use so a cold start of the other functions does not load gRPC.
 * `fallback: true` selects the REST transport (HTTP/1.1 + JSON): lighter than gRPC on a cold start,
 * and a loopback stand-in can answer it.
 */
export async function defaultTasksClient(
  options: { apiEndpoint?: string; port?: number; protocol?: 'http' | 'https'; authClient?: unknown } = {},
): Promise<TasksClient> {
  const { CloudTasksClient } = await import('@google-cloud/tasks');
  return new CloudTasksClient({ fallback: true, ...options } as ConstructorParameters<typeof CloudTasksClient>[0]);
}
