import { Suspense, lazy, useMemo, useState, type ComponentType } from 'react';
import { hasPackPreselection } from '../agent/pack-preselect.js';
import { useT } from '../i18n/index.js';

type PackScreen = ComponentType<{ onClose(): void }>;
type PackModule = Record<string, unknown>;

/**
 * The case-pack screens live in ../pack/ (ExportWizard, VerifyPack), written by the case-pack work.
 * They are found with import.meta.glob so this screen builds whether or not they exist yet.
 */
const modules = import.meta.glob<PackModule>('../pack/*.tsx');

function lazyPack(name: 'ExportWizard' | 'VerifyPack'): PackScreen | null {
  const loader = modules[`../pack/${name}.tsx`];
  if (!loader) return null;
  return lazy(async () => {
    const mod = await loader();
    const component = (mod[name] ?? mod.default) as PackScreen | undefined;
    if (!component) throw new Error(`${name} is missing from the case-pack module`);
    return { default: component };
  });
}

export function CasePack() {
  const t = useT();
  // Incidents chosen on the timeline ("Put in a case pack"): straight to the export wizard.
  const [open, setOpen] = useState<'export' | 'verify' | null>(() => (hasPackPreselection() ? 'export' : null));
  const ExportWizard = useMemo(() => lazyPack('ExportWizard'), []);
  const VerifyPack = useMemo(() => lazyPack('VerifyPack'), []);

  if (open) {
    const Screen = open === 'export' ? ExportWizard : VerifyPack;
    return (
      <div className="page-narrow">
        {Screen ? (
          <Suspense fallback={<p role="status">{t('pack.screen.opening')}</p>}>
            <Screen onClose={() => setOpen(null)} />
          </Suspense>
        ) : (
          <>
            <h1>{open === 'export' ? t('pack.screen.make') : t('pack.screen.check')}</h1>
            <p>{t('pack.screen.not-ready')}</p>
            <button className="btn" type="button" onClick={() => setOpen(null)}>
              {t('pack.back')}
            </button>
          </>
        )}
      </div>
    );
  }
  return (
    <div className="page-narrow">
      <h1>{t('screen.pack')}</h1>
      <p className="lead">{t('pack.screen.lead')}</p>
      <section className="card" aria-labelledby="export-heading">
        <h2 id="export-heading">{t('pack.screen.make')}</h2>
        <p>{t('pack.screen.make-text')}</p>
        <button className="btn btn-primary" type="button" onClick={() => setOpen('export')}>
          {t('pack.screen.make')}
        </button>
      </section>
      <section className="card" aria-labelledby="verify-heading">
        <h2 id="verify-heading">{t('pack.screen.check')}</h2>
        <p>{t('pack.screen.check-text')}</p>
        <button className="btn" type="button" onClick={() => setOpen('verify')}>
          {t('pack.screen.check')}
        </button>
      </section>
    </div>
  );
}
