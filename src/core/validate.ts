/**
 * Runtime checks for data that crosses a boundary (messages, storage, model
 * output, library files). Hand-written rather than a schema library: the
 * shapes are few and the content script must stay small.
 */
import { TOPIC_IDS, type Article, type Card, type CardState, type TopicId, type TopicResult } from './types';

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isOptStr = (v: unknown) => v === undefined || isStr(v);
const isStrArr = (v: unknown): v is string[] => Array.isArray(v) && v.every(isStr);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export const isTopicId = (v: unknown): v is TopicId => isStr(v) && (TOPIC_IDS as readonly string[]).includes(v);

export function isArticle(v: unknown): v is Article {
  if (!isObj(v)) return false;
  const j = v.jsonLd;
  return (
    isStr(v.url) &&
    isStr(v.canonicalUrl) &&
    (v.kind === 'article' || v.kind === 'thread') &&
    isStr(v.title) &&
    isOptStr(v.author) &&
    isOptStr(v.published) &&
    isOptStr(v.updated) &&
    isOptStr(v.section) &&
    isOptStr(v.contentType) &&
    isOptStr(v.description) &&
    isOptStr(v.moreOn) &&
    isStrArr(v.tags) &&
    isStrArr(v.breadcrumbs) &&
    isObj(j) &&
    isStrArr(j.types) &&
    isStrArr(j.sections) &&
    isStrArr(j.keywords) &&
    isObj(v.meta) &&
    Object.values(v.meta).every(isStr) &&
    isStrArr(v.paragraphs)
  );
}

export function isTopicResult(v: unknown): v is TopicResult {
  return (
    isObj(v) &&
    isTopicId(v.id) &&
    isStr(v.label) &&
    isNum(v.confidence) &&
    Array.isArray(v.secondary) &&
    v.secondary.every(isTopicId) &&
    isStrArr(v.reasons)
  );
}

export type CardCheck = { ok: true; card: Card } | { ok: false; errors: string[] };

/**
 * Checks a card's shape and content. `paragraphCount`, when known, bounds the
 * FAQ's evidence indices so that an answer never points at a paragraph that
 * does not exist.
 */
export function validateCard(v: unknown, paragraphCount?: number): CardCheck {
  const errors: string[] = [];
  const need = (cond: unknown, what: string) => {
    if (!cond) errors.push(what);
  };
  if (!isObj(v)) return { ok: false, errors: ['card is not an object'] };
  const evidenceOk = (ev: unknown) =>
    Array.isArray(ev) &&
    ev.every((n) => Number.isInteger(n) && (n as number) >= 0 && (paragraphCount === undefined || (n as number) < paragraphCount));
  need(isStr(v.url) && v.url.length > 0, 'url');
  need(isStr(v.title) && v.title.trim().length > 0, 'title');
  need(isStr(v.sourceTitle), 'sourceTitle');
  const t = v.topic;
  need(isObj(t) && isTopicId(t.id) && isStr(t.label) && isNum(t.confidence), 'topic');
  if (isObj(t)) {
    need(t.reasons === undefined || isStrArr(t.reasons), 'topic.reasons');
    need(t.secondary === undefined || (Array.isArray(t.secondary) && t.secondary.every(isTopicId)), 'topic.secondary');
  }
  need(isStrArr(v.summary) && v.summary.every((p) => p.trim().length > 0), 'summary');
  if (Array.isArray(v.faq)) {
    v.faq.forEach((item, i) => {
      const ok =
        isObj(item) &&
        isStr(item.q) &&
        item.q.trim().length > 0 &&
        isStr(item.a) &&
        item.a.trim().length > 0 &&
        evidenceOk(item.evidence);
      need(ok, `faq[${i}]`);
    });
  } else errors.push('faq');
  const s = v.source;
  need(isObj(s) && s.site === 'Spiceworks' && isStr(s.url) && isOptStr(s.author) && isOptStr(s.published), 'source');
  const e = v.engine;
  need(isObj(e) && (e.kind === 'library' || e.kind === 'model' || e.kind === 'digest') && isOptStr(e.model), 'engine');
  const l = v.language;
  need(
    isObj(l) &&
      l.lang === 'nn' &&
      isStrArr(l.bokmalForms) &&
      (l.suggestions === undefined || (isObj(l.suggestions) && Object.values(l.suggestions).every(isStr))),
    'language',
  );
  need(isOptStr(v.notice), 'notice');
  need(v.facts === undefined || (Array.isArray(v.facts) && v.facts.every((f) => isObj(f) && isStr(f.label) && isStr(f.value) && f.value.trim() !== '')), 'facts');
  need(v.keyPoints === undefined || (Array.isArray(v.keyPoints) && v.keyPoints.every((k) => isObj(k) && isStr(k.text) && k.text.trim() !== '' && evidenceOk(k.evidence))), 'keyPoints');
  need(v.terms === undefined || (Array.isArray(v.terms) && v.terms.every((t) => isObj(t) && isStr(t.en) && isStr(t.nn))), 'terms');
  need(isStr(v.createdAt) && !Number.isNaN(Date.parse(v.createdAt)), 'createdAt');
  return errors.length ? { ok: false, errors } : { ok: true, card: v as Card };
}

/** Checks a stored or received card state; a bad one is treated as absent. */
export function isCardState(v: unknown): v is CardState {
  if (!isObj(v)) return false;
  switch (v.status) {
    case 'loading':
      return isStr(v.url) && isOptStr(v.title);
    case 'ready':
      return isStr(v.url) && validateCard(v.card).ok;
    case 'none':
      return isOptStr(v.url);
    case 'error':
      return isOptStr(v.url) && isStr(v.message);
    default:
      return false;
  }
}
