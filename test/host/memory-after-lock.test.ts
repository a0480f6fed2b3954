/**
 * Issue 11, Medium 7: a memory scan of the browser host after lock. The real host runs as a child
 * of this test (test/support/memory-host.ts); over HTTP the test creates a vault with a known
 * passphrase, adds incidents with canary text and an exhibit with canary bytes, reads them back,
 * and locks. Then it reads the host's memory (/proc/PID/maps + /proc/PID/mem: a parent may read
 * its child's) and looks for every needle, built here only: the canary text, the exhibit's bytes
 * (raw and as the base64 the window sends), the passphrase, the records subkey and the signing
 * seed (read by opening the vault in this process with the core, after the host locked it).
 *
 * With the isolated service (the host's default) the vault process has exited and none is found.
 * The control runs the same steps against the in-process service (as the host was before): the
 * scan finds the canaries there, so it is not looking in the wrong place.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IpcResult } from '../../shared/ipc.js';
import type { Exhibit, Incident } from '../../shared/model.js';
import { bytesToBase64, decodeWire, encodeWire } from '../../shared/wire.js';
import { Vault } from '../../electron/core/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCRIPT = fileURLToPath(new URL('../support/memory-host.ts', import.meta.url));
const TOKEN_HEADER = 'X-Evidence-Vault-Token';

/** Why the scan cannot run here, or null. */
function cannotScan(): string | null {
  if (process.platform !== 'linux') return 'reading another process’s memory is done through /proc (Linux only)';
  try {
    const fd = openSync(`/proc/${process.pid}/mem`, 'r');
    closeSync(fd);
  } catch {
    return '/proc/PID/mem is not readable on this machine';
  }
  return null;
}
const skipWhy = cannotScan();
if (skipWhy) console.log(`memory-after-lock: skipped: ${skipWhy}.`);

interface HostInfo {
  origin: string;
  address: string;
  port: number;
  token: string;
}

interface RunningHost {
  child: ChildProcess;
  info: HostInfo;
  invoke<T>(channel: string, request: unknown): Promise<T>;
}

let root: string;
let rendererDir: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'ev-memscan-'));
  rendererDir = path.join(root, 'renderer');
  await mkdir(rendererDir, { recursive: true });
  await writeFile(
    path.join(rendererDir, 'index.html'),
    '<!doctype html><html lang="en-GB"><head><meta http-equiv="Content-Security-Policy" content="default-src \'none\'"><title>Evidence Vault</title></head><body></body></html>\n',
  );
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await rm(root, { recursive: true, force: true });
});

