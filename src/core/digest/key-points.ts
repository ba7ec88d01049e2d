/**
 * Key points: the sentences that carry most of the article, chosen with
 * TextRank (Mihalcea & Tarau 2004): sentences are nodes, edges weigh the
 * content words two sentences share, normalised by their lengths, and
 * PageRank over that graph ranks them. A light redundancy check keeps two
 * near-identical sentences (an explainer's summary and its first paragraph)
 * from both being chosen. Sentences are quoted verbatim, in article order.
 *
 * Never a key point: quoted lines ("> ..."), a sentence that repeats an
 * earlier paragraph, sign-offs and greetings ("Thanks, ...", "Cheers",
 * "Sent from my ..."), and fragments that open in lower case. On a community
 * thread (`thread: true`) also quote headers ("X said: ..."), the paragraph a
 * quote header introduces, chatter ("Great question", "+1") and sentences
 * without a verb; and the pick leans on the thread's question (its first
 * post) and on replies that answer it ("Check ...", "You can ...", "We use ...").
 */
import { isBoilerplateText } from '../extract/blocks';
import { isChromeSentence } from './chrome';
import { articleSentences, isQuestion, words, type Sentence } from './sentences';
import { STOPWORDS } from './stopwords';

/** A sentence quoted verbatim, with the index of the paragraph that holds it. */
export type KeyPoint = { text: string; evidence: number[] };
/**
 * How many key points to aim for (default 3-5), and whether the text is a
 * community thread. `posts` (optional) holds the index of each post's first
 * paragraph, first post first ([0, 2, 6] = posts at paragraphs 0-1, 2-5, 6-);
 * without it the first post is taken to run to the first paragraph among the
 * first three that asks something ("?"), or to be paragraph 0.
 */
export type KeyPointOptions = { min?: number; max?: number; thread?: boolean; posts?: readonly number[] };

const MIN_WORDS = 8;
const MAX_WORDS = 45;
const MAX_CHARS = 320;
const DAMPING = 0.85;
const ITERATIONS = 40;
/**
 * Most sentences ranked in one graph. TextRank is quadratic in the number of
 * sentences; a longer text is ranked on an evenly spaced sample of its
 * sentences, which keeps every part of it represented.
 */
const MAX_GRAPH = 240;
/** Cosine similarity above which a lower-ranked sentence counts as saying the same thing. */
const REDUNDANT = 0.6;
/** On a thread: how much more a sentence of the first post (the question) and an answering reply weigh. */
const FIRST_POST_BOOST = 1.5;
const ANSWER_BOOST = 1.6;

/** A sign-off, a signature or a greeting: "Thanks, John", "Thank you all", "Cheers", "Regards", "-- ", "Sent from my iPhone", "Hi all". */
const SIGN_OFF =
  /^(?:(?:many\s+|big\s+)?thanks\b(?!\s+to\b)|thank\s+you\b|thx\b|cheers\b|(?:best|kind|warm)?\s*regards\b|best\s+wishes\b|sent\s+from\s+my\b|--|—\s|__|hope\s+(?:this|that)\s+helps\b|hth\b|tia\b|(?:hi|hello|hey|greetings|morning|good\s+(?:morning|afternoon|evening))\b(?:\s+(?:all|everyone|everybody|folks|guys|there|team))?\s*[,!.])/i;
/** Thread chatter that carries neither the question nor an answer. */
const CHATTER =
  /^(?:(?:great|good|nice|interesting|excellent|awesome)\s+(?:question|post|point|thread|find|idea|article|read|tip|write-?up|call)\b|welcome\s+to\b|me\s+too\b|same\s+here\b|\+1\b|bump\b|following\b|subscribed\b|lol\b|haha|i\s+(?:agree|second\s+(?:this|that))\b|agree\s+with\b|any\s+(?:help|ideas?|suggestions?|advice|input|thoughts|pointers)\s+(?:would|is|are|will|much|greatly|appreciated|welcome)\b|(?:edit|update)\s*:\s*(?:typo|spelling)\b)/i;
