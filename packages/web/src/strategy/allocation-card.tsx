import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../api/client.js';
import {
  allocationBasisText,
  gbq,
  outlookText,
  priorityText,
  probabilityText,
} from './outlook-text.js';
import type { Allocation, OutlookAllocation } from './outlook-types.js';

/**
 * The worst week's allocation: a proposal by clinical priority (the API's `allocate`), with each
 * amount editable. The amounts a person changes are kept as adjustments and the rest proposed again
 * around them (POST /api/strategy/allocation); nothing is stored.
 */
export function AllocationCard({ proposal }: { proposal: OutlookAllocation }) {
  const [allocations, setAllocations] = useState<Allocation[]>(proposal.allocations);
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const { t } = useTranslation('strategy', { keyPrefix: 'allocation' });
  const total = allocations.reduce((s, a) => s + a.allocated, 0);

  async function proposeAgain() {
    setBusy(true);
    const adjustments = Object.entries(edits)
      .filter(([, v]) => v.trim() !== '')
      .map(([id, v]) => ({ id, quantity: Number(v) }));
    const { data, error: failure } = await api.POST('/api/strategy/allocation', {
      body: { available: proposal.available, claims: proposal.claims, adjustments },
    });
    setBusy(false);
    if (!data) return setError(errorText(failure, t('failed')));
    setError(undefined);
    setAllocations(data.allocations);
  }

  return (
    <div className="card allocation-card" data-week={proposal.week}>
      <div className="card-head">
        <h2>{t('title', { week: proposal.week })}</h2>
        <span className="muted small">
          {t('summary', {
            p: probabilityText(proposal.probability),
            available: gbq(proposal.available),
            allocated: gbq(total),
          })}
        </span>
      </div>
      <p className="muted small">{t('intro')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void proposeAgain();
        }}
      >
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('claim')}</th>
              <th scope="col">{t('priority')}</th>
              <th scope="col" className="num">
                {t('asks')}
              </th>
              <th scope="col" className="num">
                {t('allocated')}
              </th>
              <th scope="col">{t('basis')}</th>
            </tr>
          </thead>
          <tbody>
            {proposal.claims.map((c) => {
              const a = allocations.find((x) => x.id === c.id);
              return (
                <tr key={c.id} data-claim={c.id}>
                  <th scope="row">{c.label ? outlookText(c.label) : c.id}</th>
                  <td>{priorityText(c.priority)}</td>
                  <td className="num">{gbq(c.quantity)}</td>
                  <td className="num">
                    <input
                      type="number"
                      min={0}
                      step="any"
                      aria-label={t('amountLabel', {
                        claim: c.label ? outlookText(c.label) : c.id,
                      })}
                      placeholder={a ? gbq(a.allocated) : ''}
                      value={edits[c.id] ?? ''}
                      onChange={(e) => setEdits({ ...edits, [c.id]: e.target.value })}
                    />
                  </td>
                  <td>{a ? allocationBasisText(a.basis) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className="form-row allocation-actions">
          <button type="submit" disabled={busy}>
            {t('proposeAgain')}
          </button>
          <button
            type="button"
            className="link"
            onClick={() => {
              setEdits({});
              setAllocations(proposal.allocations);
              setError(undefined);
            }}
          >
            {t('reset')}
          </button>
        </div>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
