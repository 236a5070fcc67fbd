import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../functions/shared/config-error.js';
import { TaskRejected } from '../../functions/app/errors.js';
import { answerFor, HttpError } from '../../functions/http/errors.js';
import { reply } from '../../functions/http/replies.js';

/** HTTP errors mapped in one place (issue 9 item 4): each kind of error → its answer and its log line. */
type Logged = [string, string, Record<string, unknown> | undefined];

function mapped(error: unknown) {
  const logged: Logged[] = [];
  const answer = answerFor('scoreOffice', error, (severity, message, fields) =>
    logged.push([severity, message, fields]),
  );
  return { answer, logged };
}

describe('answerFor', () => {
  const internals = 'ENOENT /srv/monev/data/satker/3573.xlsx at readFile (node:fs)';
  const cases: { name: string; error: unknown; status: number; code: string; severity: string | null }[] = [
    {
      name: 'an HttpError keeps its answer',
      error: HttpError.of('bad-score-body'),
      status: 400,
      code: 'bad-score-body',
      severity: null,
    },
    {
      name: 'a refused caller is logged',
      error: HttpError.of('invalid-token'),
      status: 401,
      code: 'invalid-token',
      severity: 'WARNING',
    },
    {
      name: 'a bad webhook signature is not',
      error: HttpError.of('bad-signature'),
      status: 401,
      code: 'bad-signature',
      severity: null,
    },
    {
      name: 'a service not configured, with its note for the log',
      error: new HttpError(reply('not-configured'), 'MONEV_WEBHOOK_SECRET belum diisi'),
      status: 500,
      code: 'not-configured',
      severity: 'ERROR',
    },
    {
      name: 'a task that must not be retried',
      error: new TaskRejected('Siklus x tidak tercatat.'),
      status: 422,
      code: 'task-rejected',
      severity: 'WARNING',
    },
    {
      name: 'a configuration problem',
      error: new ConfigError('Bobot tidak berjumlah 100.'),
      status: 422,
      code: 'config-invalid',
      severity: 'ERROR',
    },
    { name: 'a fault', error: new Error(internals), status: 500, code: 'internal', severity: 'ERROR' },
    {
      name: 'something thrown that is not an Error',
      error: internals,
      status: 500,
      code: 'internal',
      severity: 'ERROR',
    },
  ];
  it.each(cases)('$name → $status $code', ({ error, status, code, severity }) => {
    const { answer, logged } = mapped(error);
    expect(answer.status).toBe(status);
    expect(answer.body.code).toBe(code);
    expect(JSON.stringify(answer.body)).not.toMatch(/ENOENT|srv|node:fs|Siklus x|Bobot|MONEV_WEBHOOK_SECRET/);
    expect(logged.map(([level]) => level)).toEqual(severity === null ? [] : [severity]);
    expect(JSON.stringify(logged)).not.toContain('ENOENT');
  });

  it('logs the reason of a rejected task and of a configuration problem, for the operator', () => {
    expect(JSON.stringify(mapped(new TaskRejected('Siklus x tidak tercatat.')).logged)).toContain(
      'Siklus x tidak tercatat.',
    );
    expect(JSON.stringify(mapped(new ConfigError('Bobot tidak berjumlah 100.')).logged)).toContain('Bobot');
  });
});

describe('the reply catalogue', () => {
  it('writes a fractional timeout with the decimal comma', () => {
    expect(reply('body-timeout', { seconds: 2.5 }).body.error).toBe(
      'Isi permintaan tidak selesai terkirim dalam 2,5 detik; kirim ulang sekaligus.',
    );
  });

  it('gives every answer a status, a stable code and an Indonesian text', () => {
    const answers = [
      reply('body-too-large', { limit: 65_536 }),
      reply('body-timeout', { seconds: 10 }),
      reply('unknown-function', { name: 'skor', choices: ['sheetChanged', 'scoreOffice'] }),
    ];
    expect(answers.map(({ status, body }) => [status, body.code])).toEqual([
      [413, 'body-too-large'],
      [408, 'body-timeout'],
      [404, 'unknown-function'],
    ]);
    expect(answers.map(({ body }) => body.error)).toEqual([
      'Isi permintaan lebih dari 64 KiB; pemberitahuan perubahan jauh lebih kecil.',
      'Isi permintaan tidak selesai terkirim dalam 10 detik; kirim ulang sekaligus.',
      'Tidak ada fungsi "skor". Pilihan: sheetChanged, scoreOffice.',
    ]);
  });
});
