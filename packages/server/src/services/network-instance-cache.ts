import { networkRevision, type Database } from '@halflife/db';
import type { Kysely } from 'kysely';
import { buildNetworkInstance, type NetworkInstance } from './network-instance.js';

/** How many days' instances a process keeps per database. */
const KEEP = 16;
const caches = new WeakMap<Kysely<Database>, Map<string, Promise<NetworkInstance>>>();

/**
 * A day's network instance without orders, built once per network revision: the revision moves
 * with every change to what the instance is built from (a database trigger), so the cache in any
 * process is never stale, and repeated assessments and maps skip rebuilding it.
 */
export async function networkInstanceWithoutOrders(
  db: Kysely<Database>,
  date: string,
  zone: string,
): Promise<NetworkInstance> {
  const key = `${date}|${zone}|${await networkRevision(db)}`;
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map<string, Promise<NetworkInstance>>()));
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key); // most recently used goes last
    cache.set(key, hit);
    return hit;
  }
  const built = buildNetworkInstance(db, date, zone, { withOrders: false });
  cache.set(key, built);
  built.catch(() => cache.delete(key));
  while (cache.size > KEEP) cache.delete(cache.keys().next().value as string);
  return built;
}
