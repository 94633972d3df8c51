import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './create-db.js';
import { integrityError } from './integrity-error.js';
import { testDb } from './test-database.js';

let db: Db;

beforeAll(async () => {
  db = await testDb();
});
afterAll(async () => {
  await db.close();
});

/** The error a statement throws, or undefined when it succeeds. */
async function thrownBy(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
    return undefined;
  } catch (e) {
    return e;
  }
}

describe('integrityError', () => {
  it('calls a unique-constraint violation a duplicate, naming the key', async () => {
    const org = () =>
      db.kysely.insertInto('organisations').values({ kind: 'hospital', name: 'Twice' }).execute();
    await org();
    const error = integrityError(await thrownBy(org));
    expect(error?.code).toBe('duplicate');
    expect(error?.message).toMatch(/^already exists: .*Twice/);
  });

  it('calls a foreign-key violation a dangling reference', async () => {
    const error = integrityError(
      await thrownBy(() =>
        db.kysely
          .insertInto('delivery_points')
          .values({
            hospital_id: '00000000-0000-4000-8000-000000000000',
            name: 'Nowhere',
            latitude: 0,
            longitude: 0,
          })
          .execute(),
      ),
    );
    expect(error?.code).toBe('dangling-reference');
    expect(error?.message).toMatch(/^refers to something that is gone: /);
  });

  it('calls a lost serialisation race a concurrent change', () => {
    expect(integrityError({ code: '40001' })).toEqual({
      code: 'concurrent-change',
      message: 'a concurrent change won; retry',
    });
    expect(integrityError({ code: '23505' })?.message).toBe('already exists: it changed meanwhile');
  });

  it('leaves every other error alone', () => {
    expect(integrityError(new Error('boom'))).toBeUndefined();
    expect(integrityError({ code: '42P01' })).toBeUndefined();
    expect(integrityError(null)).toBeUndefined();
    expect(integrityError('23505')).toBeUndefined();
  });
});
