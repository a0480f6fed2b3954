/**
 * Which browser the host opens, and whether it can ask it for a private window.
 */
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseBrowser, privateWindowFlag } from './open-browser.js';

describe('private windows', () => {
  it('knows the private-window switch of the common browsers', () => {
    expect(privateWindowFlag('/usr/bin/firefox')).toBe('--private-window');
    expect(privateWindowFlag('/usr/bin/chromium')).toBe('--incognito');
    expect(privateWindowFlag('google-chrome-stable')).toBe('--incognito');
    expect(privateWindowFlag('C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe')).toBe('--inprivate');
    expect(privateWindowFlag('brave-browser')).toBe('--incognito');
    expect(privateWindowFlag('/usr/bin/xdg-open')).toBeNull();
    expect(privateWindowFlag('/usr/bin/epiphany')).toBeNull();
  });

  it('uses --browser, then EVIDENCE_VAULT_BROWSER, then BROWSER; else the system opener without a private window', () => {
    const url = 'http://127.1.2.3:4000/?ticket=abc';
    expect(chooseBrowser(url, { browser: '/opt/firefox/firefox', env: {}, platform: 'linux' })).toEqual({
      command: '/opt/firefox/firefox',
      args: ['--private-window', url],
      private: true,
      name: 'firefox',
    });
    expect(
      chooseBrowser(url, { env: { EVIDENCE_VAULT_BROWSER: 'chromium', BROWSER: 'firefox' }, platform: 'linux' }).args,
    ).toEqual(['--incognito', url]);
    expect(chooseBrowser(url, { env: { BROWSER: 'lynx' }, platform: 'linux' })).toMatchObject({
      args: [url],
      private: false,
    });
    expect(chooseBrowser(url, { env: {}, platform: 'darwin' })).toEqual({
      command: 'open',
      args: [url],
      private: false,
      name: 'open',
    });
    expect(chooseBrowser(url, { env: {}, platform: 'win32' })).toMatchObject({ command: 'explorer', private: false });
  });

  it('on Linux without a choice, finds a known browser on PATH', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ev-browsers-'));
    try {
      const env = { PATH: dir };
      expect(chooseBrowser('u', { env, platform: 'linux' })).toMatchObject({ command: 'xdg-open', private: false });
      await writeFile(path.join(dir, 'chromium'), '#!/bin/sh\n');
      await chmod(path.join(dir, 'chromium'), 0o755);
      expect(chooseBrowser('u', { env, platform: 'linux' })).toEqual({
        command: path.join(dir, 'chromium'),
        args: ['--incognito', 'u'],
        private: true,
        name: 'chromium',
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
