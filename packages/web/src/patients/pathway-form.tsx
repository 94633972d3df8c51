import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormMessage } from '../batches/field.js';
import { formError, serverErrors, type ServerErrors } from '../batches/server-errors.js';
import type { Built } from './patient-requests.js';
import type { PatientDetail } from './patient-types.js';
import { serverText } from '../i18n/server-texts.js';

/**
 * What every form on a patient's pathway does: builds its request from what was typed (or shows
 * why it cannot), posts it, and hands the pathway the API answers with to the page; a refusal is
 * shown next to the fields it names, the rest once under the form.
 */
export function usePathwaySubmit<T>(
  post: (body: T) => Promise<{ data?: PatientDetail | undefined; error?: unknown }>,
  onDone: (p: PatientDetail) => void,
  fallback: string,
): {
  errors: ServerErrors | undefined;
  busy: boolean;
  submit: (request: Built<T>) => Promise<void>;
} {
  const [errors, setErrors] = useState<ServerErrors | undefined>();
  const [busy, setBusy] = useState(false);
  async function submit(request: Built<T>) {
    if (!request.ok) return setErrors(request.errors);
    setBusy(true);
    const { data, error } = await post(request.body);
    setBusy(false);
    if (!data) return setErrors(inLanguage(serverErrors(error, fallback)));
    setErrors(undefined);
    onDone(data);
  }
  return { errors, busy, submit };
}

/** A refusal's message and its issues' messages in the user's language. */
function inLanguage(errors: ServerErrors): ServerErrors {
  return {
    message: serverText(errors.message),
    issues: errors.issues.map((i) => ({ ...i, message: serverText(i.message) })),
  };
}

/** The frame of a pathway form: its title, its fields, what no field shows, submit and cancel. */
export function PathwayForm(props: {
  id: string;
  title: string;
  intro?: ReactNode;
  fields: readonly string[];
  errors: ServerErrors | undefined;
  busy: boolean;
  submitLabel: string;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const titleId = `${props.id}-title`;
  const { t } = useTranslation('patients');
  return (
    <form
      className="card clinical-form"
      aria-labelledby={titleId}
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      <h2 id={titleId}>{props.title}</h2>
      {props.intro}
      {props.children}
      <FormMessage error={formError(props.errors, props.fields)} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={props.busy}>
          {props.busy ? t('form.saving') : props.submitLabel}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
