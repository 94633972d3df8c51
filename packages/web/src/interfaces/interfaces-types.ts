import type { components } from '../api/schema.js';

export type Hl7Facility = components['schemas']['Hl7Facility'];
export type Hl7OutboxEntry = components['schemas']['Hl7OutboxEntry'];
