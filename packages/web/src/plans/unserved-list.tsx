import { useVirtualizer } from '@tanstack/react-virtual';
import { serverText } from '../i18n/server-texts.js';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnservedItem } from './unserved-groups.js';

const GROUP_PX = 40;
const ROW_PX = 64;

/** Unserved orders grouped by reason: a windowed list, only the visible rows in the DOM. */
export function UnservedList(props: { items: readonly UnservedItem[] }) {
  const scroller = useRef<HTMLDivElement>(null);
  const { items } = props;
  const { t } = useTranslation('plans');
  const list = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (items[i]?.type === 'group' ? GROUP_PX : ROW_PX),
    overscan: 8,
  });
  const total = list.getTotalSize();
  return (
    <div
      ref={scroller}
      className="unserved-list"
      style={{ height: Math.min(total, 420) + 2 }}
      tabIndex={0}
      role="list"
      aria-label={t('unserved.listLabel')}
    >
      <div style={{ height: total, position: 'relative' }}>
        {list.getVirtualItems().map((v) => {
          const item = items[v.index];
          if (!item) return null;
          const style = { height: v.size, transform: `translateY(${v.start}px)` };
          return item.type === 'group' ? (
            <div key={v.key} role="listitem" className="unserved-group" style={style}>
              {item.title} <span className="count">{item.count}</span>
            </div>
          ) : (
            <div key={v.key} role="listitem" className="unserved-row" style={style}>
              <div className="unserved-what">
                <strong>{item.hospital}</strong>
                <span>{item.product}</span>
                <span className="muted">
                  {t('unserved.calibration', { time: item.calibration })}
                </span>
              </div>
              <div className="unserved-why" title={serverText(item.reason)}>
                {serverText(item.reason)}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
