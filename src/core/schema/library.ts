/**
 * A curated library card (assets/library/*.json) as a valibot schema:
 * core/library.ts infers its types from it and checks each bundled file with
 * it, so a file of the wrong shape is left out, never half-read.
 */
import * as v from 'valibot';

const strings = v.array(v.string());

export const LibraryFaqSchema = v.object({
  q: v.string(),
  a: v.string(),
  /** Groups of English terms; a paragraph that holds every term of a group is evidence. */
  anchors: v.array(strings),
});

export const LibraryEntrySchema = v.object({
  id: v.string(),
  match: v.object({
    /** URL slugs of the article, under any section. */
    slugs: strings,
    /** Terms a copy of the article at another URL must hold (lower case, see normaliseForMatch). */
    fingerprint: v.object({ all: strings, any: strings, minAny: v.pipe(v.number(), v.integer()) }),
  }),
  card: v.object({
    title: v.string(),
    sourceTitle: v.string(),
    published: v.optional(v.string()),
    author: v.optional(v.string()),
    summary: strings,
    faq: v.array(LibraryFaqSchema),
  }),
});
