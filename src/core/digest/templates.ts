/**
 * The fact card's Nynorsk text (src/strings/digest-templates.json), typed. All
 * wording lives in that file, with the product's other strings, so that the
 * Nynorsk checker can read it and so that no sentence is assembled from
 * fragments in code.
 */
import raw from '../../strings/digest-templates.json';

/** The shape of src/strings/digest-templates.json. */
export type DigestTemplates = typeof raw;

/** The shipped templates. */
export const TEMPLATES: DigestTemplates = raw;

/** Every template string, for the language check. */
export function allTemplateStrings(t: unknown = raw): string[] {
  if (typeof t === 'string') return [t];
  if (t && typeof t === 'object') return Object.values(t).flatMap(allTemplateStrings);
  return [];
}
