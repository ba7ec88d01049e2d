/**
 * Figures the text gives (percentages and sums of money, ranges of them),
 * each shown in Nynorsk notation next to the English sentence it comes from:
 * a number is only worth showing with what it counts, and the fact card has
 * no model to say that in Nynorsk, so the source sentence says it.
 */
import { isChromeSentence } from './chrome';
import { articleSentences, isQuestion, words } from './sentences';
import { digitsNn, listNn, numberNn } from '../nn-grammar';

/**
 * The figures of one sentence in Nynorsk notation ("30 prosent", "4,5
 * milliardar dollar"; `value` joins `values` for display), the sentence they
 * stand in, and its paragraph. Only figures that say what they count (a
 * percentage, a sum of money): a bare "14" or "190 millionar" needs words the
 * fact card has no model to translate, and a year alone says little.
 */
export type Figure = { value: string; values: string[]; text: string; evidence: number[] };

const MIN_WORDS = 6;
const MAX_WORDS = 60;

const SCALE_NN: Record<string, [string, string]> = {
  thousand: ['tusen', 'tusen'],
  million: ['million', 'millionar'],
  billion: ['milliard', 'milliardar'],
  trillion: ['billion', 'billionar'],
};
const CURRENCY_NN: Record<string, string> = { $: 'dollar', '€': 'euro', '£': 'pund' };

/** "4.5" → "4,5"; "12,000" → "12 000" (English separators to Norwegian ones). */
function numberText(en: string): { text: string; value: number } | undefined {
  const plain = en.replace(/,(?=\d{3}\b)/g, '');
  const value = Number(plain);
  if (!Number.isFinite(value)) return undefined;
  const [int, frac] = plain.split('.');
  const intNn = digitsNn(Number(int));
  return { text: frac ? `${intNn},${frac}` : intNn, value };
}

/** "1 million" / "1,2 millionar": Nynorsk takes the plural for anything but exactly one. */
function scaled(n: { text: string; value: number }, scale: string | undefined): string {
  if (!scale) return n.text;
  const forms = SCALE_NN[scale.toLowerCase()];
  if (!forms) return n.text;
  return `${n.text} ${n.value === 1 ? forms[0] : forms[1]}`;
}

type Found = { value: string; at: number };

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const PERCENT = new RegExp(String.raw`(?<![\w.,])(${NUM})\s?(?:%|percent\b|per cent\b)`, 'gi');
const MONEY = new RegExp(String.raw`([$€£])\s?(${NUM})(?:\s?(thousand|million|billion|trillion)\b)?`, 'gi');
const SCALED = new RegExp(String.raw`(?<![\w.,$€£])(${NUM})\s(thousand|million|billion|trillion)\b`, 'gi');
const TO = String.raw`\s?(?:to|-|–|—)\s?`;
/** "$25 to $35", "between $25 and $35": one range, not two sums. */
const MONEY_RANGE = new RegExp(String.raw`(?:between\s+)?([$€£])\s?(${NUM})(?:${TO}|\s+and\s+)[$€£]?\s?(${NUM})(?:\s?(thousand|million|billion|trillion)\b)?`, 'gi');
/** "25% to 35%", "25-35%", "between 25 and 35 percent"; not "from 76% in 2019 to 24%" (a year is not a bound). */
const PERCENT_RANGE = new RegExp(
  String.raw`(?<![\w.,])(?:(${NUM})\s?(?:%|percent|per cent)${TO}|(${NUM})[-–](?=\d)|between\s+(${NUM})\s?(?:%|percent|per cent)?\s+and\s+)(${NUM})\s?(?:%|percent\b|per cent\b)`,
  'gi',
);

const QUALIFIERS: [RegExp, string][] = [
  [/\bup from\s+(?:about|around|roughly)\s+$/i, 'opp frå om lag '],
  [/\bup from\s+$/i, 'opp frå '],
  [/\bdown from\s+(?:about|around|roughly)\s+$/i, 'ned frå om lag '],
  [/\bdown from\s+$/i, 'ned frå '],
  [/\b(?:more than|over|above)\s+$/i, 'meir enn '],
  [/\b(?:nearly|almost)\s+$/i, 'nesten '],
  [/\b(?:about|around|roughly|approximately|some|an estimated)\s+$/i, 'om lag '],
  [/\bat least\s+$/i, 'minst '],
  [/\bup to\s+$/i, 'opptil '],
  [/\b(?:under|below|less than|fewer than)\s+$/i, 'under '],
  [/\b(?:just|only)\s+$/i, 'berre '],
  [/\b(?:maybe|perhaps|possibly)\s+$/i, 'kanskje '],
];

