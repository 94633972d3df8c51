/** The screens of the app and who sees them: each role finds its own work first. */
export type Screen = 'orders' | 'plans' | 'decay';

export interface NavItem {
  readonly screen: Screen;
  readonly label: string;
  readonly path: string;
}

const ITEMS: Record<Screen, NavItem> = {
  orders: { screen: 'orders', label: 'Orders', path: '/orders' },
  plans: { screen: 'plans', label: 'Plans', path: '/plans' },
  decay: { screen: 'decay', label: 'Decay calculator', path: '/decay' },
};

const PRODUCER_STAFF = ['admin', 'planner', 'radiopharmacist', 'qualified_person', 'analyst'];

/** The navigation for a signed-in user, their main screen first. */
export function navFor(me: { role: string; organisation: { kind: string } }): NavItem[] {
  const producer = me.organisation.kind === 'producer';
  if (producer && (me.role === 'planner' || me.role === 'admin')) {
    return [ITEMS.plans, ITEMS.orders, ITEMS.decay];
  }
  if (producer && PRODUCER_STAFF.includes(me.role)) return [ITEMS.orders, ITEMS.decay];
  if (me.organisation.kind === 'hospital') return [ITEMS.orders, ITEMS.decay];
  return [ITEMS.decay];
}

/** The screen a path shows for this user; unknown or forbidden paths go to their first screen. */
export function screenAt(path: string, items: readonly NavItem[]): NavItem | undefined {
  return items.find((i) => path === i.path || path.startsWith(`${i.path}/`)) ?? items[0];
}
