/**
 * "Check a case pack" from the start screen (Unlock, Create): the same check as in the app, with
 * no vault unlocked — for an officer, an agent or anyone handed a pack on this computer.
 */
import { VerifyPack } from './VerifyPack.js';
import { useT } from '../i18n/index.js';

export function StartCheck({ nativeDialogs, onClose }: { nativeDialogs: boolean; onClose(): void }) {
  return (
    <main className="center-page">
      <div className="card start-check">
        <VerifyPack nativeDialogs={nativeDialogs} onClose={onClose} />
      </div>
    </main>
  );
}

/** The start screen's way in: a plain button under the form. */
export function StartCheckButton({ onClick }: { onClick(): void }) {
  const t = useT();
  return (
    <p className="start-check-link">
      {t('pack.start.given')}{' '}
      <button className="btn" type="button" onClick={onClick}>
        {t('pack.screen.check')}
      </button>
    </p>
  );
}
