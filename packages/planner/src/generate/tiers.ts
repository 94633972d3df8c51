/**
 * The instance tiers (assumption, demo, sized after facts.md's "Network scale"): S a city cluster
 * with one product, M a region, L the whole country with about 1,200 nuclear-medicine departments
 * (facts.md: about 1,150–1,200 in China), and G a region whose Ga-68 comes from its sites'
 * Ge-68/Ga-68 generators, so that supply binds.
 */
import { intBetween, type Rng } from '@halflife/domain/demo';

export type Tier = 'S' | 'M' | 'L' | 'G';

export interface TierConfig {
  readonly tier: Tier;
  readonly describe: string;
  /** Products offered, by demo code. */
  readonly products: (rng: Rng) => string[];
  readonly orders: (rng: Rng) => number;
  /**
   * Weight of a hospital beyond a product's practical reach relative to one within it: such
   * hospitals order rarely, and their orders are usually the ones left unserved.
   */
  readonly unreachableWeight: number;
  /** Share of orders whose calibration ignores what the network can reach in time. */
  readonly tooEarlyShare: number;
  /** Ga-68 orders at least placed beyond its practical reach (where such hospitals exist). */
  readonly remoteGa68Orders: number;
  /** Ga-68 comes from the sites' Ge-68/Ga-68 generators (site-generators.ts), not bought freely. */
  readonly generatorFed: boolean;
}

const M_PRODUCTS = ['GA68-PSMA11', 'F18-FDG', 'LU177-PSMA617', 'F18-DCFPYL'];

export const TIERS: Readonly<Record<Tier, TierConfig>> = {
  S: {
    tier: 'S',
    describe: 'a city cluster, one Ga-68 product',
    products: () => ['GA68-PSMA11'],
    orders: (rng) => intBetween(rng, 40, 60),
    unreachableWeight: 0.4,
    tooEarlyShare: 0.02,
    remoteGa68Orders: 2,
    generatorFed: false,
  },
  M: {
    tier: 'M',
    describe: 'a region',
    products: (rng) => M_PRODUCTS.slice(0, intBetween(rng, 2, 4)),
    orders: (rng) => intBetween(rng, 370, 430),
    unreachableWeight: 0.1,
    tooEarlyShare: 0.01,
    remoteGa68Orders: 3,
    generatorFed: false,
  },
  L: {
    tier: 'L',
    describe: 'the national network',
    products: () => [
      'F18-FDG',
      'GA68-PSMA11',
      'F18-DCFPYL',
      'TC99M-MDP',
      'LU177-PSMA617',
      'LU177-DOTATATE',
    ],
    orders: (rng) => intBetween(rng, 4900, 5100),
    unreachableWeight: 0.05,
    tooEarlyShare: 0.01,
    remoteGa68Orders: 5,
    generatorFed: false,
  },
  G: {
    tier: 'G',
    describe: 'a generator-fed Ga-68 region: isotope, not lines, limits the day',
    products: () => ['GA68-PSMA11'],
    orders: (rng) => intBetween(rng, 80, 100),
    unreachableWeight: 0.1,
    tooEarlyShare: 0.01,
    remoteGa68Orders: 2,
    generatorFed: true,
  },
};
