import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CloudTasksQueue,
  createTaskRequest,
  googleTasksClient,
  restTasksClient,
  isAlreadyExists,
  taskId,
  type CreateTaskRequest,
  type TasksClient,
} from '../../../functions/adapters/queue/cloud-tasks-queue.js';
import { parseConfig } from '../../../functions/config.js';
import type { TaskQueue } from '../../../functions/ports.js';

const SETTINGS = {
  queue: 'projects/monev-jatim/locations/asia-southeast2/queues/monev-score',
  targetUrl: 'https://asia-southeast2-monev-jatim.cloudfunctions.net/scoreOffice',
  finishUrl: 'https://asia-southeast2-monev-jatim.cloudfunctions.net/finishCycle',
  serviceAccountEmail: 'monev@monev-jatim.iam.gserviceaccount.com',
};
const NOT_BEFORE = new Date(Date.UTC(2025, 9, 6, 3, 1, 15, 250));

// The adapter fits its port.
const _port: TaskQueue = new CloudTasksQueue(SETTINGS, async () => new FakeTasksClient());
void _port;

/** Answers like Cloud Tasks: a name it has seen is ALREADY_EXISTS (gRPC code 6). */
class FakeTasksClient implements TasksClient {
  readonly created: CreateTaskRequest[] = [];
  async createTask(request: CreateTaskRequest): Promise<unknown> {
    if (this.created.some((seen) => seen.task.name === request.task.name))
      throw Object.assign(new Error('6 ALREADY_EXISTS: Requested entity already exists'), { code: 6 });
    this.created.push(request);
    return [request.task];
  }
}

