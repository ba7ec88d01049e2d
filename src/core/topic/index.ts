/**
 * Topic detection. Signals, strongest first: the URL section, JSON-LD
 * articleSection/keywords and meta tags, the "MORE ON <TOPIC>" heading, the
 * Discourse category and tags, breadcrumbs, then the text classifier (title
 * over body), which also proposes secondary topics. Reasons are Nynorsk.
 */
import { topicReasonText as R } from '../../strings/topic-reasons';
import { listNn } from '../nn-grammar';
import { fill } from '../template';
import { TOPIC_IDS, type Article, type TopicId, type TopicResult } from '../types';
import { scoreText, type TextScores } from './lexicon';
import { TAXONOMY, topicForName, topicLabel } from './taxonomy';

export { TAXONOMY, topicLabel, topicForName } from './taxonomy';

/** Signal families that `detectTopic` can be told to ignore (for measuring). */
export type SignalKind = 'url' | 'metadata' | 'text';
export type DetectOptions = { ignore?: SignalKind[] };

const W = { urlStrong: 20, urlWeak: 4, ldSection: 10, metaSection: 8, moreOn: 9, category: 8.5, keywordName: 4, keywordsCap: 6, crumb: 3, text: 8 };
/** Fallback when no signal at all is found: the broad industry topic. */
const FALLBACK: TopicId = 'business';

type Acc = { scores: Map<TopicId, number>; reasons: Map<TopicId, string[]> };

/** A name from the page in a reason, between Nynorsk quotation marks, cut short: reasons are one line, and a page's section or tag can be any length. */
export function quoted(s: string): string {
  const t = s.trim();
  return `«${t.length > 60 ? `${t.slice(0, 59).trimEnd()}…` : t}»`;
}

function credit(acc: Acc, id: TopicId | null, points: number, reason: string): void {
  if (!id || points <= 0) return;
  acc.scores.set(id, (acc.scores.get(id) ?? 0) + points);
  const r = acc.reasons.get(id) ?? [];
  if (!r.includes(reason)) r.push(reason);
  acc.reasons.set(id, r);
}

function urlRoot(url: string): string {
  try {
    return new URL(url).pathname.split('/').filter(Boolean)[0] ?? '';
  } catch {
    return '';
  }
}

function urlSignal(acc: Acc, a: Article): void {
  if (a.kind !== 'article' || !a.section) return;
  const sec = TAXONOMY.sections[a.section];
  const reason = fill(R.urlSection, { name: quoted(a.section) });
  if (urlRoot(a.url) === TAXONOMY.securityRoot) credit(acc, 'security', W.urlStrong, reason);
  else if (sec?.topic) credit(acc, sec.topic, sec.strength === 'strong' ? W.urlStrong : W.urlWeak, reason);
}

function metadataSignals(acc: Acc, a: Article): void {
  for (const s of a.jsonLd.sections) credit(acc, topicForName(s), W.ldSection, fill(R.ldSection, { name: quoted(s) }));
  for (const key of ['article:section', 'parsely-section']) {
    const s = a.meta[key];
    if (s) credit(acc, topicForName(s), W.metaSection, fill(R.metaSection, { name: quoted(s) }));
  }
  if (a.moreOn) {
    const name = a.moreOn.replace(/^more on\s+/i, '');
    const id = topicForName(name) ?? bestOf(scoreText(name, '').scores);
    credit(acc, id, W.moreOn, fill(R.moreOn, { name: quoted(a.moreOn) }));
  }
  if (a.kind === 'thread' && a.section) {
    const name = a.section.replace(/\s*\(.*\)\s*$/, '');
    const id = topicForName(name) ?? bestOf(scoreText(name, '').scores);
    credit(acc, id, W.category, fill(R.category, { name: quoted(a.section) }));
  }
  // Keywords and tags: exact names first, then the lexicon, capped per topic.
  const words = [
    ...a.jsonLd.keywords,
    ...(a.meta['keywords'] ?? '').split(','),
    ...(a.meta['news_keywords'] ?? '').split(','),
    ...a.tags,
  ]
    .map((k) => k.trim())
    .filter(Boolean);
  const kwPoints = new Map<TopicId, { pts: number; words: string[] }>();
  const addKw = (id: TopicId, pts: number, w: string) => {
    const e = kwPoints.get(id) ?? { pts: 0, words: [] };
    e.pts += pts;
    if (!e.words.includes(w)) e.words.push(w);
    kwPoints.set(id, e);
  };
  for (const w of words) {
    const named = topicForName(w);
    if (named) addKw(named, W.keywordName, w);
    else for (const [id, s] of scoreText(w, '').scores) addKw(id, s / 3, w);
  }
  for (const [id, e] of kwPoints) credit(acc, id, Math.min(W.keywordsCap, e.pts), e.words.length === 1 ? fill(R.tag, { name: quoted(e.words[0] ?? '') }) : fill(R.tags, { list: listNn(e.words.slice(0, 4).map(quoted)) }));
  for (const c of a.breadcrumbs) credit(acc, topicForName(c), W.crumb, fill(R.crumb, { name: quoted(c) }));
}

