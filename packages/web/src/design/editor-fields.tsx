import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DesignScenario } from './design-types.js';
import {
  closableSites,
  DEFAULTS,
  type EditField,
  type FieldError,
  type ScenarioEdits,
} from './scenario-edits.js';

/** One field's error under it, tied to its input by id. */
function FieldMessage(props: { field: EditField; errors: readonly FieldError[] }) {
  const error = props.errors.find((e) => e.field === props.field);
  return error ? (
    <span className="error small field-error" id={`design-${props.field}-error`}>
      {error.message}
    </span>
  ) : null;
}

/** Attributes that tie an input to its error. */
function invalid(field: EditField, errors: readonly FieldError[]) {
  const bad = errors.some((e) => e.field === field);
  return {
    id: `design-${field}`,
    'aria-invalid': bad ? true : undefined,
    'aria-describedby': bad ? `design-${field}-error` : undefined,
  };
}

function Field(props: {
  label: string;
  field: EditField;
  errors: readonly FieldError[];
  children: ReactNode;
  grow?: boolean;
}) {
  return (
    <div className={props.grow ? 'design-field grow' : 'design-field'}>
      <label htmlFor={`design-${props.field}`}>{props.label}</label>
      {props.children}
      <FieldMessage field={props.field} errors={props.errors} />
    </div>
  );
}

/** The editor's fields: name, objective and budget, technologies, sites to close, solver settings. */
export function EditorFields(props: {
  base: DesignScenario;
  edits: ScenarioEdits;
  errors: readonly FieldError[];
  onChange: (edits: ScenarioEdits) => void;
}) {
  const { t } = useTranslation('design', { keyPrefix: 'editor' });
  const { edits, errors } = props;
  const set = (patch: Partial<ScenarioEdits>) => props.onChange({ ...edits, ...patch });
  const setTech = (id: string, patch: Partial<ScenarioEdits['technologies'][string]>) =>
    set({
      technologies: { ...edits.technologies, [id]: { ...edits.technologies[id]!, ...patch } },
    });
  const closable = closableSites(props.base);
  return (
    <>
      <div className="form-row">
        <Field label={t('name')} field="name" errors={errors} grow>
          <input
            type="text"
            value={edits.name}
            maxLength={240}
            onChange={(e) => set({ name: e.target.value })}
            {...invalid('name', errors)}
          />
        </Field>
      </div>
      <fieldset className="design-fieldset">
        <legend>{t('objective')}</legend>
        <div className="form-row design-objective">
          <label className="check">
            <input
              type="radio"
              name="design-objective"
              checked={edits.objective === 'cost'}
              onChange={() => set({ objective: 'cost' })}
            />
            {t('objectiveCost')}
          </label>
          <label className="check">
            <input
              type="radio"
              name="design-objective"
              checked={edits.objective === 'coverage'}
              onChange={() => set({ objective: 'coverage' })}
            />
            {t('objectiveCoverage')}
          </label>
          {edits.objective === 'coverage' && (
            <Field label={t('budget')} field="budgetMillions" errors={errors}>
              <input
                type="text"
                inputMode="decimal"
                value={edits.budgetMillions}
                onChange={(e) => set({ budgetMillions: e.target.value })}
                {...invalid('budgetMillions', errors)}
              />
            </Field>
          )}
        </div>
      </fieldset>
      <fieldset className="design-fieldset">
        <legend>{t('technologies')}</legend>
        <p className="muted small">{t('allowedHint')}</p>
        <table className="data design-tech">
          <thead>
            <tr>
              <th scope="col">{t('technology')}</th>
              <th scope="col">{t('allowedNew')}</th>
              <th scope="col">{t('maxNew')}</th>
            </tr>
          </thead>
          <tbody>
            {props.base.technologies.map((tech) => {
              const e = edits.technologies[tech.id]!;
              const field = `maxNew.${tech.id}` as const;
              return (
                <tr key={tech.id} data-technology={tech.id}>
                  <th scope="row">{tech.name}</th>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`${tech.name}: ${t('allowedNew')}`}
                      checked={e.allowed}
                      onChange={(ev) => setTech(tech.id, { allowed: ev.target.checked })}
                    />
                  </td>
                  <td>
                    <input
                      type="text"
                      inputMode="numeric"
                      aria-label={`${tech.name}: ${t('maxNew')}`}
                      placeholder={t('maxNewPlaceholder')}
                      value={e.maxNew}
                      onChange={(ev) => setTech(tech.id, { maxNew: ev.target.value })}
                      {...invalid(field, errors)}
                    />
                    <FieldMessage field={field} errors={errors} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </fieldset>
      <fieldset className="design-fieldset">
        <legend>{t('close')}</legend>
        <p className="muted small">{closable.length > 0 ? t('closeHint') : t('noExisting')}</p>
        <ul className="design-close">
          {closable.map((site) => (
            <li key={site.id}>
              <label className="check">
                <input
                  type="checkbox"
                  checked={edits.closed.includes(site.id)}
                  onChange={(e) =>
                    set({
                      closed: e.target.checked
                        ? [...edits.closed, site.id]
                        : edits.closed.filter((id) => id !== site.id),
                    })
                  }
                />
                <span>
                  {site.name}{' '}
                  <span className="muted small">({t('existingUnits', { units: site.units })})</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset className="design-fieldset">
        <legend>{t('settings')}</legend>
        <div className="form-row">
          <Field label={t('timeLimit')} field="timeLimitSeconds" errors={errors}>
            <input
              type="text"
              inputMode="decimal"
              placeholder={t('defaultPlaceholder', { value: String(DEFAULTS.timeLimitSeconds) })}
              value={edits.timeLimitSeconds}
              onChange={(e) => set({ timeLimitSeconds: e.target.value })}
              {...invalid('timeLimitSeconds', errors)}
            />
          </Field>
          <Field label={t('gap')} field="gapPercent" errors={errors}>
            <input
              type="text"
              inputMode="decimal"
              placeholder={t('defaultPlaceholder', { value: String(DEFAULTS.gapPercent) })}
              value={edits.gapPercent}
              onChange={(e) => set({ gapPercent: e.target.value })}
              {...invalid('gapPercent', errors)}
            />
          </Field>
          <Field label={t('reachHours')} field="reachHours" errors={errors}>
            <input
              type="text"
              inputMode="decimal"
              placeholder={t('defaultPlaceholder', { value: String(DEFAULTS.reachHours) })}
              value={edits.reachHours}
              onChange={(e) => set({ reachHours: e.target.value })}
              {...invalid('reachHours', errors)}
            />
          </Field>
        </div>
      </fieldset>
    </>
  );
}
