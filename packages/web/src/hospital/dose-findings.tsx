import { Trans } from 'react-i18next';
import { serverText } from '../i18n/server-texts.js';

/**
 * An administration's findings: the first line (administered, decay-corrected, and its deviation)
 * as text, the rest as a list; a possible medical event stands out as an alert.
 */
export function DoseFindings(props: {
  findings: readonly string[];
  possibleMedicalEvent: boolean;
  /** Just recorded: announce it (an alert for a possible medical event, else a status). */
  live: boolean;
}) {
  const [first, ...rest] = props.findings;
  return (
    <div
      className="findings"
      role={props.live ? (props.possibleMedicalEvent ? 'alert' : 'status') : undefined}
    >
      {props.possibleMedicalEvent && (
        <p className="medical-event">
          <Trans ns="hospital" i18nKey="dose.medicalEvent" components={{ b: <strong /> }} />
        </p>
      )}
      {first && <p className="small finding-main">{serverText(first)}</p>}
      {rest.length > 0 && (
        <ul className="small finding-list">
          {rest.map((f) => (
            <li key={f}>{serverText(f)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
