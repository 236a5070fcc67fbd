import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import { OAuth2Client } from 'google-auth-library';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOGLE_ISSUERS, GoogleIdTokenVerifier } from '../../functions/adapters/google/id-token-verifier.js';
import { createTaskRequest } from '../../functions/adapters/queue/cloud-tasks-queue.js';
import { parseConfig } from '../../functions/config.js';
import { audienceOf, deployedCallers, oidcCallers, type PrivateFunction } from '../../functions/http/access.js';
import { HttpError } from '../../functions/http/errors.js';
import { createHandlers } from '../../functions/http/handlers.js';
import { registerFunctions } from '../../functions/http/register.js';
import { localRuntime } from '../../functions/cloud-functions-runtime.js';

/**
 * The private functions' OIDC check (issue 10 item 7), with keys made here by node:crypto and
 * Google's certificate endpoint stood in by a loopback server: no network. A token is RS256 over
 * Google's claims; each refused case changes one thing.
 */
const FUNCTIONS_URL = 'https://asia-southeast2-monev-jatim.cloudfunctions.net';
const ACCOUNT = 'monev@monev-jatim.iam.gserviceaccount.com';
const KID = 'kunci-uji-1';
const google = generateKeyPairSync('rsa', { modulusLength: 2048 });
const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });

interface Claims {
  iss?: string;
  aud?: string;
  email?: string;
  email_verified?: boolean;
  iat?: number;
  exp?: number;
  sub?: string;
}

function idToken(claims: Claims, key: KeyObject = google.privateKey, kid = KID): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signed = `${part({ alg: 'RS256', kid, typ: 'JWT' })}.${part(claims)}`;
  return `${signed}.${createSign('RSA-SHA256').update(signed).sign(key).toString('base64url')}`;
}

const now = () => Math.floor(Date.now() / 1000);
const valid = (fn: PrivateFunction = 'scoreOffice'): Claims => ({
  iss: 'https://accounts.google.com',
  aud: audienceOf(FUNCTIONS_URL, fn),
  email: ACCOUNT,
  email_verified: true,
  sub: '104857600000000000001',
  iat: now() - 10,
  exp: now() + 3590,
});

let certs: Server;
let certsUrl: string;
let certRequests = 0;

beforeAll(async () => {
  certs = createServer((_req, res) => {
    certRequests++;
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'public, max-age=3600' });
    res.end(JSON.stringify({ [KID]: google.publicKey.export({ type: 'spki', format: 'pem' }) }));
  });
  await new Promise<void>((resolve) => certs.listen(0, '127.0.0.1', resolve));
  certsUrl = `http://127.0.0.1:${(certs.address() as AddressInfo).port}/oauth2/v1/certs`;
});
afterAll(() => new Promise<void>((resolve) => certs.close(() => resolve())));

const client = (url = certsUrl) =>
  new OAuth2Client({ issuers: GOOGLE_ISSUERS, endpoints: { oauth2FederatedSignonPemCertsUrl: url } });
const callers = (url?: string) =>
  oidcCallers(
    { functionsUrl: FUNCTIONS_URL, serviceAccountEmail: ACCOUNT },
    new GoogleIdTokenVerifier({ serviceAccountEmail: ACCOUNT, client: client(url) }),
  );
const bearer = (token: string) => `Bearer ${token}`;

describe('a token the private functions accept', () => {
  it.each([
    ['Cloud Tasks calling scoreOffice', 'scoreOffice', bearer(idToken(valid('scoreOffice')))],
    ['Cloud Tasks calling finishCycle', 'finishCycle', bearer(idToken(valid('finishCycle')))],
    [
      'the issuer without https://',
      'runCycleHttp',
      bearer(idToken({ ...valid('runCycleHttp'), iss: 'accounts.google.com' })),
    ],
    ['the e-mail in capitals', 'scoreOffice', bearer(idToken({ ...valid(), email: ACCOUNT.toUpperCase() }))],
  ] as const)('%s', async (_name, fn, authorization) => {
    await expect(callers().check(fn, authorization)).resolves.toBeUndefined();
  });

  it("fetches Google's keys once and keeps them as long as Google says", async () => {
    const check = callers();
    const before = certRequests;
    await check.check('scoreOffice', bearer(idToken(valid())));
    await check.check('scoreOffice', bearer(idToken(valid())));
    expect(certRequests - before).toBe(1);
  });
});

