import type { PlanSummary } from '../api/client.js';

type Progress = PlanSummary['progress'];

/**
 * The progress in one event of GET /api/plans/{id}/events (a PlanSummary as JSON), read without
 * trusting it: undefined when the event is not one.
 */
export function progressOfEvent(data: unknown): Progress | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(String(data));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || !('progress' in parsed)) return undefined;
  const { progress } = parsed;
  if (typeof progress !== 'object' || progress === null) return undefined;
  const out: { phase?: string; fraction?: number; message?: string } = {};
  if ('phase' in progress && typeof progress.phase === 'string') out.phase = progress.phase;
  if ('fraction' in progress && typeof progress.fraction === 'number')
    out.fraction = progress.fraction;
  if ('message' in progress && typeof progress.message === 'string') out.message = progress.message;
  return out;
}
