/**
 * Every catalogue of the server's texts, by namespace, in the order `serverText` tries them.
 * Each area's catalogue names the server code its texts come from.
 */
import * as batches from './batches.js';
import * as clinical from './clinical.js';
import * as server from './common.js';
import * as distribution from './distribution.js';
import * as orders from './orders.js';

export const SERVER_CATALOGUES = {
  server,
  'server-orders': orders,
  'server-batches': batches,
  'server-distribution': distribution,
  'server-clinical': clinical,
};