describe('a token the private functions refuse', () => {
  const tampered = () => {
    const [head, , signature] = idToken(valid()).split('.');
    const forged = Buffer.from(JSON.stringify({ ...valid(), email: 'penyusup@example.com' })).toString('base64url');
    return `${head}.${forged}.${signature}`;
  };
  const cases: { name: string; authorization: string | undefined; status: number; code: string }[] = [
    { name: 'missing', authorization: undefined, status: 401, code: 'missing-token' },
    { name: 'not a bearer token', authorization: 'Basic bW9uZXY6c2FuZGk=', status: 401, code: 'missing-token' },
    { name: 'not a JWT', authorization: bearer('abc'), status: 401, code: 'invalid-token' },
    {
      name: 'wrong audience (a token for finishCycle)',
      authorization: bearer(idToken(valid('finishCycle'))),
      status: 401,
      code: 'invalid-token',
    },
    {
      name: 'wrong audience (another project)',
      authorization: bearer(
        idToken({ ...valid(), aud: 'https://asia-southeast2-lain.cloudfunctions.net/scoreOffice' }),
      ),
      status: 401,
      code: 'invalid-token',
    },
    {
      name: 'wrong issuer',
      authorization: bearer(idToken({ ...valid(), iss: 'https://issuer.example.com' })),
      status: 401,
      code: 'invalid-token',
    },
    {
      name: 'expired an hour ago',
      authorization: bearer(idToken({ ...valid(), iat: now() - 7200, exp: now() - 3600 })),
      status: 401,
      code: 'invalid-token',
    },
    {
      name: 'bad signature (another key under Google’s key ID)',
      authorization: bearer(idToken(valid(), stranger.privateKey)),
      status: 401,
      code: 'invalid-token',
    },
    {
      name: 'a key ID Google does not publish',
      authorization: bearer(idToken(valid(), stranger.privateKey, 'kunci-lain')),
      status: 401,
      code: 'invalid-token',
    },
    { name: 'claims changed after signing', authorization: bearer(tampered()), status: 401, code: 'invalid-token' },
    {
      name: 'wrong e-mail',
      authorization: bearer(idToken({ ...valid(), email: 'orang@monev-jatim.iam.gserviceaccount.com' })),
      status: 403,
      code: 'wrong-caller',
    },
    {
      name: 'e-mail not verified',
      authorization: bearer(idToken({ ...valid(), email_verified: false })),
      status: 403,
      code: 'wrong-caller',
    },
    {
      name: 'no e-mail (a token minted without --include-email)',
      authorization: bearer(idToken({ ...valid(), email: undefined, email_verified: undefined })),
      status: 403,
      code: 'wrong-caller',
    },
  ];
  it.each(cases)('$name → $status $code', async ({ authorization, status, code }) => {
    await expect(callers().check('scoreOffice', authorization)).rejects.toMatchObject({
      reply: { status, body: { code } },
    });
  });

  it("is a fault, not a refusal, when Google's keys cannot be fetched (Cloud Tasks retries)", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const check = callers(`http://127.0.0.1:${port}/certs`).check('scoreOffice', bearer(idToken(valid())));
    await expect(check).rejects.toThrow();
    await expect(check).rejects.not.toBeInstanceOf(HttpError);
  });
});