function bestOf(scores: Map<TopicId, number>): TopicId | null {
  let best: TopicId | null = null;
  let top = 0;
  for (const [id, s] of scores) if (s > top) [best, top] = [id, s];
  return best;
}

/**
 * Detects the article's primary topic, up to two secondary topics, a
 * confidence in 0..1 and the reasons in Nynorsk. `options.ignore` switches
 * signal families off (the accuracy report uses it); the product never does.
 */
export function detectTopic(article: Article, options: DetectOptions = {}): TopicResult {
  const ignore = new Set(options.ignore ?? []);
  const acc: Acc = { scores: new Map(), reasons: new Map() };
  if (!ignore.has('url')) urlSignal(acc, article);
  if (!ignore.has('metadata')) metadataSignals(acc, article);

  const text: TextScores = ignore.has('text') ? { scores: new Map(), terms: new Map() } : scoreText(article.title, article.paragraphs.join('\n'));
  const textTop = Math.max(0, ...text.scores.values());
  const textScale = textTop > 0 ? (W.text * Math.min(1, textTop / 6)) / textTop : 0;
  const textReason = (id: TopicId) =>
    fill(R.textWords, { list: listNn((text.terms.get(id) ?? []).slice(0, 4).map((t) => quoted(t.term))) });
  for (const [id, s] of text.scores) credit(acc, id, s * textScale, textReason(id));

  const ranked = TOPIC_IDS.map((id) => ({ id, score: acc.scores.get(id) ?? 0, text: text.scores.get(id) ?? 0 }))
    .filter((r) => r.score > 0)
    .sort((x, y) => y.score - x.score || y.text - x.text);
  const first = ranked[0];
  if (!first) {
    return { id: FALLBACK, label: topicLabel(FALLBACK), confidence: 0.1, secondary: [], reasons: [R.noSignal] };
  }
  const primary = first.id;
  const second = ranked[1]?.score ?? 0;
  const total = ranked.reduce((n, r) => n + r.score, 0);
  let confidence = 0.3 + 0.4 * ((first.score - second) / first.score) + 0.3 * (first.score / total);
  if (first.score >= W.urlStrong) confidence = Math.max(confidence, 0.9);
  // Every term above is at least 0, so confidence is at least the base 0.3: only the top needs a cap.
  confidence = Math.round(Math.min(0.99, confidence) * 100) / 100;

  // Secondary: topics the text (or metadata) supports well beside the primary.
  const secondary = ranked
    .filter((r) => r.id !== primary)
    .filter((r) => (r.text >= 0.25 * textTop && r.text >= 6) || r.score - r.text * textScale >= W.keywordsCap)
    .slice(0, 2)
    .map((r) => r.id);

  // A topic is ranked only once credit() gave it points, and with them a reason.
  const reasons = [...acc.reasons.get(primary)!];
  for (const id of secondary) {
    const r = acc.reasons.get(id)?.[0];
    reasons.push(r ? fill(R.secondaryBecause, { topic: topicLabel(id), reason: r }) : fill(R.secondary, { topic: topicLabel(id) }));
  }
  return { id: primary, label: topicLabel(primary), confidence, secondary, reasons };
}
