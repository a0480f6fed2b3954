import { groupHex } from '../../../shared/format.js';

/** A SHA-256 in four lines of four groups: large type that is easy to read out and compare. */
export function HashLines({ hex, testId }: { hex: string; testId?: string }) {
  const groups = groupHex(hex).split(' ');
  const lines: string[] = [];
  for (let i = 0; i < groups.length; i += 4) lines.push(groups.slice(i, i + 4).join(' '));
  return (
    <p className="receipt-hash hash" data-testid={testId}>
      {lines.map((l, i) => (
        <span key={i}>
          {l}
          {i < lines.length - 1 ? (
            <>
              {' '}
              <br />
            </>
          ) : null}
        </span>
      ))}
    </p>
  );
}
