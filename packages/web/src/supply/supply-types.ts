import type { components } from '../api/schema.js';

/** The supply API's replies, named once for the supply screen (types only, from schema.d.ts). */
export type Site = components['schemas']['Place'];
export type Generator = components['schemas']['Generator'];
export type GeneratorDetail = components['schemas']['GeneratorDetail'];
export type GeneratorYield = components['schemas']['GeneratorYield'];
export type OptimalInterval = components['schemas']['OptimalInterval'];
export type Lot = components['schemas']['Lot'];
export type LotDetail = components['schemas']['LotDetail'];
export type SiteSupply = components['schemas']['SiteSupply'];
