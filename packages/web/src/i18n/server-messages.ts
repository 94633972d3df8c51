/**
 * The server's texts the screens show (reasons, notes, progress), in both languages. The API
 * speaks English; `serverText` (server-texts.ts) finds a text's message here by its pattern.
 */
import type { Messages } from './messages.js';

export const en = {
  oneGroup: 'Only one group: nothing to compare.',
  noEvents: 'No events yet.',
  coxNotConverged: 'The Cox model did not converge: {{problem}}.',
};

export const zh: Messages<typeof en> = {
  oneGroup: '只有一组：无可比较。',
  noEvents: '尚无事件。',
  coxNotConverged: 'Cox 模型未收敛：{{problem}}。',
};
