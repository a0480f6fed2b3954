import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useT, type MessageId } from '../i18n/index.js';
import type { VaultStatus } from '../../../shared/ipc.js';
import {
  DEFAULT_AUTO_LOCK_MINUTES,
  type Contact,
  type Incident,
  type Person,
  type PoliceCase,
  type Settings,
} from '../../../shared/model.js';
import { autoLockState } from '../../../shared/autolock.js';
import { EMPTY_FILTER, indexIncidents, warmIndex, type IncidentFilter } from '../../../shared/timeline.js';
import { bridge, call, errorMessage } from '../bridge.js';
import { Brand } from '../components/Brand.js';
import { VaultContext, type Route, type VaultData } from '../state.js';
import { applyTheme } from '../theme.js';
import { Timeline, resetTimelinePaintMark } from './Timeline.js';
import { Conduct } from './Conduct.js';
import { IncidentView } from './IncidentView.js';
import { IncidentEditor } from './IncidentEditor.js';
import { ExhibitPage } from '../exhibits/ExhibitPage.js';
import { Contacts } from './Contacts.js';
import { Guidance } from './Guidance.js';
import { SettingsPage } from './Settings.js';
import { BinPage } from './Bin.js';
import { CasePack } from './CasePack.js';
import { AfterEscalation } from '../safety/AfterEscalation.js';
import { RecoveryKeyReminder } from '../safety/RecoveryKeyReminder.js';
import { SafetyStrip } from '../safety/SafetyStrip.js';
import { ShortcutsDialog, typingTarget } from '../safety/Shortcuts.js';
import { openForm, setResumeRoute, takeResumeRoute } from '../drafts.js';
import { DraftsNotice } from './DraftsNotice.js';

interface Loaded {
  incidents: Incident[];
  people: Person[];
  contacts: Contact[];
  settings: Settings;
  cases: PoliceCase[];
}

const NAV: { route: Route; label: MessageId }[] = [
  { route: { name: 'timeline' }, label: 'screen.timeline' },
  { route: { name: 'conduct' }, label: 'screen.conduct' },
  { route: { name: 'contacts' }, label: 'screen.contacts' },
  { route: { name: 'guidance' }, label: 'screen.guidance' },
  { route: { name: 'pack' }, label: 'screen.pack' },
  { route: { name: 'bin' }, label: 'screen.bin' },
  { route: { name: 'settings' }, label: 'screen.settings' },
];

function navSection(route: Route): Route['name'] {
  if (
    route.name === 'incident' ||
    route.name === 'edit' ||
    route.name === 'new' ||
    route.name === 'exhibit' ||
    route.name === 'escalated'
  ) {
    return 'timeline';
  }
  return route.name;
}

