import { Vault } from './electron/core/index.ts';
const dir = process.argv[2]!;
const t0 = performance.now();
const v = await Vault.open(dir, { passphrase: 'correct horse battery staple' });
const t1 = performance.now();
const n = v.listIncidents().length;
const t2 = performance.now();
v.close();
console.log(JSON.stringify({ open: Math.round(t1 - t0), list: Math.round(t2 - t1), n }));
