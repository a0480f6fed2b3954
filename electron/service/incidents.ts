/** The incident channels. */
import type { ChannelsOf, HandlerTable } from './context.js';
import { runImport } from './exhibits.js';

export const incidentHandlers: HandlerTable<ChannelsOf<'incidents'>> = {
  'incidents.list': (_req, ctx) => ctx.vault().listIncidents(),
  'incidents.get': (req, ctx) => ctx.vault().getIncident(req.id),
  'incidents.create': async (req, ctx) => {
    const v = ctx.vault();
    if (!req.exhibits) return v.createIncident(req.input);
    // One action: the files are written first, then the incident and its exhibits are committed
    // together, so a failure or a cancel at any moment leaves neither behind.
    const files = req.exhibits.sources.map((s) => ctx.resolveGrant(s.grantId));
    return runImport(ctx, req.exhibits.jobId, files, (options) =>
      v.createIncidentWithExhibits(
        req.input,
        files.map((g) => g.path),
        { ...options, allowDuplicates: req.exhibits?.allowDuplicates === true },
      ),
    );
  },
  'incidents.update': (req, ctx) => ctx.vault().updateIncident(req.id, req.input),
  'incidents.delete': (req, ctx) => {
    ctx.vault().deleteIncident(req.id, req.reason);
    return null;
  },
  'incidents.history': (req, ctx) => ctx.vault().incidentHistory(req.id),
};