describe('CloudTasksQueue with a fake client', () => {
  it('maps a scoring to a named HTTP task with an OIDC token, scheduled at notBefore', () => {
    const request = createTaskRequest(SETTINGS, 'score-3573-1759719600000', { code: '3573' }, NOT_BEFORE);
    expect(request.parent).toBe(SETTINGS.queue);
    expect(request.task.name).toBe(`${SETTINGS.queue}/tasks/${taskId('score-3573-1759719600000')}`);
    expect(request.task.name).toMatch(/\/tasks\/[0-9a-f]{8}-score-3573-1759719600000$/);
    expect(request.task.scheduleTime).toEqual({ seconds: Math.floor(NOT_BEFORE.getTime() / 1000), nanos: 250_000_000 });
    expect(request.task.httpRequest).toMatchObject({
      url: SETTINGS.targetUrl,
      httpMethod: 'POST',
      headers: { 'Content-Type': 'application/json' },
      oidcToken: { serviceAccountEmail: SETTINGS.serviceAccountEmail, audience: SETTINGS.targetUrl },
    });
    expect(JSON.parse(request.task.httpRequest.body.toString('utf8'))).toEqual({ code: '3573' });
  });

  it("sends a cycle's scoring to scoreOffice with its cycle, and its finish to finishCycle with a 30-minute deadline", () => {
    const scoring = createTaskRequest(
      SETTINGS,
      'cycle-2025-TW3-1-3573',
      { code: '3573', period: '2025-TW3', cycle: '2025-TW3-1' },
      NOT_BEFORE,
    );
    expect(scoring.task.httpRequest.url).toBe(SETTINGS.targetUrl);
    expect(scoring.task.dispatchDeadline).toBeUndefined();
    expect(JSON.parse(scoring.task.httpRequest.body.toString('utf8'))).toEqual({
      code: '3573',
      period: '2025-TW3',
      cycle: '2025-TW3-1',
    });

    const finish = createTaskRequest(
      SETTINGS,
      'finish-2025-TW3-1',
      { kind: 'finish', cycle: '2025-TW3-1' },
      NOT_BEFORE,
    );
    expect(finish.task.httpRequest.url).toBe(SETTINGS.finishUrl);
    expect(finish.task.httpRequest.oidcToken.audience).toBe(SETTINGS.finishUrl);
    expect(finish.task.dispatchDeadline).toEqual({ seconds: 1800 });
    expect(JSON.parse(finish.task.httpRequest.body.toString('utf8'))).toEqual({ cycle: '2025-TW3-1' });
  });

  it.each([
    ['score-3573-1759719600000', /^[0-9a-f]{8}-score-3573-1759719600000$/],
    ['score-35.73/x y', /^[0-9a-f]{8}-score-35_73_x_y$/],
    ['x'.repeat(600), /^[0-9a-f]{8}-x+$/],
  ])('task ID of %j is one Cloud Tasks accepts', (name, expected) => {
    const id = taskId(name);
    expect(id).toMatch(expected);
    expect(id).toMatch(/^[A-Za-z0-9_-]{1,500}$/);
    expect(taskId(name)).toBe(id);
  });

  it.each([
    ['gRPC ALREADY_EXISTS', { code: 6, message: '6 ALREADY_EXISTS: Requested entity already exists' }, true],
    [
      'REST 409 ALREADY_EXISTS',
      {
        code: 409,
        status: 409,
        message: '{"error":{"code":409,"message":"Requested entity already exists","status":"ALREADY_EXISTS"}}',
      },
      true,
    ],
    ['REST 409 ABORTED', { code: 409, status: 409, message: '{"error":{"code":409,"status":"ABORTED"}}' }, false],
    ['PERMISSION_DENIED', { code: 7, message: '7 PERMISSION_DENIED' }, false],
    ['not an error object', 'ALREADY_EXISTS', false],
  ])('%s is "already queued": %s', (_name, error, expected) => {
    expect(isAlreadyExists(error)).toBe(expected);
  });

  it('a name already used is "exists", other failures reject', async () => {
    const client = new FakeTasksClient();
    const queue = new CloudTasksQueue(SETTINGS, async () => client);
    await expect(queue.enqueue('score-3573-1', { code: '3573' }, NOT_BEFORE)).resolves.toBe('queued');
    await expect(queue.enqueue('score-3573-1', { code: '3573' }, NOT_BEFORE)).resolves.toBe('exists');
    await expect(queue.enqueue('score-3573-2', { code: '3573' }, NOT_BEFORE)).resolves.toBe('queued');
    expect(client.created).toHaveLength(2);

    const failing = new CloudTasksQueue(SETTINGS, async () => ({
      createTask: async () => {
        throw Object.assign(new Error('7 PERMISSION_DENIED'), { code: 7 });
      },
    }));
    await expect(failing.enqueue('score-3573-1', { code: '3573' }, NOT_BEFORE)).rejects.toMatchObject({ code: 7 });
  });
});

