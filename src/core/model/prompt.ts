/**
 * Builds the messages sent to the model from the extracted article only:
 * title, a few metadata fields, the detected topic and the numbered
 * paragraphs (never HTML), the terminology entries the article uses, and
 * instructions for correct Nynorsk in the user's chosen norm. Long articles
 * are planned as parts (map) and a final combine step (reduce).
 */
import type { Article, TopicResult } from '../types';
import { estimateMessagesTokens, estimateTokens } from './tokens';
import type { BokmalFinding, CardContent, ChatMessage, ModelPrefs, Term } from './types';
import { escapeRegExp } from '../regex';

/** Default upper bound for one prompt, in estimated tokens. */
export const DEFAULT_MAX_PROMPT_TOKENS = 6000;
/** At most this many terminology entries, and this many tokens of them, go into one prompt. */
export const MAX_TERMS = 30;
export const MAX_TERM_TOKENS = 200;

function normLines(prefs: ModelPrefs): string {
  const inf = prefs.infinitive === 'e' ? 'e-infinitive (å skrive, å lese), never a-infinitive' : 'a-infinitive (å skriva, å lesa), never e-infinitive';
  const pron = prefs.pronoun === 'me' ? '"me/oss" for we/us, never "vi"' : '"vi/oss" for we/us, never "me"';
  return `Norm: ${inf}; ${pron}; ikkje, eg, kva, korleis, kvifor, kven, nokon/noko, mykje, berre, sjølv, frå, utan, medan, dersom, tilsette, verksemd, teneste, tryggleik, moglegheit; feminine definite -a (verksemda), masculine plural -ar/-ane, a-verbs' past in -a (mista). Never Bokmål (ikke, jeg, hva, hvordan, noe, mye, bare, fra, uten, mens, hvis, ansatte, virksomhet, tjeneste, sikkerhet, mulighet).`;
}

function lengthLine(length: ModelPrefs['length']): string {
  return length === 'short'
    ? 'summary: 2-3 short paragraphs; faq: 3 questions.'
    : 'summary: 4-6 paragraphs; faq: 5-7 questions.';
}

/** The system message: task, norm, format. Kept short: it is paid for on every request. */
export function systemMessage(prefs: ModelPrefs, task: 'card' | 'part' | 'combine' = 'card'): ChatMessage {
  const what =
    task === 'part'
      ? 'You get one part of a longer English article. Summarise this part only.'
      : task === 'combine'
        ? 'You get summaries of the parts of one English article, written in Nynorsk. Combine them into one card for the whole article.'
        : 'You get an English IT article from Spiceworks. Write a card about it.';
  const length = task === 'part' ? 'summary: 1-2 paragraphs; faq: 1-3 questions.' : lengthLine(prefs.length);
  return {
    role: 'system',
    content: [
      `${what} Write in correct Nynorsk (not Bokmål, not Danish), as a Norwegian newsroom would.`,
      normLines(prefs),
      'Use the Nynorsk terms given for English IT terms. Keep names, products and figures as in the article; numbers under ten as words. Only facts from the article.',
      `Answer with JSON only: {"title": Nynorsk headline, "summary": [paragraphs], "faq": [{"q": question, "a": answer, "evidence": [numbers n of the article paragraphs "n: text" that support the answer]}]}. ${length}`,
    ].join('\n'),
  };
}

/** A whole-word matcher; abbreviations in capitals match only in capitals. */
const wordRe = (term: string) =>
  new RegExp(
    `(^|[^\\p{L}\\p{N}])${escapeRegExp(term)}(?=$|[^\\p{L}\\p{N}])`,
    /^[\p{Lu}\p{N}]{2,}$/u.test(term) ? 'u' : 'iu',
  );

/** The terminology entries whose English term occurs in the text, longest first, within MAX_TERMS and MAX_TERM_TOKENS. */
export function relevantTerms(text: string, terms: readonly Term[] = []): Term[] {
  const seen = new Set<string>();
  // A substring test first: a superset of the whole-word match, so only the few candidates' patterns are compiled
  // (compiling one per entry of the whole list took about a second in a fresh service worker).
  const lower = text.toLowerCase();
  const mayOccur = (w: string) => w.trim() !== '' && lower.includes(w.toLowerCase());
  return terms
    .filter((t) => t.en.trim() && t.nn.trim() && [t.en, ...(t.aka ?? [])].some(mayOccur))
    .sort((a, b) => b.en.length - a.en.length)
    .filter((t) => {
      const key = t.en.toLowerCase();
      if (seen.has(key) || ![t.en, ...(t.aka ?? [])].some((w) => mayOccur(w) && wordRe(w).test(text))) return false;
      seen.add(key);
      return true;
    })
    .slice(0, MAX_TERMS)
    .filter(withinBudget(MAX_TERM_TOKENS));
}

/** A filter that keeps terms while their prompt text fits `budget` tokens. */
function withinBudget(budget: number): (t: Term) => boolean {
  let used = 0;
  return (t) => {
    used += estimateTokens(termLine(t)) + 1;
    return used <= budget;
  };
}

const termLine = (t: Term) => `${[t.en, ...(t.aka ?? [])].join('/')} = ${t.nn}`;

/** The article's own text: what "article tokens" are measured on. */
export function articleText(article: Article): string {
  return [article.title, ...article.paragraphs].join('\n');
}

function header(article: Article, topic: TopicResult | undefined): string {
  const meta = [
    article.author && `Author: ${article.author}`,
    article.published && `Published: ${article.published.slice(0, 10)}`,
    article.section && `Section: ${article.section}`,
    topic && `Topic: ${topic.label} (${topic.id})`,
  ].filter(Boolean);
  return [`Title: ${article.title}`, meta.join(' | ')].filter(Boolean).join('\n');
}

