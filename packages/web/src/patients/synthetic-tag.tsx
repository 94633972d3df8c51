import { SYNTHETIC_LABEL, SYNTHETIC_TITLE } from './clinical-text.js';

/** The mark every synthetic cohort, study and patient carries on both clinical screens. */
export function SyntheticTag() {
  return (
    <span className="synthetic" title={SYNTHETIC_TITLE}>
      {SYNTHETIC_LABEL}
      <span className="sr-only"> ({SYNTHETIC_TITLE})</span>
    </span>
  );
}
