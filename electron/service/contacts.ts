/** The contact channels (the user's own contacts: SPOC, police, platforms, security teams). */
import type { ChannelsOf, HandlerTable } from './context.js';

export const contactHandlers: HandlerTable<ChannelsOf<'contacts'>> = {
  'contacts.list': (_req, ctx) => ctx.vault().listContacts(),
  'contacts.create': (req, ctx) => ctx.vault().createContact(req.input),
  'contacts.update': (req, ctx) => ctx.vault().updateContact(req.id, req.input),
  'contacts.delete': (req, ctx) => {
    ctx.vault().deleteContact(req.id, req.reason);
    return null;
  },
};
