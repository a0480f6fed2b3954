import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['electron/**/*.test.ts', 'shared/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // One test file per CPU, not vitest's default of one fewer: most files spend much of their time waiting
    // on the processes they start (the CLI, vault processes, a killed import), so on two CPUs a second file
    // fills the time the first waits (10.5 min → 7.2 min here, every test still passing).
    maxWorkers: availableParallelism(),
  },
});
