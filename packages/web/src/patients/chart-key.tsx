import type { ReactNode } from 'react';
import type { KeyItem } from './chart-common.js';

/** A chart's key in HTML (it wraps on a tablet and a screen reader reads it): swatch and meaning. */
export function ChartKey(props: { items: readonly KeyItem[]; label: string }) {
  return (
    <ul className="chart-key" aria-label={props.label}>
      {props.items.map((k) => (
        <li key={k.label}>
          <Swatch item={k} />
          {k.label}
        </li>
      ))}
    </ul>
  );
}

function Swatch({ item: { shape, colour } }: { item: KeyItem }) {
  const shapes: Record<KeyItem['shape'], ReactNode> = {
    diamond: <path d="M7 1 L13 7 L7 13 L1 7 Z" fill={colour} />,
    circle: <circle cx="7" cy="7" r="5.5" fill={colour} />,
    ring: <circle cx="7" cy="7" r="4.5" fill="#fff" stroke={colour} strokeWidth="2" />,
    band: <rect x="0" y="3" width="14" height="8" rx="3" fill={colour} opacity="0.6" />,
    triangle: <path d="M7 1.5 L13 12.5 L1 12.5 Z" fill={colour} />,
    cross: <path d="M2 2 L12 12 M12 2 L2 12" stroke={colour} strokeWidth="2.5" />,
    line: <path d="M0 7 H14" stroke={colour} strokeWidth="2.5" />,
    dashed: <path d="M0 7 H14" stroke={colour} strokeWidth="2.5" strokeDasharray="4 2" />,
    tick: <path d="M7 1 V13" stroke={colour} strokeWidth="2.5" />,
    arrow: <path d="M1 4 H8 V1 L13 7 L8 13 V10 H1 Z" fill={colour} />,
  };
  return (
    <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
      {shapes[shape]}
    </svg>
  );
}
