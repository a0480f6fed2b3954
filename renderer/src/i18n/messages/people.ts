/**
 * The people screens' words, English and Welsh (merged into ../en.ts and ../cy.ts). Ids start
 * "people." unless a word is shared; FILES lists the screens whose every word comes from the
 * catalogue (test/i18n/catalogue.test.ts checks them).
 */
export const FILES: readonly string[] = [];

export const en = {} as const satisfies Record<string, string>;

export const cy: Record<keyof typeof en, string> = {};
