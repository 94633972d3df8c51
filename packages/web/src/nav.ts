/** The screens of the app and who sees them: each role finds its own work first. */
export type Screen =
  | 'orders'
  | 'plans'
  | 'map'
  | 'batches'
  | 'dispatch'
  | 'runs'
  | 'deliveries'
  | 'waste'
  | 'patients'
  | 'outcomes'
  | 'supply'
  | 'outlook'
  | 'design'
  | 'alerts'
  | 'interfaces'
  | 'decay';

export interface NavItem {
  readonly screen: Screen;
  readonly path: string;
}

const ITEMS: Record<Screen, NavItem> = {
  plans: { screen: 'plans', path: '/plans' },
  orders: { screen: 'orders', path: '/orders' },
  map: { screen: 'map', path: '/map' },
  batches: { screen: 'batches', path: '/batches' },
  dispatch: { screen: 'dispatch', path: '/dispatch' },
  runs: { screen: 'runs', path: '/runs' },
  deliveries: { screen: 'deliveries', path: '/deliveries' },
  waste: { screen: 'waste', path: '/waste' },
  patients: { screen: 'patients', path: '/patients' },
  outcomes: { screen: 'outcomes', path: '/outcomes' },
  supply: { screen: 'supply', path: '/supply' },
  outlook: { screen: 'outlook', path: '/outlook' },
  design: { screen: 'design', path: '/design' },
  alerts: { screen: 'alerts', path: '/alerts' },
  interfaces: { screen: 'interfaces', path: '/interfaces' },
  decay: { screen: 'decay', path: '/decay' },
};

type Capabilities = Partial<Record<string, string>>;

/** What lets a caller see a screen: a capability, or a test of the capabilities. */
type Sees = string | ((c: Capabilities) => boolean) | undefined;

/**
 * Each screen, what lets a caller see it, and what makes it their main work (the first screen
 * in this order whose work the caller has).
 */
const SCREENS: readonly { screen: Screen; sees: Sees; work: readonly string[] }[] = [
  { screen: 'plans', sees: 'plans.read', work: ['plans.run'] },
  { screen: 'orders', sees: 'orders.read', work: ['orders.place', 'orders.decide'] },
  { screen: 'map', sees: 'map.read', work: [] },
  {
    screen: 'batches',
    sees: 'batches.read',
    work: ['batches.record', 'qc.record', 'batches.release'],
  },
  { screen: 'dispatch', sees: (c) => c['shipments.read'] === 'network', work: [] },
  { screen: 'runs', sees: 'shipments.carry', work: ['shipments.carry'] },
  {
    screen: 'deliveries',
    sees: (c) => c['shipments.read'] === 'organisation',
    work: ['doses.receive', 'doses.administer'],
  },
  // Patients on a theranostic pathway: a hospital's own (physicians record them), a study's for
  // its team; cohort figures for the study team and analysts.
  { screen: 'patients', sees: 'patients.read', work: ['patients.record'] },
  { screen: 'outcomes', sees: 'cohorts.read', work: ['cohorts.export'] },
  { screen: 'supply', sees: 'supply.read', work: ['supply.record'] },
  // Demand against supply in the weeks ahead (issue 16), for whoever reads the supply.
  { screen: 'outlook', sees: 'supply.read', work: [] },
  // Where new units would go (issue 16): saved scenarios and their designs, for analysts and planners.
  { screen: 'design', sees: 'design.read', work: [] },
  // A hospital's quality alerts about the batches its doses came from; the producer's staff read
  // them on each batch record.
  { screen: 'alerts', sees: (c) => c['alerts.read'] === 'organisation', work: [] },
  { screen: 'waste', sees: 'waste.read', work: [] },
  // Hospitals' systems (HL7 v2, issue 17): the administrators' facility mappings and dead letters.
  { screen: 'interfaces', sees: 'interfaces.read', work: [] },
  { screen: 'decay', sees: undefined, work: [] },
];

function canSee(sees: Sees, capabilities: Capabilities): boolean {
  if (sees === undefined) return true;
  return typeof sees === 'string' ? capabilities[sees] !== undefined : sees(capabilities);
}

/**
 * The navigation for a signed-in user, from the capabilities the server gives them (nothing
 * re-derived from roles): the screens they may see, the one of their main work first — planning,
 * then ordering, then production (batch records, QC, release), then recording supply; without any
 * of these, the network map.
 */
export function navFor(me: { capabilities: Capabilities }): NavItem[] {
  const visible = SCREENS.filter((s) => canSee(s.sees, me.capabilities));
  const main =
    visible.find((s) => s.work.some((action) => me.capabilities[action])) ??
    visible.find((s) => s.screen === 'map') ??
    visible[0];
  return [...(main ? [main] : []), ...visible.filter((s) => s !== main)].map(
    (s) => ITEMS[s.screen],
  );
}

/** The screen a path shows for this user; unknown or forbidden paths go to their first screen. */
export function screenAt(path: string, items: readonly NavItem[]): NavItem | undefined {
  return items.find((i) => path === i.path || path.startsWith(`${i.path}/`)) ?? items[0];
}