describe('the deployed functions', () => {
  it('admit nobody when MONEV_FUNCTIONS_URL or MONEV_TASKS_SERVICE_ACCOUNT is missing (500, not unchecked)', async () => {
    for (const settings of [{}, { functionsUrl: FUNCTIONS_URL }, { serviceAccountEmail: ACCOUNT }])
      await expect(deployedCallers(settings).check('scoreOffice', bearer(idToken(valid())))).rejects.toMatchObject({
        reply: { status: 500, body: { code: 'not-configured' } },
      });
  });

  it('expect the audience and the account the Cloud Tasks adapter puts in its tokens', () => {
    const config = parseConfig({
      MONEV_DATA_DIR: 'data',
      MONEV_FUNCTIONS_URL: `${FUNCTIONS_URL}/`,
      MONEV_TASKS_QUEUE: 'projects/monev-jatim/locations/asia-southeast2/queues/monev-score',
      MONEV_TASKS_SERVICE_ACCOUNT: ACCOUNT,
    });
    const tasks = config.tasks;
    expect(tasks).toBeDefined();
    if (!tasks || !config.functionsUrl) return;
    const at = new Date(Date.UTC(2025, 9, 10));
    const score = createTaskRequest(tasks, 'score-3573', { kind: 'score', code: '3573' }, at).task.httpRequest;
    const finish = createTaskRequest(tasks, 'finish-x', { kind: 'finish', cycle: 'x' }, at).task.httpRequest;
    expect(score.oidcToken).toEqual({
      serviceAccountEmail: config.invoker,
      audience: audienceOf(config.functionsUrl, 'scoreOffice'),
    });
    expect(finish.oidcToken).toEqual({
      serviceAccountEmail: config.invoker,
      audience: audienceOf(config.functionsUrl, 'finishCycle'),
    });
  });
});

describe('through the functions themselves', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'monev-oidc-'));
    const runtime = localRuntime(parseConfig({ MONEV_DATA_DIR: dir, MONEV_OUT_DIR: dir }), { log: () => undefined });
    registerFunctions(() => createHandlers(runtime, callers()));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const cases: { name: string; fn: PrivateFunction; authorization?: string; status: number; code: string }[] = [
    { name: 'scoreOffice without a token', fn: 'scoreOffice', status: 401, code: 'missing-token' },
    { name: 'runCycleHttp without a token', fn: 'runCycleHttp', status: 401, code: 'missing-token' },
    { name: 'finishCycle without a token', fn: 'finishCycle', status: 401, code: 'missing-token' },
    {
      name: 'finishCycle with a token for scoreOffice',
      fn: 'finishCycle',
      authorization: bearer(idToken(valid('scoreOffice'))),
      status: 401,
      code: 'invalid-token',
    },
    {
      name: 'scoreOffice with someone else’s token',
      fn: 'scoreOffice',
      authorization: bearer(idToken({ ...valid(), email: 'orang@example.com' })),
      status: 403,
      code: 'wrong-caller',
    },
    // Past the check, the body is parsed: a 400 shows the token was accepted.
    {
      name: 'scoreOffice with a good token reaches its body',
      fn: 'scoreOffice',
      authorization: bearer(idToken(valid('scoreOffice'))),
      status: 400,
      code: 'bad-score-body',
    },
    {
      name: 'finishCycle with a good token reaches its body',
      fn: 'finishCycle',
      authorization: bearer(idToken(valid('finishCycle'))),
      status: 400,
      code: 'bad-finish-body',
    },
  ];
  it.each(cases)('$name → $status $code', async ({ fn, authorization, status, code }) => {
    const call = request(getTestServer(fn)).post('/').set('Content-Type', 'application/json');
    if (authorization) call.set('Authorization', authorization);
    const response = await call.send(JSON.stringify({ nothing: true }));
    expect(response.status).toBe(status);
    expect(response.body.code).toBe(code);
    expect(response.text).not.toMatch(/eyJ|Wrong recipient|Invalid token|pem/);
  });
});
