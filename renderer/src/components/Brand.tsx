import { useT } from '../i18n/index.js';

export function Brand() {
  const t = useT();
  return (
    <div className="brand">
      <span className="brand-mark" aria-hidden="true" />
      <span className="brand-name">{t('keys.brand')}</span>
    </div>
  );
}