/** Talk the poster marks as beside the point: "Off topic, but ...", "Unrelated: ...". On a thread the rest of that paragraph goes too. */
const OFF_TOPIC = /^(?:(?:slightly|a\s+bit|somewhat|totally|completely|bit)\s+)?(?:off[-\s]?topic|unrelated|ot)\b\s*[,:;.—–-]/i;
/** A quote header: "John said:", "jdoe wrote:", "On 3 May, Kari wrote:". */
const QUOTE_HEADER = /^(?:on\s.{3,80}?,\s*)?@?[\p{L}\p{N}_.-]+(?:\s+[\p{L}\p{N}_.-]+){0,2}\s+(?:said|wrote|writes|says|posted|replied)\s*:/iu;
/** Opens like a sentence: a capital or a digit (after an opening quote or bracket), or a brand written "iPhone", "eBay". */
const SENTENCE_OPENING = /^["'“‘(\[]?(?:[\p{Lu}\p{N}]|\p{Ll}+\p{Lu})/u;

/** Words that make a clause a clause: auxiliaries, modals and the commonest verbs, in the forms a forum post uses. */
const VERBS = new Set(
  (
    'is are was were be been being am isn aren wasn weren has have had hasn haven hadn do does did doesn don didn can could will would shall should may might must ' +
    "can't won't wouldn't couldn't shouldn't mustn't it's that's there's here's what's i'm i've i'd i'll we're we've we'd we'll you're you've you'd you'll they're they've they'd they'll he's she's let's " +
    'get gets got make makes made take takes took taken give gives gave given go goes went gone come comes came see sees saw seen say says said know knows knew known think thinks thought ' +
    'find finds found use uses need needs want wants try tries work works run runs ran set sets put puts keep keeps kept let lets seem seems look looks show shows shown ' +
    'drop drops fail fails break breaks broke broken fix fixes help helps check checks install installs update updates reset resets restart restarts reboot reboots ' +
    'stop stops start starts stay stays become becomes became leave leaves left bring brings brought buy buys bought pay pays paid send sends sent build builds built ' +
    'hold holds held mean means meant tell tells told call calls move moves turn turns change changes add adds remove removes open opens close closes allow allows ' +
    'block blocks print prints connect connects load loads lose loses lost grow grows grew grown cost costs cut cuts hit hits read reads write writes wrote written ' +
    'sell sells sold spend spends spent lead leads led feel feels felt mind minds happen happens appear appears remain remains support supports include includes ' +
    'offer offers provide provides require requires expect expects plan plans suggest suggests recommend recommends agree agrees' +
    ''
  ).split(/\s+/),
);
const PRONOUN_SUBJECT = /\b(?:i|we|you|they|he|she|it|this|that|which|who)\s+[\p{L}']+/iu;

/** Whether a sentence has something that can be its verb (generous: a miss only keeps a fragment). */
function hasVerb(t: string): boolean {
  if (PRONOUN_SUBJECT.test(t) || ANSWER_OPENING.test(t)) return true;
  return words(t).some((w) => {
    const lw = w.toLowerCase().replace(/’/g, "'");
    return VERBS.has(lw) || VERBS.has(lw.replace(/n't$/, '')) || (lw.length > 4 && /[^e]ed$/.test(lw));
  });
}

/** Advice in the imperative at the start of a sentence ("Check ...", "Also make sure ...", "If it fails, try ..."). */
const ADVICE_VERB =
  '(?:try|check|make\\s+sure|ensure|run|use|set|disable|enable|install|uninstall|reinstall|update|upgrade|downgrade|restart|reboot|open|go\\s+(?:to|into|through|for|with)|look\\s+(?:at|for|into)|add|remove|change|create|turn|verify|confirm|consider|contact|call|ask|delete|configure|move|push|apply|replace|reset|clear|test|increase|decrease|lower|raise|stop|start|roll\\s+back|patch|block|allow|deploy|avoid|skip|wait|don\'t|do\\s+not|never|always|keep|put|give|get|buy|pick|choose|stick\\s+with|plan|budget|download|edit|rename|map|point|assign|schedule|shrink|search|read|follow|export|import|copy|back\\s+up|restore|boot|log\\s+(?:in|on|into)|sign\\s+in|unplug|plug|swap|rebuild|isolate|segment|monitor|document|label)';
const ANSWER_OPENING = new RegExp(
  `^(?:(?:also|and|but|or|then|first|firstly|second|secondly|third|next|finally|just|please|so|otherwise|personally|honestly|instead|alternatively|if\\s+[^,]{1,60}),?\\s+)?${ADVICE_VERB}\\b`,
  'i',
);
/** Other ways a reply answers: "you can ...", "I would ...", "we use ...", "the fix was ...", "Yes, ...", an ordered list of steps. */
const ANSWER_PHRASE = new RegExp(
  [
    `^(?:yes|no|yep|nope)\\b[,.!]`,
    `^(?:first|firstly|second|secondly|third|thirdly|finally),\\s`,
    `[,;]\\s+(?:so|then|and)\\s+${ADVICE_VERB}\\b`,
    `\\byou\\s+(?:can|could|should|need\\s+to|must|might\\s+want\\s+to|may\\s+want\\s+to|will\\s+need|have\\s+to|want\\s+to|get|lose)\\b`,
    `\\byou(?:'|’)(?:d|ll)\\s+(?:need|want|have|get)\\b`,
    `\\bi(?:(?:'|’)d|\\s+would)\\s+(?:only\\s+|also\\s+|just\\s+)?(?:recommend|suggest|start|check|try|look|go|use|buy|pick|choose|stick|avoid|wait|get)\\b`,
    `\\bwe\\s+(?:now\\s+|also\\s+|just\\s+)?(?:use|used|run|ran|switched|moved|fixed|solved|set|deploy|deployed|do|test|tested|rebuilt|replaced|added|put|keep|found)\\b`,
    `\\bwe\\s+had\\s+to\\b`,
    `\\b(?:a\\s+lot\\s+of\\s+(?:people|shops|us)|most\\s+(?:people|shops|of\\s+us)|many\\s+(?:people|shops|of\\s+us))\\s+(?:now\\s+)?(?:use|run|do|go|keep)\\b`,
    `[,;]\\s*(?:yes|no)[.!]$`,
    `\\b(?:our|the)\\s+(?:fix|cause|solution|workaround|culprit|trick|answer|real\\s+win|bigger\\s+issue)\\s+(?:is|was)\\b`,
    `\\b(?:fixed|solved|resolved)\\s+(?:it|this|that|the)\\b`,
    `\\bturned\\s+out\\b`,
    `\\bworked\\s+for\\b`,
    `\\bbrought\\s+(?:it|them|the\\s+\\w+|our\\s+\\w+)\\s+back\\b`,
    `\\bthe\\s+(?:problem|issue)\\s+(?:is|was)\\b`,
    `\\bis\\s+the\\s+(?:sensible|better|best|safer|cheaper|right)\\s+(?:choice|option|bet|way)\\b`,
  ].join('|'),
  'iu',
);

/** Only asked of a candidate outside the first post, which never ends in a question (see isCandidate). */
const isAnswer = (t: string) => ANSWER_OPENING.test(t) || ANSWER_PHRASE.test(t);

/** Lower case, one space, without quote marks: for spotting a sentence repeated from an earlier paragraph. */
const norm = (s: string) => s.toLowerCase().replace(/["'“”‘’]/g, '').replace(/\s+/g, ' ').trim();

/** `skip`: paragraphs of a thread that are quotes or marked off topic. `text`: the paragraphs normalised and joined; `starts`: where each begins in it. */
type Context = { thread: boolean; firstPostEnd: number; skip: Set<number>; text: string; starts: number[] };

function isCandidate(s: Sentence, paragraph: string, cx: Context): boolean {
  const t = s.text;
  const n = words(t).length;
  if (n < MIN_WORDS || n > MAX_WORDS || t.length > MAX_CHARS) return false;
  const question = isQuestion(t);
  // The thread's question is a key point where its first post asks it.
  if (question ? !(cx.thread && s.paragraph < cx.firstPostEnd) : !/[.!…]["'”’)\]]*$/.test(t)) return false; // headings, cut-off text, lists introduced with ":"
  if (/^["“‘]/.test(t) && !/["”’]$/.test(t.replace(/[.!?…]+$/, ''))) return false; // half a quotation
  if (/^\s*>/.test(t) || /^\s*>/.test(paragraph)) return false; // a quoted line
  if (!SENTENCE_OPENING.test(t)) return false; // a fragment: "and the ..." cut from its sentence
  if (SIGN_OFF.test(t)) return false;
  if (isChromeSentence(t)) return false;
  if (cx.thread && (cx.skip.has(s.paragraph) || QUOTE_HEADER.test(t) || CHATTER.test(t) || OFF_TOPIC.test(t) || !hasVerb(t))) return false;
  // A sentence that repeats an earlier paragraph is a quote of it.
  if (cx.text.indexOf(norm(t)) < (cx.starts[s.paragraph] ?? 0)) return false;
  return !isBoilerplateText(paragraph);
}

/** Where the first post ends (exclusive paragraph index). */
function firstPostEnd(paragraphs: readonly string[], posts: readonly number[] | undefined): number {
  const second = posts?.[1];
  if (second !== undefined && second > 0) return second;
  const asks = paragraphs.slice(0, 3).findIndex((p) => /\?/.test(p));
  return asks >= 0 ? asks + 1 : Math.min(1, paragraphs.length);
}

/** The post a paragraph belongs to: its first paragraph's index (each paragraph its own post when the posts are not known). */
function postOf(paragraph: number, posts: readonly number[] | undefined): number {
  if (!posts?.length) return paragraph;
  let at = 0;
  for (const start of posts) if (start <= paragraph) at = start;
  return at;
}

/** Paragraphs of a thread that say nothing of its own: a quote ("> ...", or the paragraph after a lone "Kari wrote:"), or talk marked off topic. */
function skippedParagraphs(paragraphs: readonly string[]): Set<number> {
  const out = new Set<number>();
  paragraphs.forEach((p, i) => {
    if (OFF_TOPIC.test(p.trim())) out.add(i);
    if (QUOTE_HEADER.test(p.trim()) && /(?:said|wrote|writes|says|posted|replied)\s*:\s*$/i.test(p)) out.add(i + 1);
    if (/^\s*>/.test(p)) out.add(i);
  });
  return out;
}

/** Crude English stemming: enough to let "switches" meet "switch" and "attacked" meet "attack". */
function stem(w: string): string {
  if (w.length > 5 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 5 && /(ches|shes|sses|xes)$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.length > 6 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 5 && w.endsWith('ed')) return w.slice(0, -2);
  return w;
}

/** The content words of a sentence as a set of stems. */
export function contentStems(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of words(text)) {
    const lw = w.toLowerCase().replace(/['’]s$/, '');
    if (lw.length < 2 || STOPWORDS.has(lw) || /^\d+$/.test(lw)) continue;
    out.add(stem(lw));
  }
  return out;
}

function overlap(a: Set<string>, b: Set<string>): number {
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const x of small) if (big.has(x)) n++;
  return n;
}

/** TextRank edge weight: shared words over the sum of the log lengths. */
function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size < 2 || b.size < 2) return 0;
  const shared = overlap(a, b);
  return shared === 0 ? 0 : shared / (Math.log(a.size) + Math.log(b.size));
}

/** PageRank over a weighted, undirected graph given as an adjacency matrix. */
function pageRank(weights: Float64Array[], n: number): Float64Array {
  const outSum = weights.map((row) => row.reduce((s, w) => s + w, 0));
  let score = new Float64Array(n).fill(1);
  for (let it = 0; it < ITERATIONS; it++) {
    const next = new Float64Array(n).fill(1 - DAMPING);
    let delta = 0;
    for (let j = 0; j < n; j++) {
      const sj = outSum[j] ?? 0;
      if (sj === 0) continue;
      const share = (DAMPING * (score[j] ?? 0)) / sj;
      const row = weights[j] as Float64Array;
      for (let i = 0; i < n; i++) {
        const w = row[i] ?? 0;
        if (w) next[i] = (next[i] ?? 0) + w * share;
      }
    }
    for (let i = 0; i < n; i++) delta += Math.abs((next[i] ?? 0) - (score[i] ?? 0));
    score = next;
    if (delta < 1e-6 * n) break;
  }
  return score;
}

/** How many key points an article of `candidates` usable sentences should get. */
function targetCount(candidates: number, min: number, max: number, per: number): number {
  return Math.min(candidates, Math.max(min, Math.min(max, Math.round(candidates / per))));
}

/**
 * Picks 3-5 key sentences (fewer when the article has fewer usable ones),
 * returned in article order with the index of the paragraph that holds each.
 */
export function extractKeyPoints(paragraphs: readonly string[], options: KeyPointOptions = {}): KeyPoint[] {
  const min = options.min ?? 3;
  const max = options.max ?? 5;
  const thread = options.thread === true;
  const cx: Context = {
    thread,
    firstPostEnd: thread ? firstPostEnd(paragraphs, options.posts) : 0,
    skip: thread ? skippedParagraphs(paragraphs) : new Set(),
    text: '',
    starts: [],
  };
  for (const p of paragraphs) {
    cx.starts.push(cx.text.length);
    cx.text += `${norm(p)}\u0000`;
  }
  const all = articleSentences(paragraphs);
  const usable = all.filter((s) => isCandidate(s, paragraphs[s.paragraph] ?? '', cx));
  const step = usable.length / MAX_GRAPH;
  const cands = step > 1 ? Array.from({ length: MAX_GRAPH }, (_, i) => usable[Math.floor(i * step)] as Sentence) : usable;
  const n = cands.length;
  if (n === 0) return [];
  const stems = cands.map((s) => contentStems(s.text));
  const weights = stems.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      // Never negative; a 0 leaves the zero the matrix starts with.
      const w = similarity(stems[i] as Set<string>, stems[j] as Set<string>);
      (weights[i] as Float64Array)[j] = w;
      (weights[j] as Float64Array)[i] = w;
    }
  }
  const score = pageRank(weights, n);
  // On a thread, the question (first post) and the answers weigh more than the rest of the talk.
  const inFirst = (i: number) => (cands[i] as Sentence).paragraph < cx.firstPostEnd;
  const answers = (i: number) => !inFirst(i) && isAnswer((cands[i] as Sentence).text);
  if (thread) for (let i = 0; i < n; i++) score[i] = (score[i] ?? 0) * (inFirst(i) ? FIRST_POST_BOOST : answers(i) ? ANSWER_BOOST : 1);
  // Ties (and a graph with no edges) fall back to position: earlier sentences first.
  let order = [...cands.keys()].sort((a, b) => (score[b] ?? 0) - (score[a] ?? 0) || a - b);
  if (thread) {
    // The question first (the first post's best question sentence, else its best sentence),
    // then the answers, then the rest of the talk, each by score.
    const asks = (i: number) => isQuestion((cands[i] as Sentence).text);
    const q = order.find((i) => inFirst(i) && asks(i)) ?? order.find(inFirst);
    // Answers from different posts (paragraphs, when the posts are not known) before a second one from the same.
    const post = (i: number) => postOf((cands[i] as Sentence).paragraph, options.posts);
    const seen = new Map<number, number>();
    const nth = new Map(order.filter(answers).map((i) => [i, seen.set(post(i), (seen.get(post(i)) ?? -1) + 1).get(post(i)) ?? 0]));
    const byPost = [...nth.keys()].sort((a, b) => (nth.get(a) ?? 0) - (nth.get(b) ?? 0));
    const lead = [...(q === undefined ? [] : [q]), ...byPost];
    order = [...lead, ...order.filter((i) => !lead.includes(i))];
  }
  // A thread's question and its several answers need more room than one sentence in eight.
  const want = targetCount(usable.length, min, max, thread ? 4 : 8);
  const chosen: number[] = [];
  for (const i of order) {
    if (chosen.length >= want) break;
    const si = stems[i] as Set<string>;
    const redundant = chosen.some((j) => {
      // An answer shares the question's words by nature: on a thread, only sentences on the same side of it compare.
      if (thread && inFirst(i) !== inFirst(j)) return false;
      const sj = stems[j] as Set<string>;
      return overlap(si, sj) / Math.sqrt(si.size * sj.size || 1) > REDUNDANT;
    });
    if (!redundant) chosen.push(i);
  }
  return chosen
    .sort((a, b) => a - b)
    .map((i) => {
      const s = cands[i] as Sentence;
      return { text: s.text, evidence: [s.paragraph] };
    });
}
