import type { Badge } from './batch-status.js';

/** A coloured badge from one of batch-status.ts's tables. */
export function BadgeView({ badge, className }: { badge: Badge; className?: string }) {
  return (
    <span
      className={`badge tone-${badge.tone}${className ? ` ${className}` : ''}`}
      title={badge.title}
    >
      {badge.label}
    </span>
  );
}
