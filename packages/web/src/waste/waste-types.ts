import type { components } from '../api/schema.js';

/** The waste register's replies and requests, named once for the waste screen (types only). */
export type WasteContainer = components['schemas']['WasteContainer'];
export type WasteStatus = WasteContainer['status'];
export type WasteKind = WasteContainer['kind'];
export type ReleaseRule = WasteContainer['rule'];
export type NuclideActivity = WasteContainer['now'][number];
export type Place = components['schemas']['Place'];
