import { useTranslation } from 'react-i18next';

/** The mark every synthetic cohort, study and patient carries on both clinical screens. */
export function SyntheticTag() {
  const { t } = useTranslation('patients');
  return (
    <span className="synthetic" title={t('synthetic.title')}>
      {t('synthetic.label')}
      <span className="sr-only"> ({t('synthetic.title')})</span>
    </span>
  );
}
