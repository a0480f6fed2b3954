// `npm run bench`: runs every bench/*.ts (not bench/lib/) with `npx tsx`, one after the other, printing
// each one's output. Benchmarks print figures and PASS/MISS; this exits non-zero only if one crashes.
// Usage: node scripts/bench.mjs [name ...]   e.g. `npm run bench -- import` runs only bench/import.ts.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const only = process.argv.slice(2).map((a) => path.basename(a, '.ts'));
const benches = readdirSync(path.join(root, 'bench'), { withFileTypes: true })
  .filter((d) => d.isFile() && d.name.endsWith('.ts') && !d.name.endsWith('.d.ts'))
  .map((d) => d.name)
  .filter((n) => only.length === 0 || only.includes(path.basename(n, '.ts')))
  .sort();
if (benches.length === 0) {
  console.error(`No benchmark found in bench/${only.length ? ` named ${only.join(', ')}` : ''}.`);
  process.exit(1);
}

const crashed = [];
for (const name of benches) {
  console.log(`\n=== bench/${name} ===`);
  const t0 = Date.now();
  const r = spawnSync('npx', ['tsx', path.join('bench', name)], { cwd: root, stdio: 'inherit' });
  const secs = ((Date.now() - t0) / 1000).toFixed(0);
  if (r.error || r.status !== 0) {
    crashed.push(name);
    console.log(
      `=== bench/${name} FAILED (${r.error ? r.error.message : `exit ${r.status ?? r.signal}`}) after ${secs} s ===`,
    );
  } else {
    console.log(`=== bench/${name} done in ${secs} s ===`);
  }
}
if (crashed.length > 0) {
  console.error(`\nBenchmarks that crashed: ${crashed.join(', ')}`);
  process.exit(1);
}