async function startHost(vaultDir: string, mode: 'isolated' | 'in-process'): Promise<RunningHost> {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, vaultDir, rendererDir, mode], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  children.push(child);
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the host exited (${code}) before it started`)));
  });
  const info = JSON.parse(line) as HostInfo;
  const invoke = <T>(channel: string, request: unknown) =>
    new Promise<T>((resolve, reject) => {
      const req = http.request(
        {
          host: info.address,
          port: info.port,
          method: 'POST',
          path: '/api/invoke',
          agent: false,
          headers: {
            Host: `${info.address}:${info.port}`,
            Origin: info.origin,
            'Content-Type': 'application/json',
            [TOKEN_HEADER]: info.token,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            if (res.statusCode !== 200) return reject(new Error(`${channel}: HTTP ${res.statusCode}`));
            const result = decodeWire(Buffer.concat(chunks).toString('utf8')) as IpcResult<T>;
            if (!result.ok) return reject(new Error(`${channel}: ${result.error.code} ${result.error.message}`));
            resolve(result.value);
          });
        },
      );
      req.on('error', reject);
      req.end(encodeWire({ channel, request }));
    });
  return { child, info, invoke };
}

/** The vault processes among pid's children (esbuild's service, which tsx starts, is another). */
async function vaultProcessesOf(pid: number): Promise<number[]> {
  const out: number[] = [];
  for (const child of await childrenOf(pid)) {
    try {
      if (readFileSync(`/proc/${child}/cmdline`, 'utf8').includes('vault-process')) out.push(child);
    } catch {
      // gone already
    }
  }
  return out;
}

/** Every process whose parent is pid (all its threads' children). */
async function childrenOf(pid: number): Promise<number[]> {
  const out: number[] = [];
  for (const tid of await readdir(`/proc/${pid}/task`).catch(() => [] as string[])) {
    try {
      const text = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
      if (text) out.push(...text.split(/\s+/).map(Number));
    } catch {
      // the thread ended
    }
  }
  return out;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

interface Needle {
  name: string;
  bytes: Buffer;
}

/** Text as V8 may hold it: one-byte (Latin-1/UTF-8 for ASCII) and two-byte (UTF-16LE). */
function textNeedles(name: string, text: string): Needle[] {
  return [
    { name, bytes: Buffer.from(text, 'utf8') },
    { name: `${name} (UTF-16)`, bytes: Buffer.from(text, 'utf16le') },
  ];
}

/** Which needles are anywhere in the readable memory of process pid (and how often). */
function scanMemory(pid: number, needles: Needle[]): Map<string, number> {
  const found = new Map<string, number>();
  const maps = readFileSync(`/proc/${pid}/maps`, 'utf8').trim().split('\n');
  const fd = openSync(`/proc/${pid}/mem`, 'r');
  const longest = Math.max(...needles.map((n) => n.bytes.length));
  const CHUNK = 8 * 1024 * 1024;
  const buf = Buffer.alloc(CHUNK + longest);
  try {
    for (const line of maps) {
      const [range, perms, , , , name = ''] = line.split(/\s+/);
      if (!range || !perms?.startsWith('r')) continue;
      if (name === '[vvar]' || name === '[vsyscall]' || name === '[vvar_vclock]') continue;
      const [startHex, endHex] = range.split('-');
      const start = BigInt(`0x${startHex}`);
      const end = BigInt(`0x${endHex}`);
      let carry = 0;
      for (let at = start; at < end;) {
        const want = Number(end - at < BigInt(CHUNK) ? end - at : BigInt(CHUNK));
        let got = 0;
        try {
          got = readSync(fd, buf, carry, want, at);
        } catch {
          break;
        }
        if (got <= 0) break;
        const view = buf.subarray(0, carry + got);
        for (const n of needles) {
          let i = view.indexOf(n.bytes);
          while (i >= 0) {
            // A hit wholly inside the carried-over bytes was counted in the last chunk.
            if (i + n.bytes.length > carry) {
              found.set(n.name, (found.get(n.name) ?? 0) + 1);
              if (process.env.EV_MEMSCAN_DEBUG)
                console.log(
                  n.name,
                  line,
                  (at + BigInt(i - carry)).toString(16),
                  JSON.stringify(view.subarray(Math.max(0, i - 300), i + 100).toString('latin1')),
                );
            }
            i = view.indexOf(n.bytes, i + 1);
          }
        }
        carry = Math.min(longest - 1, view.length);
        view.copy(buf, 0, view.length - carry);
        at += BigInt(got);
      }
    }
  } finally {
    closeSync(fd);
  }
  return found;
}

/** The steps of the test against one host; returns what the scan found, and the vault process's fate. */
async function runScenario(
  mode: 'isolated' | 'in-process',
): Promise<{ found: Map<string, number>; vaultChildren: number[] }> {
  const vaultDir = path.join(root, `vault-${mode}`);
  const host = await startHost(vaultDir, mode);
  const hostPid = host.child.pid!;

  // The needles, made here only.
  const passphrase = `pass-${randomBytes(12).toString('hex')}`;
  const canaryTitle = `CanaryTitle${randomBytes(10).toString('hex')}`;
  const canaryText = `CanaryDescription${randomBytes(16).toString('hex')} was outside the office again`;
  const canaryNotes = `CanaryNotes${randomBytes(12).toString('hex')}`;
  const exhibit = randomBytes(6000);

  await host.invoke('vault.create', { passphrase });
  const made: Incident[] = [];
  for (let i = 0; i < 3; i++) {
    made.push(
      await host.invoke<Incident>('incidents.create', {
        input: {
          title: `${canaryTitle} ${i}`,
          occurredAt: { date: '2024-05-03', time: '21:40', offset: '+01:00' },
          description: canaryText,
          notes: canaryNotes,
        },
      }),
    );
  }
  const imported = await host.invoke<Exhibit[]>('exhibits.import', {
    incidentId: made[0]!.id,
    jobId: randomBytes(8).toString('hex'),
    sources: [{ kind: 'bytes', name: 'photo.bin', data: new Uint8Array(exhibit) }],
  });
  // Read everything back through the host.
  const list = await host.invoke<Incident[]>('incidents.list', {});
  expect(list.map((i) => i.description)).toEqual([canaryText, canaryText, canaryText]);
  for (const inc of made)
    expect((await host.invoke<Incident>('incidents.get', { id: inc.id })).notes).toBe(canaryNotes);
  const read = await host.invoke<Uint8Array>('exhibits.read', { id: imported[0]!.id });
  expect(Buffer.from(read).equals(exhibit)).toBe(true);

  const vaultChildren = await vaultProcessesOf(hostPid);
  await host.invoke('vault.lock', {});
  // The vault process (if any) ends on lock: wait for it.
  const until = Date.now() + 5000;
  while (vaultChildren.some(alive) && Date.now() < until) await new Promise((r) => setTimeout(r, 25));

  // The keys: open the vault here, now that the host has locked it, and read them from the core.
  const vault = (await Vault.open(vaultDir, { passphrase })) as unknown as {
    keys: { records: Uint8Array };
    signing: { secretKey: Uint8Array };
    close(): void;
  };
  const recordsKey = Buffer.from(vault.keys.records);
  const signingSeed = Buffer.from(vault.signing.secretKey.subarray(0, 32));
  vault.close();

  const b64 = bytesToBase64(new Uint8Array(exhibit));
  const needles: Needle[] = [
    ...textNeedles('passphrase', passphrase),
    ...textNeedles('canary title', canaryTitle),
    ...textNeedles('canary description', canaryText.slice(0, 49)),
    ...textNeedles('canary notes', canaryNotes),
    { name: 'exhibit bytes', bytes: exhibit.subarray(3000, 3032) },
    { name: 'exhibit bytes (start)', bytes: exhibit.subarray(0, 32) },
    { name: 'exhibit bytes (base64)', bytes: Buffer.from(b64.slice(4000, 4048)) },
    { name: 'records subkey', bytes: recordsKey },
    { name: 'signing seed', bytes: signingSeed },
  ];
  const found = scanMemory(hostPid, needles);
  host.child.stdin!.end();
  return { found, vaultChildren };
}

describe.skipIf(skipWhy !== null)('memory of the browser host after lock (issue 11, Medium 7)', () => {
  it('isolated: the vault process has exited and no key, passphrase or canary is in the host’s memory', async () => {
    const { found, vaultChildren } = await runScenario('isolated');
    expect(vaultChildren.length).toBeGreaterThan(0);
    for (const pid of vaultChildren) expect(alive(pid)).toBe(false);
    // A file uploaded through the browser host arrives as base64 text in the request body; a piece
    // of that text has been seen, in about one run in ten, in the host's freed network buffers
    // (Node's own socket reads, which the host cannot zero). The README says so; it is reported
    // here, and everything else must be absent every time.
    const { 'exhibit bytes (base64)': uploaded, ...rest } = Object.fromEntries(found);
    if (uploaded) console.log(`upload text (base64) still in the host's freed buffers: ${uploaded} piece(s)`);
    expect(rest).toEqual({});
  }, 120_000);

  it('control: with the service in the host’s own process, the same scan finds them', async () => {
    const { found } = await runScenario('in-process');
    console.log('in-process host after lock:', JSON.stringify(Object.fromEntries(found)));
    expect(found.get('canary description') ?? 0).toBeGreaterThan(0);
    expect(found.get('passphrase') ?? 0).toBeGreaterThan(0);
  }, 120_000);
});
