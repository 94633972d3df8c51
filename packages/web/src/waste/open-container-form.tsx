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
import { parseAmount } from '../hospital/form-values.js';
import { RELEASE_RULES, releaseRuleLabel, WASTE_KINDS, wasteKindText } from './waste-text.js';
import type { Place, ReleaseRule, WasteContainer, WasteKind } from './waste-types.js';

const FIELDS = ['placeId', 'kind', 'rule', 'massG'];

/**
 * Opens a labelled container at one of the caller's places (a hospital's own hospitals, the
 * producer's sites): its kind and the rule its release date follows; the clearance rule needs the
 * waste's mass. The server gives the container its code.
 */
export function OpenContainerForm(props: {
  places: readonly Place[];
  placeHint: string;
  onOpened: (c: WasteContainer) => void;
}) {
  const { t } = useTranslation(['waste', 'common']);
  const [placeId, setPlaceId] = useState('');
  const [kind, setKind] = useState<WasteKind>('residues');
  const [rule, setRule] = useState<ReleaseRule>('ten-half-lives');
  const [mass, setMass] = useState('');
  const [errors, setErrors] = useState<ServerErrors | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const place = placeId || props.places[0]?.id || '';

  async function submit(e: FormEvent) {
    e.preventDefault();
    const issues: { path: string; message: string }[] = [];
    const massG = mass.trim() === '' ? undefined : parseAmount(mass);
    if (place === '') issues.push({ path: 'placeId', message: t('open.choosePlace') });
    if (mass.trim() !== '' && (massG === undefined || massG <= 0)) {
      issues.push({ path: 'massG', message: t('open.grams') });
    }
    if (issues.length > 0) {
      setErrors({ message: issues.map((i) => i.message).join('; '), issues });
      return;
    }
    setBusy(true);
    const { data, error } = await api.POST('/api/waste', {
      body: { placeId: place, kind, rule, ...(massG === undefined ? {} : { massG }) },
    });
    setBusy(false);
    if (!data) {
      setDone(undefined);
      return setErrors(serverErrors(error, t('open.failed')));
    }
    setErrors(undefined);
    setMass('');
    setDone(t('open.opened', { code: data.code, place: data.placeName }));
    props.onOpened(data);
  }

  return (
    <form
      className="card waste-open-form"
      aria-labelledby="waste-open-title"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h2 id="waste-open-title">{t('open.title')}</h2>
      <div className="form-grid">
        <Field label={t('open.place')} hint={props.placeHint} error={fieldError(errors, 'placeId')}>
          {(a11y) => (
            <select value={place} onChange={(e) => setPlaceId(e.target.value)} {...a11y}>
              {props.places.length === 0 && <option value="">{t('common:loading')}</option>}
              {props.places.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} · {p.city}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('open.kind')} error={fieldError(errors, 'kind')}>
          {(a11y) => (
            <select value={kind} onChange={(e) => setKind(e.target.value as WasteKind)} {...a11y}>
              {WASTE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {wasteKindText(k)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('open.rule')} error={fieldError(errors, 'rule')}>
          {(a11y) => (
            <select value={rule} onChange={(e) => setRule(e.target.value as ReleaseRule)} {...a11y}>
              {RELEASE_RULES.map((r) => (
                <option key={r} value={r}>
                  {releaseRuleLabel(r)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label={t('open.mass')}
          hint={rule === 'clearance' ? t('open.massForClearance') : t('open.optional')}
          error={fieldError(errors, 'massG')}
        >
          {(a11y) => (
            <input
              type="text"
              inputMode="decimal"
              value={mass}
              onChange={(e) => setMass(e.target.value)}
              {...a11y}
            />
          )}
        </Field>
      </div>
      <FormMessage error={formError(errors, FIELDS)} done={done} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('open.opening') : t('open.submit')}
        </button>
      </div>
    </form>
  );
}