describe('CloudTasksQueue over the REST transport', () => {
  let server: Server;
  let port: number;
  const received: { method: string; url: string; authorization: string | undefined; body: Record<string, unknown> }[] =
    [];

  beforeAll(async () => {
    const names = new Set<string>();
    server = createServer(async (req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { task?: { name?: string } };
      received.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization, body });
      const name = body.task?.name ?? '';
      res.setHeader('content-type', 'application/json');
      if (name.endsWith('-refuse-me')) {
        res.writeHead(403).end(
          JSON.stringify({
            error: { code: 403, message: 'The caller does not have permission', status: 'PERMISSION_DENIED' },
          }),
        );
        return;
      }
      if (names.has(name)) {
        res.writeHead(409).end(
          JSON.stringify({
            error: { code: 409, message: 'Requested entity already exists', status: 'ALREADY_EXISTS' },
          }),
        );
        return;
      }
      names.add(name);
      res.writeHead(200).end(JSON.stringify({ ...body.task, dispatchCount: 0 }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('POSTs the task to the queue and reads 409 ALREADY_EXISTS as "exists"', async () => {
    const queue = new CloudTasksQueue(SETTINGS, async () =>
      restTasksClient({ endpoint: `http://127.0.0.1:${port}`, token: async () => 'test-token' }),
    );

    await expect(
      queue.enqueue('score-3573-1759719600000', { code: '3573', period: '2025-TW3' }, NOT_BEFORE),
    ).resolves.toBe('queued');
    await expect(
      queue.enqueue('score-3573-1759719600000', { code: '3573', period: '2025-TW3' }, NOT_BEFORE),
    ).resolves.toBe('exists');
    await expect(queue.enqueue('finish-2025-TW3-1', { kind: 'finish', cycle: '2025-TW3-1' }, NOT_BEFORE)).resolves.toBe(
      'queued',
    );

    const [first] = received;
    expect(first?.method).toBe('POST');
    expect(first?.url).toMatch(new RegExp(`^/v2/${SETTINGS.queue}/tasks(\\?|$)`));
    expect(first?.authorization).toBe('Bearer test-token');
    const task = first?.body.task as {
      name: string;
      scheduleTime: string;
      httpRequest: { url: string; body: string; oidcToken: { serviceAccountEmail: string } };
    };
    expect(task.name).toBe(`${SETTINGS.queue}/tasks/${taskId('score-3573-1759719600000')}`);
    expect(new Date(task.scheduleTime).getTime()).toBe(NOT_BEFORE.getTime());
    expect(task.httpRequest.url).toBe(SETTINGS.targetUrl);
    expect(task.httpRequest.oidcToken.serviceAccountEmail).toBe(SETTINGS.serviceAccountEmail);
    expect(JSON.parse(Buffer.from(task.httpRequest.body, 'base64').toString('utf8'))).toEqual({
      code: '3573',
      period: '2025-TW3',
    });
    // The REST API writes the deadline as a protobuf Duration in JSON.
    const finish = received.at(-1)?.body.task as { dispatchDeadline: string; httpRequest: { url: string } };
    expect(finish.dispatchDeadline).toBe('1800s');
    expect(finish.httpRequest.url).toBe(SETTINGS.finishUrl);
  });

  it('rejects any other refusal with its HTTP status, so the notification is answered 500 and retried', async () => {
    const queue = new CloudTasksQueue(SETTINGS, async () =>
      restTasksClient({ endpoint: `http://127.0.0.1:${port}`, token: async () => 'test-token' }),
    );
    await expect(queue.enqueue('refuse-me', { code: '3573' }, NOT_BEFORE)).rejects.toMatchObject({
      code: 403,
      message: expect.stringContaining('PERMISSION_DENIED'),
    });
  });

  it('with MONEV_GOOGLE_ROOT_URL and no key file, goes to that root without a token (as Sheets and Drive do)', async () => {
    const config = parseConfig({ MONEV_GOOGLE_ROOT_URL: `http://127.0.0.1:${port}` });
    const queue = new CloudTasksQueue(SETTINGS, async () => googleTasksClient(config.google));
    const before = received.length;
    await expect(queue.enqueue('score-3578-1759719600000', { code: '3578' }, NOT_BEFORE)).resolves.toBe('queued');
    expect(received.slice(before)).toEqual([expect.objectContaining({ method: 'POST', authorization: undefined })]);
  });
});

describe('configuration', () => {
  it('MONEV_TASKS_QUEUE selects Cloud Tasks with the scoreOffice URL as target', () => {
    const config = parseConfig({
      MONEV_TASKS_QUEUE: SETTINGS.queue,
      MONEV_FUNCTIONS_URL: 'https://asia-southeast2-monev-jatim.cloudfunctions.net/',
      MONEV_TASKS_SERVICE_ACCOUNT: SETTINGS.serviceAccountEmail,
    });
    expect(config.tasks).toEqual(SETTINGS);
    expect(config.dispatchesPerSecond).toBe(0.2);
    expect(parseConfig({}).tasks).toBeUndefined();
  });

  it.each([
    [{ MONEV_TASKS_QUEUE: SETTINGS.queue }, /MONEV_FUNCTIONS_URL/],
    [{ MONEV_TASKS_QUEUE: 'monev-score' }, /projects\/PROYEK/],
    [{ MONEV_FUNCTIONS_URL: 'asia-southeast2' }, /URL/],
  ])('refuses %j with a message that says what to fix', (env, message) => {
    expect(() => parseConfig(env)).toThrow(message);
  });
});
