import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from './create-db.js';
import { embeddedHolder, holdEmbedded } from './embedded-lock.js';

const dir = mkdtempSync(join(tmpdir(), 'halflife-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an embedded database held by a running server', () => {
  it('is not opened by another process, and a stale lock does not block', async () => {
    const data = join(dir, 'data');
    // Another live process (this one's parent) holds it.
    writeFileSync(`${data}.server.pid`, String(process.ppid));
    expect(embeddedHolder(data)).toBe(process.ppid);
    await expect(createDb(`file://${data}`)).rejects.toThrow(
      `the embedded database ${data} is held by a running server (pid ${process.ppid})`,
    );
    // A holder that has exited leaves a stale lock, which is ignored.
    writeFileSync(`${data}.server.pid`, '2147483646');
    expect(embeddedHolder(data)).toBeUndefined();
    const db = await createDb(`file://${data}`);
    const held = holdEmbedded(data);
    expect(embeddedHolder(data)).toBeUndefined(); // this process holds it: it may open it
    held.release();
    await db.close();
  });
});
