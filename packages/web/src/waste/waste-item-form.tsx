import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { Field, FormMessage } from '../batches/field.js';
import {
  fieldError,
  formError,
  serverErrors,
  type ServerErrors,
} from '../batches/server-errors.js';
import { localInstant, parseAmount } from '../hospital/form-values.js';
import { toBq, type DisplayUnit } from '../units.js';
import { localInputIn } from '../zoned-time.js';
import type { WasteContainer } from './waste-types.js';

const FIELDS = ['description', 'nuclide', 'activityBq', 'at'];
/** Nuclides offered as the name is typed (any the decay engine knows is taken). */
const COMMON_NUCLIDES = ['F-18', 'Ga-68', 'Tc-99m', 'I-131', 'Lu-177', 'Y-90', 'Ac-225', 'Pb-212'];

/** Puts an item into an open container: what it is, its nuclide and activity at a time. */
export function WasteItemForm(props: {
  container: WasteContainer;
  zone: string;
  unit: DisplayUnit;
  onDone: (c: WasteContainer) => void;
  onCancel: () => void;
}) {
  const { container, zone, unit } = props;
  const { t } = useTranslation('waste');
  const [description, setDescription] = useState('');
  const [nuclide, setNuclide] = useState('');
  const [activity, setActivity] = useState('');
  const [at, setAt] = useState(() => localInputIn(Date.now(), zone));
  const [errors, setErrors] = useState<ServerErrors | undefined>();
  const [busy, setBusy] = useState(false);
  const listId = `nuclides-${container.id}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const issues: { path: string; message: string }[] = [];
    const value = parseAmount(activity);
    const instant = localInstant(at, zone);
    if (description.trim() === '') issues.push({ path: 'description', message: t('required') });
    if (nuclide.trim() === '') issues.push({ path: 'nuclide', message: t('item.nuclideRequired') });
    if (value === undefined || value <= 0) {
      issues.push({ path: 'activityBq', message: t('item.positive', { unit }) });
    }
    if (instant === undefined) issues.push({ path: 'at', message: t('item.dateTime') });
    if (issues.length > 0 || value === undefined || instant === undefined) {
      setErrors({ message: issues.map((i) => i.message).join('; '), issues });
      return;
    }
    setBusy(true);
    const { data, error } = await api.POST('/api/waste/{id}/items', {
      params: { path: { id: container.id } },
      body: {
        description: description.trim(),
        nuclide: nuclide.trim(),
        activityBq: toBq(value, unit),
        at: instant,
      },
    });
    setBusy(false);
    if (!data) return setErrors(serverErrors(error, t('item.failed')));
    setErrors(undefined);
    props.onDone(data);
  }

  return (
    <form
      className="waste-form"
      aria-label={t('item.label', { code: container.code })}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <div className="form-grid">
        <Field
          label={t('item.description')}
          error={fieldError(errors, 'description')}
          className="grow"
        >
          {(a11y) => (
            <input
              type="text"
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              {...a11y}
            />
          )}
        </Field>
        <Field label={t('item.nuclide')} error={fieldError(errors, 'nuclide')}>
          {(a11y) => (
            <input
              type="text"
              list={listId}
              autoComplete="off"
              spellCheck={false}
              value={nuclide}
              onChange={(e) => setNuclide(e.target.value)}
              {...a11y}
            />
          )}
        </Field>
        <datalist id={listId}>
          {COMMON_NUCLIDES.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
        <Field label={t('item.amount', { unit })} error={fieldError(errors, 'activityBq')}>
          {(a11y) => (
            <input
              type="text"
              inputMode="decimal"
              value={activity}
              onChange={(e) => setActivity(e.target.value)}
              {...a11y}
            />
          )}
        </Field>
        <Field label={t('item.amountAt', { zone })} error={fieldError(errors, 'at')}>
          {(a11y) => (
            <input
              type="datetime-local"
              value={at}
              onChange={(e) => setAt(e.target.value)}
              {...a11y}
            />
          )}
        </Field>
      </div>
      <FormMessage error={formError(errors, FIELDS)} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('item.adding') : t('item.submit')}
        </button>
        <button type="button" className="secondary" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
