/**
 * The server's texts about distribution, in both languages (see ./common.ts for the shape).
 */
import type { Messages } from '../messages.js';
import type { Patterns, Samples } from './shape.js';

export const en = {};

export const zh: Messages<typeof en> = {};

export const patterns: Patterns<typeof en> = {};

export const samples: Samples<typeof en> = {};
