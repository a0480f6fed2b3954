/** The police case channels (vault level: which incidents the police were told about, under which reference). */
import type { ChannelsOf, HandlerTable } from './context.js';

export const caseHandlers: HandlerTable<ChannelsOf<'cases'>> = {
  'cases.list': (_req, ctx) => ctx.vault().listCases(),
  'cases.create': (req, ctx) => ctx.vault().createCase(req.input),
  'cases.update': (req, ctx) => ctx.vault().updateCase(req.id, req.input),
  'cases.link': (req, ctx) => ctx.vault().linkCase(req.caseId, req.incidentIds, true),
  'cases.unlink': (req, ctx) => ctx.vault().linkCase(req.caseId, req.incidentIds, false),
  'cases.delete': (req, ctx) => {
    ctx.vault().deleteCase(req.id, req.reason);
    return null;
  },
};
