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
          <strong>Possible medical event</strong> — the dosage differs by 20% or more from the
          prescription (10 CFR 35.3045): review it and report it if the dose criteria are met.
        </p>
      )}
      {first && <p className="small finding-main">{first}</p>}
      {rest.length > 0 && (
        <ul className="small finding-list">
          {rest.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
