/**
 * A cheap, deterministic token estimate, close to what BPE tokenisers of
 * current chat models count for English and Nynorsk prose: about one token
 * per four letters of a word, at least one per word, one per punctuation
 * mark. Used to size prompts and to decide when to summarise in parts.
 */
export function estimateTokens(text: string): number {
  let n = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu)) {
    const len = m[0].length;
    n += /[\p{L}\p{N}]/u.test(m[0]) ? Math.max(1, Math.ceil(len / 4)) : 1;
  }
  return n;
}

/** Tokens of a list of chat messages, with a few tokens of framing each. */
export function estimateMessagesTokens(messages: readonly { content: string }[]): number {
  return messages.reduce((sum, m) => sum + estimateTokens(m.content) + 4, 0);
}
