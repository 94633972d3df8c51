import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkingDay } from '../api/client.js';
import { FormMessage } from '../batches/field.js';
import type { DisplayUnit } from '../units.js';
import { ChangeForm } from './change-form.js';
import type { Catalogue, PatientDetail } from './patient-types.js';
import { PetForm } from './pet-form.js';
import { TherapyForm } from './therapy-form.js';
import { VisitForm } from './visit-form.js';
import { VitalForm } from './vital-form.js';

type Action = 'pet' | 'therapy' | 'change' | 'visit' | 'vital';

const ACTIONS: readonly Action[] = ['pet', 'therapy', 'change', 'visit', 'vital'];

/** What a physician may record now, given where the patient stands. */
function available(p: PatientDetail, action: Action): boolean {
  const active = p.therapy?.status === 'active';
  switch (action) {
    case 'pet':
    case 'vital':
      return true;
    case 'visit':
      return p.deathOn === null;
    case 'therapy':
      return !active && p.deathOn === null;
    case 'change':
      return active;
  }
}

/** The physician's forms on the pathway, one open at a time; each answer replaces the page's. */
export function PathwayActions(props: {
  patient: PatientDetail;
  catalogue: Catalogue | undefined;
  unit: DisplayUnit;
  day: WorkingDay;
  onChange: (p: PatientDetail) => void;
}) {
  const { patient: p, day } = props;
  const { t } = useTranslation('patients');
  const [open, setOpen] = useState<Action | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const finish = (action: Action) => (next: PatientDetail) => {
    setOpen(undefined);
    setDone(t(`actions.${action}.done`));
    props.onChange(next);
  };
  const common = { patient: p, day, onCancel: () => setOpen(undefined) };
  return (
    <div className="pathway-actions">
      <div className="action-bar" role="group" aria-label={t('actions.group')}>
        {ACTIONS.filter((a) => available(p, a)).map((a) => (
          <button
            key={a}
            type="button"
            className="secondary"
            aria-expanded={open === a}
            onClick={() => {
              setDone(undefined);
              setOpen(open === a ? undefined : a);
            }}
          >
            {t(`actions.${a}.label`)}
          </button>
        ))}
        <FormMessage done={done} />
      </div>
      {open === 'pet' && (
        <PetForm {...common} pairs={props.catalogue?.pairs ?? []} onDone={finish('pet')} />
      )}
      {open === 'therapy' && (
        <TherapyForm
          {...common}
          unit={props.unit}
          catalogue={props.catalogue}
          onDone={finish('therapy')}
        />
      )}
      {open === 'change' && p.therapy && (
        <ChangeForm {...common} therapy={p.therapy} unit={props.unit} onDone={finish('change')} />
      )}
      {open === 'visit' && <VisitForm {...common} onDone={finish('visit')} />}
      {open === 'vital' && <VitalForm {...common} onDone={finish('vital')} />}
    </div>
  );
}
