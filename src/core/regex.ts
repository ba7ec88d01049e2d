/** Text as a regular expression that matches it literally (names, terms and forms go into patterns). */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
