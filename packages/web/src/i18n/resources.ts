/**
 * Every namespace's messages in both languages. A namespace is one area of the app (its folder's
 * messages.ts); `common` holds the shell and the words many screens share.
 */
import * as batches from '../batches/messages.js';
import * as courier from '../courier/messages.js';
import * as decay from '../decay/messages.js';
import * as design from '../design/messages.js';
import * as dispatch from '../dispatch/messages.js';
import * as hospital from '../hospital/messages.js';
import * as interfaces from '../interfaces/messages.js';
import * as map from '../map/messages.js';
import * as orders from '../orders/messages.js';
import * as outcomes from '../outcomes/messages.js';
import * as patients from '../patients/messages.js';
import * as plans from '../plans/messages.js';
import * as strategy from '../strategy/messages.js';
import * as supply from '../supply/messages.js';
import * as waste from '../waste/messages.js';
import * as common from './common-messages.js';
import { SERVER_CATALOGUES } from './server/index.js';

const NAMESPACES = {
  common,
  ...SERVER_CATALOGUES,
  batches,
  courier,
  decay,
  design,
  dispatch,
  hospital,
  interfaces,
  map,
  orders,
  outcomes,
  patients,
  plans,
  strategy,
  supply,
  waste,
};

type Namespace = keyof typeof NAMESPACES;

function pick<L extends 'en' | 'zh'>(language: L) {
  return Object.fromEntries(Object.entries(NAMESPACES).map(([ns, m]) => [ns, m[language]])) as {
    [N in Namespace]: (typeof NAMESPACES)[N][L];
  };
}

export const EN = pick('en');
export const ZH = pick('zh');
export const RESOURCES = { en: EN, 'zh-CN': ZH };
