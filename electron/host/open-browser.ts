/**
 * Opening the browser for the browser host (`--open`, and so `npm start -- --browser`), in a
 * private window where the browser allows it: a private window keeps no history, cache, session
 * or form data in the browser's profile, so no exhibit name or typed text is left there.
 *
 * Which browser: --browser, else EVIDENCE_VAULT_BROWSER, else BROWSER (a program, no arguments);
 * else on Linux the desktop's default browser (xdg-settings) or the first known browser on PATH;
 * else the system's opener (xdg-open, open, explorer), which cannot ask for a private window:
 * then the host says so plainly.
 *
 * The link given to the browser carries only a one-time ticket that expires in seconds (see
 * ./access.ts): the command line is visible to every user of the computer, the session secret
 * never is.
 */
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** The private-window switch of a browser, known by its program's name; null when none is known. */
export function privateWindowFlag(command: string): string | null {
  const name = path.basename(command).toLowerCase();
  if (/firefox|librewolf|waterfox|iceweasel|icecat/.test(name)) return '--private-window';
  if (/msedge|microsoft-edge/.test(name)) return '--inprivate';
  if (/chrom|chrome|brave|vivaldi|opera|yandex/.test(name)) return '--incognito';
  return null;
}

/** Known browsers on Linux, in the order tried when the desktop names no default. */
const LINUX_BROWSERS = [
  'firefox',
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'microsoft-edge',
  'brave-browser',
];

function onPath(program: string, env: NodeJS.ProcessEnv): string | null {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const full = path.join(dir, program);
    try {
      accessSync(full, constants.X_OK);
      return full;
    } catch {
      // not here
    }
  }
  return null;
}

/** The desktop's default browser on Linux ("firefox.desktop" → firefox), if it is one we know. */
function linuxDefaultBrowser(env: NodeJS.ProcessEnv): string | null {
  try {
    const r = spawnSync('xdg-settings', ['get', 'default-web-browser'], { encoding: 'utf8', timeout: 3_000, env });
    const desktop = (r.stdout ?? '').trim().replace(/\.desktop$/, '');
    if (!desktop) return null;
    const program = LINUX_BROWSERS.find((b) => desktop === b || desktop.startsWith(`${b}-`) || desktop.includes(b));
    return program ? onPath(program, env) : null;
  } catch {
    return null;
  }
}

export interface BrowserChoice {
  command: string;
  args: string[];
  /** Whether a private window was asked for. */
  private: boolean;
  /** A program's name for the messages. */
  name: string;
}

/** What to run to open `url`. */
export function chooseBrowser(
  url: string,
  options: { browser?: string; env?: NodeJS.ProcessEnv; platform?: string } = {},
): BrowserChoice {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const given = options.browser ?? env.EVIDENCE_VAULT_BROWSER ?? env.BROWSER;
  let program = given && given.trim() !== '' ? given.trim() : null;
  if (!program && platform === 'linux') {
    program = linuxDefaultBrowser(env) ?? LINUX_BROWSERS.map((b) => onPath(b, env)).find((p) => p !== null) ?? null;
  }
  if (program) {
    const flag = privateWindowFlag(program);
    return {
      command: program,
      args: flag ? [flag, url] : [url],
      private: flag !== null,
      name: path.basename(program),
    };
  }
  const opener = platform === 'darwin' ? 'open' : platform === 'win32' ? 'explorer' : 'xdg-open';
  return { command: opener, args: [url], private: false, name: opener };
}

/**
 * Open the browser; resolves to what was run, or null if it could not be started. Never throws:
 * the host goes on, and a link can be opened by hand.
 */
export function openBrowser(
  url: string,
  options: { browser?: string; env?: NodeJS.ProcessEnv; platform?: string } = {},
): Promise<BrowserChoice | null> {
  const choice = chooseBrowser(url, options);
  return new Promise((resolve) => {
    try {
      const child = spawn(choice.command, choice.args, { stdio: 'ignore', detached: true });
      child.once('error', () => resolve(null));
      child.once('spawn', () => {
        child.unref();
        resolve(choice);
      });
    } catch {
      resolve(null);
    }
  });
}
