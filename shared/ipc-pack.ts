/**
 * Case-pack channels (export wizard, verify). Owned by the case-pack work; merged into the
 * channel map in ./ipc.ts.
 */
import { z } from 'zod';

export const packChannels = {} as const satisfies Record<string, { req: z.ZodType; res: unknown }>;
