/**
 * The model engine end to end: cache → prompt (in parts when long) →
 * streamed answer with partial content → parse and check → one Nynorsk
 * repair round → validated Card → cache. Pure: fetch, storage, the checker,
 * the terminology and the clock are all parameters.
 */
import type { Article, Card, TopicResult } from '../types';
import { buildModelCard } from './card';
import { modelCacheKey, type ModelCache } from './cache';
import { ModelError } from './errors';
import { modelErrorMessages } from '../../strings/model-errors';
import { checkCardContent, extractJson, nestingDepth, type DroppedEvidence } from './parse';
import { MAX_JSON_DEPTH, PartialCardReader, samePartial } from './partial-json';
import { buildCombineMessages, buildRepairMessages, planPrompt } from './prompt';
import { estimateMessagesTokens } from './tokens';
import { streamCompletion } from './providers';
import { flaggedForms } from './repair';
import type { CardContent, ChatMessage, FetchLike, FindBokmal, ModelConfig, PartialCardContent, Sleep, Term } from './types';

export type GenerateDeps = {
  /** The fetch to use (test seam; in the extension, the global fetch of the page running the stream). */
  fetch: FetchLike;
  signal?: AbortSignal;
  /**
   * The card content visible so far as it changes: at once when a title,
   * paragraph or FAQ item is complete (or every PREVIEW_GROWTH of new text
   * for a long answer), otherwise at most every `previewMs`; always once at
   * the end of each answer.
   */
  onPartial?: (partial: PartialCardContent) => void;
  /** Least milliseconds between previews that only grow the text being written (default 50; by `now`). */
  previewMs?: number;
  /** What the engine is doing, for a status line. */
  onStage?: (stage: GenerateStage) => void;
  /**
   * The Nynorsk checker: flagged Bokmål forms with suggestions. Without it no
   * repair round runs. A promise when its data still loads: the answer
   * streams meanwhile, and the check waits for it (undefined: no check).
   */
  findBokmal?: FindBokmal | Promise<FindBokmal | undefined>;
  /** The terminology list (English → Nynorsk); the entries the article uses go into the prompt. */
  terms?: readonly Term[];
  cache?: ModelCache;
  /** Skip the cache read and write a fresh card ("Lag på nytt"). */
  force?: boolean;
  now?: () => Date;
  /** Prompt size above which the article is summarised in parts (default 6000 tokens). */
  maxPromptTokens?: number;
  timeoutMs?: number;
  retries?: number;
  backoffMs?: number;
  sleep?: Sleep;
};

export type GenerateStage =
  | { stage: 'cache' }
  | { stage: 'writing'; part?: number; parts?: number }
  | { stage: 'combining'; parts: number }
  | { stage: 'repairing'; forms: string[] };

/** Each part (title, paragraph, FAQ item) completed shows at once, up to this many; then the rules below. */
const PREVIEW_ITEMS = 24;
/** A preview at least every this share of the answer so far: the previews of an answer cost time in proportion to its length. */
const PREVIEW_GROWTH = 1 / 8;
const PREVIEW_MIN_STEP = 64;

/** The preview of one streamed answer: `onText` for each piece, `end` once the answer is complete. */
type Preview = { onText(delta: string, soFar: string): void; end(): void };

export type GenerateResult = {
  card: Card;
  fromCache: boolean;
  /** HTTP requests sent to the endpoint (retries included); 0 for a cached card. */
  requests: number;
  /** Evidence indices the model gave that the article does not have (dropped). */
  droppedEvidence: DroppedEvidence[];
  /** Whether a repair round ran, and the forms it was asked to fix. */
  repair?: { asked: string[]; remaining: string[] };
  /** Estimated tokens: the article's text and all prompts sent. */
  articleTokens: number;
  promptTokens: number;
};

/**
 * Parses and checks an answer; throws ModelError('invalid-answer') when it is
 * not card content, saying so plainly when it is nested deeper than any card.
 */
export function parseAnswer(text: string, paragraphCount: number): { content: CardContent; droppedEvidence: DroppedEvidence[] } {
  const json = extractJson(text);
  const check = checkCardContent(json, paragraphCount);
  if (!check.ok) {
    const depth = nestingDepth(text);
    const message = depth > MAX_JSON_DEPTH ? modelErrorMessages.answerTooDeep() : modelErrorMessages.invalidAnswer();
    throw new ModelError('invalid-answer', message, { detail: `${check.errors.join(', ')}; depth ${depth}: ${text.slice(0, 300)}` });
  }
  return { content: check.content, droppedEvidence: check.droppedEvidence };
}

/**
 * Writes a Nynorsk card for the article with the configured model, or
 * returns the cached one. Rejects with a ModelError (Nynorsk message) on
 * failure, including `cancelled` when `signal` aborts.
 */
