import type { Kysely, Selectable } from 'kysely';
import type { Database, ProductTable } from './schema.js';

export type ProductRow = Selectable<ProductTable>;

/** Every product, by code. */
export async function listProducts(db: Kysely<Database>): Promise<ProductRow[]> {
  return db.selectFrom('products').selectAll().orderBy('code').execute();
}

/** The product with this code, if there is one. */
export async function productByCode(
  db: Kysely<Database>,
  code: string,
): Promise<ProductRow | undefined> {
  return db.selectFrom('products').selectAll().where('code', '=', code).executeTakeFirst();
}
