import { useEffect, useRef, useState } from 'react';
import { Brand } from '../components/Brand.js';
import { NewPassphraseForm } from '../components/NewPassphraseForm.js';

/**
 * Straight after an unlock with the recovery key: she has probably forgotten her passphrase, so a
 * new one is asked for at once (no current one needed). Skipping is allowed only after a plain warning.
 */
export function NewPassphraseAfterRecovery({ onDone }: { onDone(): void }) {
  const [step, setStep] = useState<'ask' | 'warn' | 'changed'>('ask');
  const heading = useRef<HTMLHeadingElement>(null);
  const warnHeading = useRef<HTMLHeadingElement>(null);
  const changedHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const target = step === 'warn' ? warnHeading : step === 'changed' ? changedHeading : null;
    target?.current?.focus();
  }, [step]);

  return (
    <main className="center-page">
      <div className="card">
        <Brand />
        {step === 'changed' ? (
          <>
            <h1 ref={changedHeading} tabIndex={-1}>
              Your new passphrase is set
            </h1>
            <p role="status">Use it next time you unlock. Your recovery key still works too: keep it safe.</p>
            <div className="btn-row">
              <button className="btn btn-primary" type="button" onClick={onDone}>
                Go to my vault
              </button>
            </div>
          </>
        ) : step === 'warn' ? (
          <>
            <h1 ref={warnHeading} tabIndex={-1}>
              Skip the new passphrase?
            </h1>
            <p className="notice notice-warn">
              If you skip this, your old passphrase stays. If you have forgotten it, you will need your recovery key
              every time you unlock, and if you lose the key as well nobody can open your vault.
            </p>
            <div className="btn-row">
              <button className="btn btn-primary" type="button" onClick={() => setStep('ask')}>
                Choose a new passphrase
              </button>
              <button className="btn" type="button" onClick={onDone}>
                Skip anyway
              </button>
            </div>
          </>
        ) : (
          <>
            <h1 ref={heading}>Choose a new passphrase</h1>
            <p className="lead">
              You opened your vault with the recovery key. Choose a new passphrase now, so you can unlock with it next
              time.
            </p>
            <NewPassphraseForm
              idPrefix="r-pass"
              needsCurrent={false}
              submitLabel="Set the new passphrase"
              focusFirst
              onChanged={() => setStep('changed')}
            />
            <div className="btn-row">
              <button className="btn btn-link" type="button" onClick={() => setStep('warn')}>
                Skip for now
              </button>
            </div>
          </>
        )}
      </div>
    </main>
  );
}