export function Shell({ status, onLocked }: { status: VaultStatus; onLocked(s: VaultStatus, reason: string): void }) {
  const t = useT();
  const [data, setData] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  // After an unlock, the form that was open when the vault locked opens again (its draft restores it).
  const [route, setRouteNow] = useState<Route>(() => takeResumeRoute() ?? { name: 'timeline' });
  const routeRef = useRef(route);
  routeRef.current = route;
  /** Every move to another screen: a form with changes asks first (keep as a draft, discard, stay). */
  const setRoute = useCallback((next: Route) => {
    const form = openForm();
    if (form?.dirty() && JSON.stringify(next) !== JSON.stringify(routeRef.current)) {
      form.askToLeave(() => setRouteNow(next));
      return;
    }
    setRouteNow(next);
  }, []);
  const [filter, setFilter] = useState<IncidentFilter>(EMPTY_FILTER);
  /** In a narrow window the navigation folds away behind "Menu"; open or not. */
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const navRef = useRef<HTMLElement>(null);
  const closeMenu = useCallback((focusButton: boolean) => {
    setMenuOpen(false);
    if (focusButton) requestAnimationFrame(() => menuButton.current?.focus());
  }, []);
  // The open menu closes on Escape (the focus back on "Menu") and on a click outside it.
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') closeMenu(true);
    };
    const onDown = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!navRef.current?.contains(t) && !menuButton.current?.contains(t)) closeMenu(false);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onDown);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onDown);
    };
  }, [menuOpen, closeMenu]);
  const [announcement, setAnnouncement] = useState('');
  const mainRef = useRef<HTMLElement>(null);
  const firstRoute = useRef(true);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  /** Where the focus was when the shortcuts opened: it goes back there when they close. */
  const beforeShortcuts = useRef<HTMLElement | null>(null);
  const openShortcuts = useCallback(() => {
    beforeShortcuts.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setShortcutsOpen(true);
  }, []);
  const closeShortcuts = useCallback(() => {
    setShortcutsOpen(false);
    const back = beforeShortcuts.current;
    requestAnimationFrame(() => (back && back.isConnected ? back : mainRef.current)?.focus());
  }, []);

  // "?" opens the list of shortcuts, unless she is typing in a box.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '?' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      if (typingTarget(e.target) || document.querySelector('dialog[open]')) return;
      e.preventDefault();
      openShortcuts();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openShortcuts]);

  const refresh = useCallback(async () => {
    try {
      const [incidents, people, contacts, settings, cases] = await Promise.all([
        call('incidents.list', {}),
        call('people.list', {}),
        call('contacts.list', {}),
        call('settings.get', {}),
        call('cases.list', {}),
      ]);
      setData({ incidents, people, contacts, settings, cases });
      applyTheme(settings.theme);
    } catch (e) {
      setLoadError(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    resetTimelinePaintMark();
    void refresh();
  }, [refresh]);

  const lock = useCallback(
    async (reason = 'user') => {
      // A form with changes: its draft is saved first (encrypted, in the vault), and it opens again after the unlock.
      const form = openForm();
      if (form?.dirty()) {
        setResumeRoute(form.route);
        await Promise.race([form.flush().catch(() => undefined), new Promise((r) => setTimeout(r, 3000))]);
      }
      try {
        const s = await call('vault.lock', {});
        onLocked(s, reason);
      } catch {
        onLocked({ ...status, state: 'locked' }, reason);
      }
    },
    [onLocked, status],
  );

  // Auto-lock after inactivity.
  const autoLockMinutes = data?.settings.autoLockMinutes ?? DEFAULT_AUTO_LOCK_MINUTES;
  const [lockSoon, setLockSoon] = useState(false);
  useEffect(() => {
    if (autoLockMinutes <= 0) return;
    let last = Date.now();
    let warned = false;
    const touch = () => {
      last = Date.now();
      if (warned) {
        warned = false;
        setLockSoon(false);
      }
    };
    const events = ['pointerdown', 'keydown', 'wheel', 'pointermove', 'touchstart', 'scroll'] as const;
    for (const ev of events) window.addEventListener(ev, touch, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      const state = autoLockState(Date.now() - last, autoLockMinutes);
      if (state === 'lock') void lock('inactivity');
      else if (!warned && state === 'warn') {
        warned = true;
        setLockSoon(true);
      }
    }, 1000);
    return () => {
      for (const ev of events) window.removeEventListener(ev, touch, { capture: true });
      window.clearInterval(timer);
    };
  }, [autoLockMinutes, lock]);

  // Application menu commands (Electron).
  useEffect(
    () =>
      bridge().on('menu', ({ command }) => {
        if (command === 'new-incident') setRoute({ name: 'new', quick: false });
        else if (command === 'export') setRoute({ name: 'pack' });
        else if (command === 'lock') void lock('user');
      }),
    [lock, setRoute],
  );

  // What the files of an import say, read a moment after it returned: the incident is fetched again, so
  // that its exhibits' pages show it in place of "Reading what the file says…".
  useEffect(
    () =>
      bridge().on('exhibitsRead', ({ incidentId }) => {
        call('incidents.get', { id: incidentId }).then(
          (fresh) =>
            setData((d) =>
              d && d.incidents.some((i) => i.id === fresh.id)
                ? { ...d, incidents: [...d.incidents.filter((i) => i.id !== fresh.id), fresh] }
                : d,
            ),
          () => undefined, // locked or deleted meanwhile: the next load shows it
        );
      }),
    [],
  );

  // The window title names the kind of screen, never what is on it (an incident's title or an
  // exhibit's name would show in the task bar, window lists and screen sharing).
  useEffect(() => {
    document.title = `${t(screenTitle(route))} — Evidence Vault`;
  }, [route, t]);

  // Move focus to the new screen's heading, so keyboard and screen-reader users know where they are.
  useEffect(() => {
    if (firstRoute.current) {
      firstRoute.current = false;
      return;
    }
    const h = mainRef.current?.querySelector<HTMLElement>('h1');
    if (h) {
      if (!h.hasAttribute('tabindex')) h.setAttribute('tabindex', '-1');
      h.focus();
    }
    window.scrollTo(0, 0);
  }, [route]);

  const index = useMemo(() => (data ? indexIncidents(data.incidents, data.people, data.cases) : []), [data]);
  // Build the search text when the window is idle, in small chunks, so the first search is quick
  // and the first paint is not delayed.
  useEffect(() => {
    let next = 0;
    let handle = 0;
    const step = (deadline: IdleDeadline) => {
      while (next < index.length && deadline.timeRemaining() > 2) next = warmIndex(index, next, 250);
      if (next < index.length) handle = requestIdleCallback(step);
    };
    handle = requestIdleCallback(step);
    return () => cancelIdleCallback(handle);
  }, [index]);
  const peopleById = useMemo(() => new Map((data?.people ?? []).map((p) => [p.id, p])), [data]);

  const value = useMemo<VaultData | null>(() => {
    if (!data) return null;
    return {
      status,
      ...data,
      index,
      peopleById,
      filter,
      setFilter,
      route,
      go: setRoute,
      refresh,
      putIncident(incident) {
        setData((d) => (d ? { ...d, incidents: [...d.incidents.filter((i) => i.id !== incident.id), incident] } : d));
      },
      removeIncident(id) {
        setData((d) => (d ? { ...d, incidents: d.incidents.filter((i) => i.id !== id) } : d));
      },
      putPerson(person) {
        setData((d) => (d ? { ...d, people: [...d.people.filter((p) => p.id !== person.id), person] } : d));
      },
      async updateSettings(patch) {
        const settings = await call('settings.update', { patch });
        setData((d) => (d ? { ...d, settings } : d));
        if (patch.theme) applyTheme(settings.theme);
      },
      lock: () => lock('user'),
      announce: setAnnouncement,
    };
  }, [data, status, index, peopleById, filter, route, setRoute, refresh, lock]);

  if (loadError) {
    return (
      <main className="center-page">
        <div className="card" role="alert">
          <h1>{t('shell.load-error')}</h1>
          <p>{loadError}</p>
          <button className="btn" type="button" onClick={() => void lock('user')}>
            {t('shell.lock-vault')}
          </button>
        </div>
      </main>
    );
  }
  if (!value) {
    return (
      <main className="center-page" aria-busy="true">
        <p role="status">{t('shell.opening')}</p>
      </main>
    );
  }

  const section = navSection(route);
  const fill = route.name === 'timeline';
  return (
    <VaultContext.Provider value={value}>
      <a className="skip-link" href="#main">
        {t('shell.skip')}
      </a>
      <div className="shell">
        <header className="topbar">
          <div className="topbar-start">
            <button
              ref={menuButton}
              type="button"
              className="btn menu-button"
              aria-expanded={menuOpen}
              aria-controls="main-nav"
              onClick={() => {
                const open = !menuOpen;
                setMenuOpen(open);
                if (open) {
                  requestAnimationFrame(() =>
                    navRef.current?.querySelector<HTMLElement>('[aria-current="page"], .nav-item')?.focus(),
                  );
                }
              }}
            >
              <span className="menu-icon" aria-hidden="true" />
              {t('shell.menu')}
            </button>
            <Brand />
          </div>
          <div className="topbar-actions">
            <button className="btn btn-primary" type="button" onClick={() => setRoute({ name: 'new', quick: true })}>
              {t('shell.quick-add')}
            </button>
            <button className="btn" type="button" onClick={() => setRoute({ name: 'new', quick: false })}>
              {t('shell.new-incident')}
            </button>
            <button className="btn" type="button" onClick={() => void lock('user')}>
              {t('shell.lock')}
            </button>
          </div>
        </header>
        <SafetyStrip contacts={value.contacts} onContacts={() => setRoute({ name: 'contacts' })} />
        <nav id="main-nav" ref={navRef} className={menuOpen ? 'sidebar open' : 'sidebar'} aria-label={t('shell.nav')}>
          <ul>
            {NAV.map((n) => (
              <li key={n.route.name}>
                <button
                  type="button"
                  className="nav-item"
                  aria-current={section === n.route.name ? 'page' : undefined}
                  onClick={() => {
                    setMenuOpen(false);
                    setRoute(n.route);
                  }}
                >
                  {t(n.label)}
                </button>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="nav-item nav-help"
            aria-keyshortcuts="?"
            onClick={() => {
              setMenuOpen(false);
              openShortcuts();
            }}
          >
            {t('shell.shortcuts')} <kbd aria-hidden="true">?</kbd>
          </button>
        </nav>
        {lockSoon ? (
          <div className="lock-soon" role="alert">
            {t('shell.lock-soon')}
          </div>
        ) : null}
        <main id="main" ref={mainRef} className={fill ? 'main main-fill' : 'main'} tabIndex={-1}>
          <OpenNotices status={status} onSettings={() => setRoute({ name: 'settings' })} />
          {route.name === 'timeline' ? <DraftsNotice onOpen={setRoute} /> : null}
          {route.name === 'timeline' ? (
            <RecoveryKeyReminder
              settings={value.settings}
              updateSettings={value.updateSettings}
              onSettings={() => setRoute({ name: 'settings' })}
            />
          ) : null}
          <Screen route={route} />
        </main>
      </div>
      <div className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
      <ShortcutsDialog open={shortcutsOpen} onClose={closeShortcuts} />
    </VaultContext.Provider>
  );
}

/**
 * What the unlock found or did that she should know (a database older than the vault last saw, an
 * unfinished case pack removed, a weak passphrase protection), until she dismisses it.
 */
function OpenNotices({ status, onSettings }: { status: VaultStatus; onSettings(): void }) {
  const t = useT();
  const [dismissed, setDismissed] = useState(false);
  const notices = status.notices ?? [];
  if (dismissed || (notices.length === 0 && !status.weakKdf)) return null;
  return (
    <section className="notice notice-error" aria-labelledby="open-notices-title">
      <h2 id="open-notices-title" className="notice-title">
        {t('shell.notices')}
      </h2>
      <ul>
        {notices.map((n) => (
          <li key={n} dir="auto">
            {n}
          </li>
        ))}
        {status.weakKdf ? <li>{t('shell.weak-kdf')}</li> : null}
      </ul>
      <div className="btn-row">
        {status.weakKdf ? (
          <button type="button" className="btn" onClick={onSettings}>
            {t('shell.go-settings')}
          </button>
        ) : null}
        <button type="button" className="btn" onClick={() => setDismissed(true)}>
          {t('shell.dismiss')}
        </button>
      </div>
    </section>
  );
}

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'timeline':
      return <Timeline />;
    case 'conduct':
      return <Conduct />;
    case 'incident':
      return <IncidentView key={route.id} id={route.id} />;
    case 'new':
      return <IncidentEditor key={`new-${String(route.quick)}`} id={null} quick={route.quick} />;
    case 'edit':
      return <IncidentEditor key={`edit-${route.id}`} id={route.id} quick={false} />;
    case 'exhibit':
      return <ExhibitPage key={route.exhibitId} incidentId={route.incidentId} exhibitId={route.exhibitId} />;
    case 'contacts':
      return <Contacts />;
    case 'guidance':
      return <Guidance />;
    case 'settings':
      return <SettingsPage />;
    case 'pack':
      return <CasePack />;
    case 'bin':
      return <BinPage />;
    case 'escalated':
      return <AfterEscalation key={route.id} id={route.id} />;
  }
}

/** The generic window title of a screen (a catalogue id). */
function screenTitle(route: Route): MessageId {
  switch (route.name) {
    case 'timeline':
      return 'screen.timeline';
    case 'conduct':
      return 'screen.conduct';
    case 'incident':
      return 'screen.incident';
    case 'new':
      return route.quick ? 'shell.quick-add' : 'shell.new-incident';
    case 'edit':
      return 'screen.edit';
    case 'exhibit':
      return 'screen.exhibit';
    case 'contacts':
      return 'screen.contacts';
    case 'guidance':
      return 'screen.guidance';
    case 'settings':
      return 'screen.settings';
    case 'pack':
      return 'screen.pack';
    case 'bin':
      return 'screen.bin';
    case 'escalated':
      return 'after.heading';
  }
}