/** "30% longer", "40% more than": a difference, not a share. The comparative goes with the figure. */
const COMPARATIVES: Record<string, string> = {
  more: 'meir', less: 'mindre', fewer: 'færre', higher: 'høgare', lower: 'lågare', longer: 'lengre', shorter: 'kortare',
  faster: 'raskare', slower: 'tregare', cheaper: 'billegare', larger: 'større', bigger: 'større', smaller: 'mindre',
};
const COMPARATIVE_AFTER = new RegExp(`^\\s+(${Object.keys(COMPARATIVES).join('|')})\\b`, 'i');
/** "five years ago" after a figure: it is a past value. */
const AGO_AFTER = /^\s+(a|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(year|month|week|day)s?\s+ago\b/i;
const AGO_NN: Record<string, [string, string]> = { year: ['eitt år', 'år'], month: ['éin månad', 'månader'], week: ['éi veke', 'veker'], day: ['éin dag', 'dagar'] };
const NUMBER_WORDS: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

/** " lengre", " dyrare" or " for fem år sidan": what turns a figure from a share into a difference or a past value. */
function changeAfter(after: string): string {
  const c = COMPARATIVE_AFTER.exec(after)?.[1]?.toLowerCase();
  if (c) return ` ${COMPARATIVES[c]}`;
  const ago = AGO_AFTER.exec(after);
  if (!ago) return '';
  // The expression lets through only these counts and units, and `after` is at most 40 characters: the count is a small number.
  const count = ago[1]!.toLowerCase();
  const n = NUMBER_WORDS[count] ?? Number(count);
  const forms = AGO_NN[ago[2]!.toLowerCase()]!;
  return n === 1 ? ` for ${forms[0]} sidan` : ` for ${numberNn(n, 'n')} ${forms[1]} sidan`;
}
/** "more than $9 billion" → "meir enn ": the word before a figure that changes what it says. */
function qualifierBefore(before: string): string {
  return QUALIFIERS.find(([re]) => re.test(before))?.[1] ?? '';
}

const PER_NN: Record<string, string> = {
  user: 'brukar', seat: 'lisens', licence: 'lisens', license: 'lisens', person: 'person', employee: 'tilsett', device: 'eining',
  month: 'månad', year: 'år', day: 'dag', week: 'veke', hour: 'time', each: 'stykk',
};
const PER_UNIT = /^\s+(?:per|a|an|each)\s+(user|seat|licen[cs]e|person|employee|device|month|year|day|week|hour)s?\b(?!\s+ago\b)/i;
/** " per user per month" → " per brukar per månad"; " a day per device" → " per dag per eining"; " each" → " per stykk". */
function rateAfter(after: string): string {
  const units: string[] = [];
  let rest = after;
  // At most two units, in the order the sentence gives them; "a year ago" is a time, not a rate: changeAfter reads it.
  for (let m = PER_UNIT.exec(rest); m && units.length < 2; m = PER_UNIT.exec(rest)) {
    units.push(m[1]!.toLowerCase());
    rest = rest.slice(m[0].length);
  }
  if (/^\s+each\b/i.test(rest)) units.push('each');
  return units.map((w) => ` per ${PER_NN[w]}`).join('');
}

/** The figures with a unit in one sentence, in reading order; a range is read before its ends, so that it is one figure. */
function figuresIn(s: string): Found[] {
  const out: Found[] = [];
  const taken: [number, number][] = [];
  const free = (a: number, b: number) => taken.every(([x, y]) => b <= x || a >= y);
  const add = (m: RegExpExecArray, value: string, start = m.index, end = m.index + m[0].length) => {
    if (!free(start, end)) return;
    taken.push([start, end]);
    // A value with its unit keeps what the sentence says around it: "meir enn 9 milliardar dollar", "24 pund per brukar per månad".
    const after = s.slice(end, end + 40);
    const bound = /^\s+or (more|higher|less|lower)\b/i.exec(after)?.[1]?.toLowerCase();
    const tail = bound ? (bound === 'more' || bound === 'higher' ? ' eller meir' : ' eller mindre') : `${rateAfter(after)}${changeAfter(after)}`;
    out.push({ value: `${qualifierBefore(s.slice(Math.max(0, start - 24), start))}${value}${tail}`, at: start });
  };
  for (const m of s.matchAll(MONEY_RANGE)) {
    const a = numberText(m[2]!);
    const b = numberText(m[3]!);
    if (a && b) add(m, `${a.text}–${scaled(b, m[4])} ${CURRENCY_NN[m[1]!]!}`);
  }
  for (const m of s.matchAll(PERCENT_RANGE)) {
    const a = numberText(m[1] ?? m[2] ?? m[3]!);
    const b = numberText(m[4]!);
    if (a && b) add(m, `${a.text}–${b.text} prosent`);
  }
  for (const m of s.matchAll(PERCENT)) {
    const n = numberText(m[1]!);
    if (n) add(m, `${n.text} prosent`);
  }
  for (const m of s.matchAll(MONEY)) {
    const n = numberText(m[2]!);
    if (n) add(m, `${scaled(n, m[3])} ${CURRENCY_NN[m[1]!]!}`);
  }
  for (const m of s.matchAll(SCALED)) {
    const n = numberText(m[1]!);
    // "69 billion dollar acquisition", "2 million euros": the currency follows the scale.
    const cur = /^\s?(dollars?|euros?|pounds?)\b/i.exec(s.slice(m.index + m[0].length));
    // Without a currency it is a bare count ("190 million users").
    if (!cur || !n) continue;
    const unit = /^pound/i.test(cur[1]!) ? 'pund' : /^euro/i.test(cur[1]!) ? 'euro' : 'dollar';
    add(m, `${scaled(n, m[2])} ${unit}`, m.index, m.index + m[0].length + cur[0].length);
  }
  return out.sort((a, b) => a.at - b.at);
}

/**
 * The first `max` sentences that give figures with a unit, in reading order,
 * each sentence once. Each value lists at most two figures of its sentence.
 */
export function findFigures(paragraphs: readonly string[], max = 4): Figure[] {
  const out: Figure[] = [];
  const seen = new Set<string>();
  for (const s of articleSentences(paragraphs)) {
    if (out.length >= max) break;
    const n = words(s.text).length;
    if (n < MIN_WORDS || n > MAX_WORDS || isQuestion(s.text) || isChromeSentence(s.text) || seen.has(s.text)) continue;
    const values = figuresIn(s.text).slice(0, 2).map((f) => f.value);
    if (values.length === 0) continue;
    seen.add(s.text);
    out.push({ value: listNn(values), values, text: s.text, evidence: [s.paragraph] });
  }
  return out;
}
