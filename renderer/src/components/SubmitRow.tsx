/** A form's submit button, and while it works a line saying what is happening. */
export function SubmitRow({
  busy,
  label,
  busyLabel,
  status,
}: {
  busy: boolean;
  label: string;
  busyLabel: string;
  /** The status line shown while busy. */
  status: string;
}) {
  return (
    <>
      <div className="btn-row">
        <button className="btn btn-primary" type="submit" disabled={busy}>
          {busy ? busyLabel : label}
        </button>
      </div>
      {busy ? (
        <p role="status" className="hint">
          {status}
        </p>
      ) : null}
    </>
  );
}
