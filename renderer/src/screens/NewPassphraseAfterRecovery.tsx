import { useEffect, useRef, useState } from 'react';
import { Brand } from '../components/Brand.js';
import { NewPassphraseForm } from '../components/NewPassphraseForm.js';
import { useT } from '../i18n/index.js';

/**
 * Straight after an unlock with the recovery key: she has probably forgotten her passphrase, so a
 * new one is asked for at once (no current one needed). Skipping is allowed only after a plain warning.
 */
export function NewPassphraseAfterRecovery({ onDone }: { onDone(): void }) {
  const t = useT();
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
              {t('keys.after-recovery.set')}
            </h1>
            <p role="status">{t('keys.after-recovery.set-text')}</p>
            <div className="btn-row">
              <button className="btn btn-primary" type="button" onClick={onDone}>
                {t('keys.after-recovery.go')}
              </button>
            </div>
          </>
        ) : step === 'warn' ? (
          <>
            <h1 ref={warnHeading} tabIndex={-1}>
              {t('keys.after-recovery.skip-heading')}
            </h1>
            <p className="notice notice-warn">{t('keys.after-recovery.skip-warning')}</p>
            <div className="btn-row">
              <button className="btn btn-primary" type="button" onClick={() => setStep('ask')}>
                {t('keys.after-recovery.choose')}
              </button>
              <button className="btn" type="button" onClick={onDone}>
                {t('keys.after-recovery.skip-anyway')}
              </button>
            </div>
          </>
        ) : (
          <>
            <h1 ref={heading}>{t('keys.after-recovery.choose')}</h1>
            <p className="lead">{t('keys.after-recovery.lead')}</p>
            <NewPassphraseForm
              idPrefix="r-pass"
              needsCurrent={false}
              submitLabel={t('keys.after-recovery.submit')}
              focusFirst
              onChanged={() => setStep('changed')}
            />
            <div className="btn-row">
              <button className="btn btn-link" type="button" onClick={() => setStep('warn')}>
                {t('keys.after-recovery.skip')}
              </button>
            </div>
          </>
        )}
      </div>
    </main>
  );
}
