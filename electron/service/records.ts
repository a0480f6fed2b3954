/** The bin (deleted items, restorable for 30 days) and form drafts (autosaved, encrypted, not the record). */
import type { ChannelsOf, HandlerTable } from './context.js';

export const recordHandlers: HandlerTable<ChannelsOf<'bin'> | ChannelsOf<'drafts'>> = {
  'bin.list': (_req, ctx) => ctx.vault().listBin(),
  'bin.restore': (req, ctx) => ctx.vault().restoreFromBin(req.id),
  'drafts.get': (req, ctx) => ctx.vault().getDraft(req.key),
  'drafts.save': (req, ctx) => ctx.vault().saveDraft(req.key, req.text),
  'drafts.discard': (req, ctx) => {
    if ('key' in req) ctx.vault().discardDraft(req.key);
    else ctx.vault().discardDraftById(req.id);
    return null;
  },
  'drafts.list': (_req, ctx) => ctx.vault().listDrafts(),
};
