/**
 * What the clinical charts (patients, outcomes) share. Tooltips: each mark carries its text as
 * `tip`, lines separated by "\n"; ECharts shows it as HTML, so it is escaped first. Keys: the
 * marks a chart draws, described for an HTML key beneath it (chart-key.tsx). Pure.
 */

/** A mark of a chart's key: its words, colour and shape. */
export interface KeyItem {
  readonly label: string;
  readonly colour: string;
  readonly shape:
    | 'diamond'
    | 'circle'
    | 'ring'
    | 'band'
    | 'triangle'
    | 'cross'
    | 'line'
    | 'dashed'
    | 'tick'
    | 'arrow';
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A tooltip formatter: the hovered mark's `tip`, line by line; '' for a mark without one. */
export function tipFormatter(params: unknown): string {
  const data = (params as { data?: { tip?: unknown } | null }).data;
  return typeof data?.tip === 'string' ? escapeHtml(data.tip).replace(/\n/g, '<br/>') : '';
}
