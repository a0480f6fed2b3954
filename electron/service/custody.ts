/** The activity log (custody log) and the vault check. */
import type { ChannelsOf, HandlerTable } from './context.js';

export const custodyHandlers: HandlerTable<ChannelsOf<'custody'> | 'vault.check'> = {
  'custody.list': (_req, ctx) => ctx.vault().custodyLog(),
  'vault.check': async (req, ctx) => {
    const v = ctx.vault();
    const jobId = req.jobId;
    if (!jobId) return v.check();
    const job = ctx.beginJob(jobId);
    try {
      return await v.check({
        onProgress: (done, total) => ctx.progress(jobId, done, total, 'Checking the vault', { phase: 'checking' }),
      });
    } finally {
      job.end();
    }
  },
};
