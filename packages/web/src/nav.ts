/** The screens of the app and who sees them: each role finds its own work first. */
export type Screen = 'orders' | 'plans' | 'map' | 'supply' | 'decay';

export interface NavItem {
  readonly screen: Screen;
  readonly label: string;
  readonly path: string;
}

const ITEMS: Record<Screen, NavItem> = {
  plans: { screen: 'plans', label: 'Plans', path: '/plans' },
  orders: { screen: 'orders', label: 'Orders', path: '/orders' },
  map: { screen: 'map', label: 'Network map', path: '/map' },
  supply: { screen: 'supply', label: 'Supply', path: '/supply' },
  decay: { screen: 'decay', label: 'Decay calculator', path: '/decay' },
};

type Capabilities = Partial<Record<string, string>>;

/** Each screen, what lets a caller see it, and what makes it their main work. */
const SCREENS: readonly { screen: Screen; sees: string | undefined; work: readonly string[] }[] = [
  { screen: 'plans', sees: 'plans.read', work: ['plans.run'] },
  { screen: 'orders', sees: 'orders.read', work: ['orders.place', 'orders.decide'] },
  { screen: 'map', sees: 'map.read', work: [] },
  { screen: 'supply', sees: 'supply.read', work: ['supply.record'] },
  { screen: 'decay', sees: undefined, work: [] },
];

/**
 * The navigation for a signed-in user, from the capabilities the server gives them (nothing
 * re-derived from roles): the screens they may see, the one of their main work first — planning,
 * then ordering, then recording supply; without any of these, the network map.
 */
export function navFor(me: { capabilities: Capabilities }): NavItem[] {
  const visible = SCREENS.filter((s) => s.sees === undefined || me.capabilities[s.sees]);
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
