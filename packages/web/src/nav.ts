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

/** Producer staff by role, their screens in the order they reach for them. */
const PRODUCER: Record<string, readonly Screen[]> = {
  planner: ['plans', 'orders', 'map', 'supply', 'decay'],
  admin: ['plans', 'orders', 'map', 'supply', 'decay'],
  radiopharmacist: ['orders', 'supply', 'map', 'decay'],
  qualified_person: ['orders', 'supply', 'map', 'decay'],
  analyst: ['map', 'supply', 'orders', 'decay'],
};

/** The navigation for a signed-in user, their main screen first. */
export function navFor(me: { role: string; organisation: { kind: string } }): NavItem[] {
  const screens: readonly Screen[] =
    me.organisation.kind === 'producer'
      ? (PRODUCER[me.role] ?? ['decay'])
      : me.organisation.kind === 'hospital'
        ? ['orders', 'decay']
        : ['decay'];
  return screens.map((s) => ITEMS[s]);
}

/** The screen a path shows for this user; unknown or forbidden paths go to their first screen. */
export function screenAt(path: string, items: readonly NavItem[]): NavItem | undefined {
  return items.find((i) => path === i.path || path.startsWith(`${i.path}/`)) ?? items[0];
}
