/** The settings channels. */
import type { ChannelsOf, HandlerTable } from './context.js';

export const settingsHandlers: HandlerTable<ChannelsOf<'settings'>> = {
  'settings.get': (_req, ctx) => ctx.vault().getSettings(),
  'settings.update': (req, ctx) => ctx.vault().updateSettings(req.patch),
};
