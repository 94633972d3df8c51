import { formatDuration, type Dataset, type Nuclide } from '@halflife/nuclear';

/**
 * A decay chain drawn as a tree: each branch with its mode and fraction. A nuclide reached a
 * second time is named but not expanded again ("see above"), so a chain with merging paths stays short.
 */
export function chainTree(data: Dataset, root: Nuclide): string {
  const lines = [`${root.name}  ${formatDuration(root.halfLife)}`];
  const seen = new Set<string>([root.name]);
  const walk = (n: Nuclide, prefix: string): void => {
    const branches = n.branches.filter((b) => b.fraction > 0);
    branches.forEach((b, k) => {
      const last = k === branches.length - 1;
      const daughter = b.daughter === null ? undefined : data.byName.get(b.daughter);
      const label = `${b.mode} ${formatFraction(b.fraction)}`;
      const target = daughter
        ? `${daughter.name}  ${formatDuration(daughter.halfLife)}`
        : '(leaves the chain)';
      const repeat = daughter && seen.has(daughter.name) && daughter.branches.length > 0;
      lines.push(
        `${prefix}${last ? '└─' : '├─'} ${label} → ${target}${repeat ? '  (see above)' : ''}`,
      );
      if (daughter && !seen.has(daughter.name)) {
        seen.add(daughter.name);
        walk(daughter, `${prefix}${last ? '   ' : '│  '}`);
      }
    });
  };
  walk(root, '');
  return lines.join('\n');
}

/** 0.64046 → "64.046%", 5.3e-12 → "5.30e-10%". */
export function formatFraction(f: number): string {
  const pct = f * 100;
  if (pct >= 0.001) return `${Number(pct.toPrecision(6))}%`;
  return `${pct.toPrecision(3)}%`;
}
