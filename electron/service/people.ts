/** The people channels (believed responsible, witnesses). */
import type { ChannelsOf, HandlerTable } from './context.js';

export const peopleHandlers: HandlerTable<ChannelsOf<'people'>> = {
  'people.list': (_req, ctx) => ctx.vault().listPeople(),
  'people.create': (req, ctx) => ctx.vault().createPerson(req.input),
  'people.update': (req, ctx) => ctx.vault().updatePerson(req.id, req.input),
  'people.delete': (req, ctx) => {
    ctx.vault().deletePerson(req.id, req.reason);
    return null;
  },
  'people.merge': (req, ctx) => ctx.vault().mergePeople(req.fromId, req.intoId),
  'people.history': (req, ctx) => ctx.vault().personHistory(req.id),
};
