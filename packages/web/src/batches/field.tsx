import { useId, type ReactNode } from 'react';

/**
 * A labelled form control with an optional hint (range, unit) and the server's error for it
 * right below, tied to the control by aria-describedby.
 */
export function Field(props: {
  label: string;
  hint?: string | undefined;
  error: string | undefined;
  className?: string;
  children: (a11y: { 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const a11y = props.error ? { 'aria-invalid': true as const, 'aria-describedby': id } : {};
  return (
    <div className={`field${props.className ? ` ${props.className}` : ''}`}>
      <label>
        <span>
          {props.label}
          {props.hint && <span className="hint"> · {props.hint}</span>}
        </span>
        {props.children(a11y)}
      </label>
      {props.error && (
        <span id={id} className="error small field-error">
          {props.error}
        </span>
      )}
    </div>
  );
}

/** A form's own error (what no field shows), or its success. */
export function FormMessage(props: { error?: string | undefined; done?: string | undefined }) {
  return (
    <>
      {props.error && (
        <p role="alert" className="error small form-message">
          {props.error}
        </p>
      )}
      {props.done && (
        <p role="status" className="ok small form-message">
          {props.done}
        </p>
      )}
    </>
  );
}
