import { describe, expect, it } from 'vitest';
import { isLoopback, serveCommand } from '../../functions/commands/serve.js';
import { UsageError } from '../../functions/commands/io.js';

/** `monev serve` listens on 127.0.0.1 unless told otherwise; away from loopback it checks OIDC tokens. */
const io = { out: () => undefined, err: () => undefined, interactive: false };

describe('loopback addresses', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['::1', true],
    ['0.0.0.0', false],
    ['::', false],
    ['192.168.1.10', false],
    ['monev.local', false],
  ] as const)('%s → %s', (host, loopback) => expect(isLoopback(host)).toBe(loopback));
});

describe('--host away from loopback', () => {
  it('needs the OIDC settings, since the check is on by default there', async () => {
    const serving = serveCommand({ data: 'data', out: 'out', port: 0, host: '0.0.0.0' }, io, {});
    await expect(serving).rejects.toBeInstanceOf(UsageError);
    await expect(serving).rejects.toThrow(/MONEV_FUNCTIONS_URL.*MONEV_TASKS_SERVICE_ACCOUNT/);
  });

  it('also with --oidc on at loopback', async () => {
    await expect(serveCommand({ data: 'data', out: 'out', port: 0, oidc: true }, io, {})).rejects.toThrow(/--oidc on/);
  });
});