function termsBlock(terms: readonly Term[]): string {
  return terms.length ? `Terms: ${terms.map(termLine).join('; ')}` : '';
}

const numbered = (article: Article, from: number, to: number) =>
  article.paragraphs
    .slice(from, to)
    .map((p, i) => `${from + i}: ${p}`)
    .join('\n');

/** One part of the article: paragraph indices [from, to). */
export type PromptPart = { from: number; to: number };

/** The plan for one article: a single request, or parts and a combine step. */
export type PromptPlan = {
  /** Estimated tokens of the article's own text. */
  articleTokens: number;
  parts: { range: PromptPart; messages: ChatMessage[]; tokens: number }[];
  /** True when the article is summarised in parts, then combined. */
  split: boolean;
};

export type PromptOptions = { terms?: readonly Term[]; maxPromptTokens?: number };

/** The messages for the whole article, or for the paragraphs [from, to) of it. */
export function buildMessages(
  article: Article,
  topic: TopicResult | undefined,
  prefs: ModelPrefs,
  opts: PromptOptions & { part?: PromptPart & { index: number; count: number } } = {},
): ChatMessage[] {
  const part = opts.part;
  const from = part?.from ?? 0;
  const to = part?.to ?? article.paragraphs.length;
  const body = numbered(article, from, to);
  const terms = relevantTerms(`${article.title}\n${body}`, opts.terms);
  const user = [
    header(article, topic),
    termsBlock(terms),
    part ? `Part ${part.index + 1} of ${part.count}, paragraphs ${from}-${to - 1}:` : 'Article:',
    body,
  ]
    .filter(Boolean)
    .join('\n');
  return [systemMessage(prefs, part ? 'part' : 'card'), { role: 'user', content: user }];
}

/**
 * Measures the prompt and, above `maxPromptTokens`, splits the paragraphs
 * into parts that each fit (a paragraph longer than the budget gets a part
 * of its own).
 */
export function planPrompt(article: Article, topic: TopicResult | undefined, prefs: ModelPrefs, opts: PromptOptions = {}): PromptPlan {
  const max = opts.maxPromptTokens ?? DEFAULT_MAX_PROMPT_TOKENS;
  const articleTokens = estimateTokens(articleText(article));
  const whole = buildMessages(article, topic, prefs, opts);
  const wholeTokens = estimateMessagesTokens(whole);
  const n = article.paragraphs.length;
  if (wholeTokens <= max || n < 2) {
    return { articleTokens, split: false, parts: [{ range: { from: 0, to: n }, messages: whole, tokens: wholeTokens }] };
  }
  // Fixed cost of a part prompt: everything but the paragraphs and the terms (a part of none, without terms: a term the
  // title names would otherwise be counted here and again below); terms counted for the whole article, an upper bound.
  const fixed = estimateMessagesTokens(buildMessages(article, topic, prefs, { ...opts, terms: [], part: { from: 0, to: 0, index: 0, count: 1 } }));
  const termTokens = estimateTokens(termsBlock(relevantTerms(articleText(article), opts.terms)));
  const budget = Math.max(200, max - fixed - termTokens - 10);
  const ranges: PromptPart[] = [];
  let from = 0;
  let used = 0;
  for (let i = 0; i < n; i++) {
    const t = estimateTokens(`${i}: ${article.paragraphs[i] ?? ''}`) + 1;
    if (i > from && used + t > budget) {
      ranges.push({ from, to: i });
      from = i;
      used = 0;
    }
    used += t;
  }
  ranges.push({ from, to: n });
  const parts = ranges.map((range, index) => {
    const messages = buildMessages(article, topic, prefs, { ...opts, part: { ...range, index, count: ranges.length } });
    return { range, messages, tokens: estimateMessagesTokens(messages) };
  });
  return { articleTokens, split: true, parts };
}

/** The reduce step: the parts' card contents (Nynorsk, with global evidence indices) into one card. */
export function buildCombineMessages(
  article: Article,
  topic: TopicResult | undefined,
  prefs: ModelPrefs,
  partContents: readonly CardContent[],
  terms: readonly Term[] = [],
): ChatMessage[] {
  const used = relevantTerms(articleText(article), terms);
  const parts = partContents.map((c, i) => `Part ${i + 1}: ${JSON.stringify(c)}`).join('\n');
  const user = [header(article, topic), termsBlock(used), `The article has ${article.paragraphs.length} paragraphs, numbered 0-${article.paragraphs.length - 1}. Keep the evidence numbers.`, parts]
    .filter(Boolean)
    .join('\n');
  return [systemMessage(prefs, 'combine'), { role: 'user', content: user }];
}

/**
 * The repair round: the card content and the forms the checker flagged, with
 * suggestions; the model returns the same JSON with those words corrected.
 * The article is not sent again.
 */
export function buildRepairMessages(prefs: ModelPrefs, content: CardContent, flagged: readonly BokmalFinding[]): ChatMessage[] {
  const list = flagged.map((f) => (f.suggestion ? `«${f.form}» → «${f.suggestion}»` : `«${f.form}»`)).join(', ');
  return [
    {
      role: 'system',
      content: `You correct Nynorsk text. ${normLines(prefs)}\nAnswer with the same JSON object only, with the same keys and evidence numbers.`,
    },
    {
      role: 'user',
      content: `These words are Bokmål, not Nynorsk: ${list}. Rewrite the sentences that hold them in correct Nynorsk and change nothing else.\n${JSON.stringify(content)}`,
    },
  ];
}
