import { Suspense, lazy, useMemo, useState, type ComponentType } from 'react';
import { hasPackPreselection } from '../agent/pack-preselect.js';

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
  // Incidents chosen on the timeline ("Put in a case pack"): straight to the export wizard.
  const [open, setOpen] = useState<'export' | 'verify' | null>(() => (hasPackPreselection() ? 'export' : null));
  const ExportWizard = useMemo(() => lazyPack('ExportWizard'), []);
  const VerifyPack = useMemo(() => lazyPack('VerifyPack'), []);

  if (open) {
    const Screen = open === 'export' ? ExportWizard : VerifyPack;
    return (
      <div className="page-narrow">
        {Screen ? (
          <Suspense fallback={<p role="status">Opening…</p>}>
            <Screen onClose={() => setOpen(null)} />
          </Suspense>
        ) : (
          <>
            <h1>{open === 'export' ? 'Make a case pack' : 'Check a case pack'}</h1>
            <p>This part of Evidence Vault is not ready yet.</p>
            <button className="btn" type="button" onClick={() => setOpen(null)}>
              Back
            </button>
          </>
        )}
      </div>
    );
  }
  return (
    <div className="page-narrow">
      <h1>Case pack</h1>
      <p className="lead">
        A case pack is a folder or ZIP file you can give to the police or the Crown Prosecution Service. It holds each
        exhibit file byte for byte as you imported it, a dated chronology of incidents, and fingerprints (SHA-256) so
        anyone can check that nothing was altered after the pack was made.
      </p>
      <section className="card" aria-labelledby="export-heading">
        <h2 id="export-heading">Make a case pack</h2>
        <p>Choose the incidents to include, then save the pack to a folder or a USB stick.</p>
        <button className="btn btn-primary" type="button" onClick={() => setOpen('export')}>
          Make a case pack
        </button>
      </section>
      <section className="card" aria-labelledby="verify-heading">
        <h2 id="verify-heading">Check a case pack</h2>
        <p>Check that a pack is complete and that no file in it has changed.</p>
        <button className="btn" type="button" onClick={() => setOpen('verify')}>
          Check a case pack
        </button>
      </section>
    </div>
  );
}