export async function generateModelCard(article: Article, topic: TopicResult, config: ModelConfig, deps: GenerateDeps): Promise<GenerateResult> {
  const now = deps.now ?? (() => new Date());
  const n = article.paragraphs.length;
  const key = deps.cache ? await modelCacheKey(article, config) : undefined;
  const plan = planPrompt(article, topic, config.prefs, { terms: deps.terms ?? [], maxPromptTokens: deps.maxPromptTokens ?? 6000 });
  if (deps.cache && key && !deps.force) {
    deps.onStage?.({ stage: 'cache' });
    // A storage failure is a cache miss, never a failed card.
    const hit = await deps.cache.get(key, n).catch(() => undefined);
    if (hit) return { card: hit, fromCache: true, requests: 0, droppedEvidence: [], articleTokens: plan.articleTokens, promptTokens: 0 };
  }

  let requests = 0;
  const fetch: FetchLike = (input, init) => {
    requests++;
    return deps.fetch(input, init);
  };
  let promptTokens = 0;
  const stream = async (messages: ChatMessage[], tokens: number, preview?: Preview): Promise<string> => {
    promptTokens += tokens;
    const text = await streamCompletion(config, messages, {
      fetch,
      ...(deps.signal ? { signal: deps.signal } : {}),
      ...(deps.timeoutMs !== undefined ? { timeoutMs: deps.timeoutMs } : {}),
      ...(deps.retries !== undefined ? { retries: deps.retries } : {}),
      ...(deps.backoffMs !== undefined ? { backoffMs: deps.backoffMs } : {}),
      ...(deps.sleep ? { sleep: deps.sleep } : {}),
      maxTokens: config.prefs.length === 'short' ? 1200 : 2400,
      paragraphCount: n,
      ...(preview ? { onText: preview.onText } : {}),
    });
    preview?.end();
    return text;
  };
  let last: PartialCardContent | undefined;
  let lastAt = 0;
  const emit = (p: PartialCardContent) => {
    if (!deps.onPartial || samePartial(last, p)) return;
    last = p;
    lastAt = now().getTime();
    deps.onPartial(p);
  };
  const previewMs = deps.previewMs ?? 50;
  /**
   * The preview of one answer: each piece is parsed once (PartialCardReader),
   * and the preview is built and sent when it is due (see onPartial), so a
   * long answer costs time in proportion to its length.
   */
  const streamed = (prefix: string[]): Preview => {
    let reader = new PartialCardReader();
    let builtAt = 0;
    let completed = 0;
    const show = () => {
      builtAt = reader.length;
      const p = reader.content();
      emit({ ...p, summary: [...prefix, ...p.summary] });
    };
    return {
      onText(delta: string, soFar: string) {
        const first = reader.length === 0;
        if (soFar.length !== reader.length + delta.length) {
          // A retried request starts over.
          reader = new PartialCardReader();
          builtAt = 0;
          completed = 0;
          reader.push(soFar);
        } else reader.push(delta);
        const done = reader.completed();
        const grown = reader.length - builtAt;
        const due =
          first ||
          (done !== completed && done <= PREVIEW_ITEMS) ||
          grown >= Math.max(PREVIEW_MIN_STEP, reader.length * PREVIEW_GROWTH) ||
          now().getTime() - lastAt >= previewMs;
        completed = done;
        if (due) show();
      },
      end() {
        if (reader.length !== builtAt) show();
      },
    };
  };
  let content: CardContent;
  let droppedEvidence: DroppedEvidence[];
  if (!plan.split) {
    deps.onStage?.({ stage: 'writing' });
    const part = plan.parts[0]!;
    ({ content, droppedEvidence } = parseAnswer(await stream(part.messages, part.tokens, deps.onPartial ? streamed([]) : undefined), n));
  } else {
    const partContents: CardContent[] = [];
    droppedEvidence = [];
    for (const [i, part] of plan.parts.entries()) {
      deps.onStage?.({ stage: 'writing', part: i + 1, parts: plan.parts.length });
      const done = partContents.flatMap((c) => c.summary);
      const r = parseAnswer(await stream(part.messages, part.tokens, deps.onPartial ? streamed(done) : undefined), n);
      partContents.push(r.content);
      droppedEvidence.push(...r.droppedEvidence);
    }
    deps.onStage?.({ stage: 'combining', parts: partContents.length });
    const combine = buildCombineMessages(article, topic, config.prefs, partContents, deps.terms ?? []);
    last = undefined;
    const r = parseAnswer(await stream(combine, estimateMessagesTokens(combine), deps.onPartial ? streamed([]) : undefined), n);
    content = r.content;
    droppedEvidence.push(...r.droppedEvidence);
  }

  let repair: GenerateResult['repair'];
  let remaining: string[] = [];
  const findBokmal = await deps.findBokmal;
  // "Avbryt" while the checker's data loaded stops the card as it would have stopped the stream.
  if (deps.signal?.aborted) throw new ModelError('cancelled', modelErrorMessages.cancelled());
  if (findBokmal) {
    const flagged = flaggedForms(content, findBokmal);
    if (flagged.length) {
      const asked = flagged.map((f) => f.form);
      deps.onStage?.({ stage: 'repairing', forms: asked });
      const repairMessages = buildRepairMessages(config.prefs, content, flagged);
      try {
        const fixed = parseAnswer(await stream(repairMessages, estimateMessagesTokens(repairMessages)), n);
        content = fixed.content;
      } catch (e) {
        // A failed repair keeps the first answer, marked; only cancel stops the card.
        if (e instanceof ModelError && e.kind === 'cancelled') throw e;
      }
      remaining = flaggedForms(content, findBokmal).map((f) => f.form);
      repair = { asked, remaining };
    }
  }

  const card = buildModelCard(article, topic, content, {
    model: config.model,
    createdAt: now().toISOString(),
    bokmalForms: remaining,
    ...(config.provider === 'local' ? { local: true } : {}),
  });
  if (deps.cache && key) await deps.cache.set(key, card).catch(() => undefined);
  return { card, fromCache: false, requests, droppedEvidence, ...(repair ? { repair } : {}), articleTokens: plan.articleTokens, promptTokens };
}
