// Loaded with `node --import` by the full-disk test where a small tmpfs cannot be mounted (no root in
// CI): every write under MONEV_TEST_FULL_DIR counts its bytes, and once MONEV_TEST_FULL_BYTES are
// used, writes fail with ENOSPC as they would on a full disk. Only monev's child process loads it.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { resolve } from 'node:path';

const root = resolve(process.env.MONEV_TEST_FULL_DIR ?? '/nonexistent');
let left = Number(process.env.MONEV_TEST_FULL_BYTES ?? '0');

function under(path) {
  return typeof path === 'string' && resolve(path).startsWith(root);
}

function spend(path, data) {
  if (!under(path)) return;
  const size = typeof data === 'string' ? Buffer.byteLength(data) : (data?.byteLength ?? 0);
  if (size > left) {
    left = 0;
    throw Object.assign(new Error(`ENOSPC: no space left on device, write '${path}'`), {
      code: 'ENOSPC',
      errno: -28,
      syscall: 'write',
      path,
    });
  }
  left -= size;
}

const promises = fs.promises;
const writeFile = promises.writeFile;
promises.writeFile = async (path, data, options) => {
  spend(path, data);
  return writeFile(path, data, options);
};
const appendFile = promises.appendFile;
promises.appendFile = async (path, data, options) => {
  spend(path, data);
  return appendFile(path, data, options);
};
const open = promises.open;
promises.open = async (path, ...rest) => {
  const handle = await open(path, ...rest);
  if (!under(path)) return handle;
  for (const method of ['writeFile', 'appendFile', 'write']) {
    const original = handle[method].bind(handle);
    handle[method] = async (data, ...more) => {
      spend(path, data);
      return original(data, ...more);
    };
  }
  return handle;
};
syncBuiltinESMExports();
