import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createChecker, type NynorskChecker } from '../../../src/core/nynorsk/checker';
import { isNynorskData, type CorpusData, type NynorskData } from '../../../src/core/nynorsk/data';
import { loadChecker, NYNORSK_CORPUS_PATH, NYNORSK_DATA_PATH, NYNORSK_GRAMMAR_PATH } from '../../../src/core/nynorsk/load';
import { readNynorskData } from '../../../src/node/nynorsk';

const ROOT = join(import.meta.dirname, '..', '..', '..');
let data: NynorskData;
let checker: NynorskChecker;

beforeAll(() => {
  data = readNynorskData(ROOT);
});
// Built before each test, not once for the file: Stryker credits a mutant in the checker's setup only to tests whose
// own run built the checker.
beforeEach(() => {
  checker = createChecker(data);
});

const forms = (text: string) => checker.check(text).flagged.map((f) => f.form);

describe('function words and frequent forms', () => {
  it.each([
    ['Vi vil ikke gjere det.', 'ikke', 'ikkje'],
    ['Kva meiner hun om saka?', 'hun', 'ho'],
    ['Er det noen som veit?', 'noen', 'nokon'],
    ['Det kostar mye pengar.', 'mye', 'mykje'],
    ['Saka ble lagt fram i går.', 'ble', 'vart'],
    ['I går sa jeg nei.', 'jeg', 'eg'],
    ['Dei veit ikkje hvordan det skjedde.', 'hvordan', 'korleis'],
    ['Det er uklart hvorfor tenesta stoppa.', 'hvorfor', 'kvifor'],
    ['Dei kom fra Bergen.', 'fra', 'frå'],
    ['Vi klarer oss uten nett.', 'uten', 'utan'],
    ['Dei tilsette venta mens leiinga møttest.', 'mens', 'medan'],
    ['Ring oss hvis noko skjer.', 'hvis', 'dersom'],
    ['Dei ansatte fekk beskjed.', 'ansatte', 'tilsette'],
    ['Det er ei stor virksomhet.', 'virksomhet', 'verksemd'],
    ['Sikkerhet er viktig.', 'Sikkerhet', 'Tryggleik'],
  ])('%s → %s', (text, form, suggestion) => {
    const r = checker.check(text);
    expect(r.flagged).toHaveLength(1);
    expect(r.flagged[0]).toMatchObject({ form, suggestion });
  });
});

describe('inflection and compounds from the dictionary data', () => {
  it('flags Bokmål plural and definite endings with the Nynorsk rewrite', () => {
    const r = checker.check('Kundene og talenter møttest i bankene.');
    expect(r.flagged.map((f) => [f.form, f.suggestion])).toEqual([
      ['Kundene', 'Kundane'],
      ['talenter', 'talent'],
      ['bankene', 'bankane'],
    ]);
  });

  it('flags a compound by its Bokmål last part and builds the suggestion', () => {
    expect(checker.check('Dei tilbyr gode lønnspakker.').flagged[0]).toMatchObject({
      form: 'lønnspakker',
      suggestion: 'lønnspakkar',
    });
    expect(checker.check('Vi sel skytjenester.').flagged[0]).toMatchObject({ form: 'skytjenester', suggestion: 'skytenester' });
  });

  it('flags a Bokmål word with a genitive -s, and keeps the -s in the suggestion', () => {
    expect(checker.check('Bedriftens tilsette fekk beskjed i går.').flagged).toMatchObject([
      { form: 'Bedriftens', suggestion: 'Bedriftas' },
    ]);
    // A word the data lists without a rewrite is flagged without a suggestion, -s or not.
    const [f, ...rest] = checker.check('Årets sikkerhets oppdatering kom i går.').flagged;
    expect(rest).toEqual([]);
    expect(f!.form).toBe('sikkerhets');
    expect(f!.suggestion).toBeUndefined();
  });

  it("reads a word with an English genitive ('s, ’s) by the word before it", () => {
    expect(checker.check("Dei oppdaterte virksomhet's nettside.").flagged).toMatchObject([{ form: "virksomhet's", suggestion: 'verksemd' }]);
    expect(checker.check('Dei oppdaterte virksomhet’s nettside.').flagged).toMatchObject([{ form: 'virksomhet’s', suggestion: 'verksemd' }]);
  });

  it('flags a compound by its Bokmål first part', () => {
    expect(forms('Sikkerhetsrutinane er nye.')).toEqual(['Sikkerhetsrutinane']);
    // A first part of five letters (nyhet, not nyheit), with its linking s.
    expect(forms('Abonner på nyhetsbrevet vårt.')).toEqual(['nyhetsbrevet']);
    expect(forms('Boligprisane steig i fjor.')).toEqual(['Boligprisane']);
    // A first part that the data lists only without its linking s (ledelse): read with the s taken off.
    expect(forms('Ledelsesgruppa møttest i går.')).toEqual(['Ledelsesgruppa']);
    // Only an s is taken off: "kundereaksjonar" is kunde + reaksjonar, not the Bokmål "kunder" + e.
    expect(forms('Kundereaksjonane var gode.')).toEqual([]);
    // Not by a Bokmål word at the start of a Nynorsk one: "kommer" in "kommersiell".
    expect(forms('Det er ei kommersiell teneste.')).toEqual([]);
  });

  it('flags a compound by a Bokmål last part that has no rewrite, without a suggestion', () => {
    const [f, ...rest] = checker.check('Dei innførte nettverksadskillelse i fjor.').flagged;
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ form: 'nettverksadskillelse', rule: 'word' });
    expect(f!.suggestion).toBeUndefined();
  });

  it('flags a compound whose Bokmål last part is as short as the data allows (måned)', () => {
    expect(checker.check('Dei fekk ein prøvemåned gratis.').flagged).toMatchObject([{ form: 'prøvemåned', suggestion: 'prøvemånad' }]);
  });

  it('does not split a word with letters Norwegian hardly uses (an English loan) into Bokmål parts', () => {
    expect(forms('Workspacet er delt.')).toEqual([]);
  });

  it('checks each part of a hyphenated word on its own', () => {
    const text = 'Meta ser etter AI-talenter og IT-tryggleik.';
    const r = checker.check(text);
    expect(r.flagged).toHaveLength(1);
    const f = r.flagged[0]!;
    expect(f.form).toBe('talenter');
    expect(text.slice(f.start, f.end)).toBe('talenter');
  });

  it('does not flag Nynorsk forms that the word rules would otherwise match', () => {
    // Every form listed as Nynorsk in the data is a form the rules would hit.
    const sample = data.nynorsk.split(' ').slice(0, 50);
    expect(sample.length).toBeGreaterThan(0);
    for (const w of sample) expect(forms(`og ${w} og`), w).toEqual([]);
  });
});

describe('context rules', () => {
  it('reads fordeler after a subject as the Nynorsk verb, elsewhere as the Bokmål noun', () => {
    expect(forms('Ho fordeler arbeidet mellom dei tilsette.')).toEqual([]);
    expect(forms('Avtalen har mange fordeler.')).toEqual(['fordeler']);
    expect(forms('Attraktive pakker og fordeler lokkar.')).toEqual(['pakker', 'fordeler']);
    // In a clause where the subject and a sentence adverb come first, the adverb right before the verb says it is one.
    expect(forms('Dei tilsette meiner at leiaren ikkje fordeler arbeidet rettferdig.')).toEqual([]);
  });

  it('reads nå after å or a modal as the verb', () => {
    expect(forms('Målet er å nå fleire lesarar.')).toEqual([]);
    expect(forms('Vi kan nå målet.')).toEqual([]);
    expect(forms('Tenesta er nå oppe igjen.')).toEqual(['nå']);
  });

  it('reads a modal over one or two sentence adverbs (vil ikkje se, kan ikkje nå), not over three', () => {
    expect(forms('Eg vil ikkje se på det.')).toEqual(['se']);
    expect(forms('Eg kan ikkje alltid se skjermen.')).toEqual(['se']);
    expect(forms('Eg kan ikkje no alltid se skjermen.')).toEqual([]);
    expect(forms('Vi kan ikkje nå tenesta i dag.')).toEqual([]);
  });

  it('leaves "en" and "de" before names and "et al." alone', () => {
    expect(forms('Robert de Niro og Fattal et al. skreiv om det.')).toEqual([]);
    expect(forms('Det var en feil i systemet.')).toEqual(['en']);
  });

  it('does not flag short context forms inside hyphenated words', () => {
    expect(forms('Armane på T-en går over e-en.')).toEqual([]);
  });
});

describe('what is never flagged', () => {
  it('leaves English text, names, URLs, code and numbers alone', () => {
    const text =
      'Les meir på https://example.com/hun/ikke-noen og skriv til ikke@example.com. ' +
      'The developers said users should update. Køyr `npm run ikke` i mappa src/noen.ts. ' +
      'Namna Hun Sen og Jeg Industries står her, 2024 er eit år, og 3,5 % er eit tal.';
    expect(forms(text)).toEqual([]);
  });

  it('leaves a Bokmål-looking word alone when the next word is an English function word', () => {
    // A quoted English sentence: "hvis" is only Bokmål when no English word stands beside it.
    expect(forms('I forumet skreiv han «hvis the server fails, restart it».')).toEqual([]);
    expect(forms('I forumet skreiv han «hvis The server fails, restart it».')).toEqual([]);
    expect(forms('I forumet skreiv han «hvis server fails, restart it».')).toEqual(['hvis']);
  });

  it('leaves acronyms and camelCase alone', () => {
    expect(forms('IKKE, NOEN og iPhone er ikkje ord her.')).toEqual([]);
  });

  it('does not flag clean Nynorsk', () => {
    const r = checker.check(
      'Dei tilsette i verksemda fekk ikkje vite kva som skjedde, men leiinga sa at tryggleiken no er betre. ' +
        'Ho meiner at det er mogleg å gjere noko med det. Eg veit ikkje korleis, men vi prøver.',
    );
    expect(r.flagged).toEqual([]);
    expect(r.tokens).toBe(36);
    expect(r.per100).toBe(0);
  });
});

describe('positions, capitals and the score', () => {
  it('gives positions that slice back to the form, and keeps the capital in suggestions', () => {
    const text = 'Først ting først. Ikke gjer det!\nHvordan? Spør ledelsen.';
    const r = checker.check(text);
    expect(r.flagged.map((f) => [f.form, f.suggestion])).toEqual([
      ['Ikke', 'Ikkje'],
      ['Hvordan', 'Korleis'],
      ['ledelsen', 'leiinga'],
    ]);
    for (const f of r.flagged) expect(text.slice(f.start, f.end)).toBe(f.form);
  });

  it('counts tokens and flagged words per 100', () => {
    const r = checker.check('ikke ikkje ikke ikkje');
    expect(r.tokens).toBe(4);
    expect(r.flagged).toHaveLength(2);
    expect(r.per100).toBe(50);
    expect(checker.check('').per100).toBe(0);
  });

  it('counts a hyphenated compound once, also with a figure in it, and never a bare figure', () => {
    // Windows, har, fått, IT-tryggleik, og, COVID-19-tiltak: "11" is no word.
    const r = checker.check('Windows 11 har fått IT-tryggleik og COVID-19-tiltak.');
    expect(r.tokens).toBe(6);
    expect(checker.check('Ikke installer Windows 11 før IT-avdelinga seier ja.').per100).toBeCloseTo(100 / 7, 9);
  });

  it('checks words of up to 40 letters and skips longer ones (identifiers, strings run together)', () => {
    // A Bokmål first part (sikkerhets-) makes both compounds Bokmål; only the one of 40 letters is read.
    const w40 = 'sikkerhetsoppdateringsinformasjonssystem';
    const w41 = 'sikkerhetsoppdateringsinformasjonssystema';
    expect(w40).toHaveLength(40);
    expect(forms(`Les om ${w40} i dag.`)).toEqual([w40]);
    expect(forms(`Les om ${w41} i dag.`)).toEqual([]);
  });

  it('treats a capitalised word inside a sentence as a name, but Norge as Noreg', () => {
    expect(forms('Vi møtte Hun i går.')).toEqual([]);
    expect(checker.check('Dei bur i Norge.').flagged[0]).toMatchObject({ form: 'Norge', suggestion: 'Noreg' });
  });
});

describe('review channel', () => {
  it('reports words unknown to the given lexicon, never as flags, and honours the allow-list', () => {
    const known = new Set(['dette', 'er', 'eit', 'ord']);
    const c = createChecker(data, { isKnownNynorsk: (w) => known.has(w), allow: ['blorp'] });
    const r = c.check('Dette er eit snurkeord og blorp.');
    expect(r.flagged).toEqual([]);
    expect(r.review.map((f) => f.form)).toEqual(['snurkeord', 'og']);
  });

  it('is empty without a lexicon', () => {
    expect(checker.check('Dette er eit snurkeord.').review).toEqual([]);
    const c = createChecker(data, { allow: ['snurkeord'] });
    const r = c.check('Dette er eit snurkeord og ikke meir.');
    expect(r.review).toEqual([]);
    expect(r.flagged.map((f) => [f.form, f.suggestion])).toEqual([['ikke', 'ikkje']]);
  });

  it('never reports a one-letter word', () => {
    const known = new Set(['eg', 'likar', 'bu', 'byen']);
    const c = createChecker(data, { isKnownNynorsk: (w) => known.has(w) });
    expect(c.check('Eg likar å bu i byen.').review).toEqual([]);
  });
});

describe('loading', () => {
  it('loads through a fetch function with the shipped path and validates the data', async () => {
    const asked: string[] = [];
    const c = await loadChecker(async (p) => {
      asked.push(p);
      return JSON.parse(readFileSync(join(ROOT, 'assets', p), 'utf8')) as unknown;
    });
    expect(asked).toEqual([NYNORSK_DATA_PATH, NYNORSK_CORPUS_PATH, NYNORSK_GRAMMAR_PATH]);
    expect(c.check('ikke').flagged).toHaveLength(1);
    // The corpus and grammar data are in use: a learned form and an agreement rule fire.
    expect(c.check('Disse tenestene er nye.').flagged.map((f) => f.rule)).toEqual(['corpus']);
    expect(c.check('Det er ein arbeidsmiljø.').flagged.map((f) => f.rule)).toEqual(['determiner']);
    await expect(loadChecker(async () => ({ format: 2 }))).rejects.toThrow(/not Nynorsk checker data/);
  });

  it('uses the corpus forms when given them, and works without', () => {
    // Built here, not in beforeAll, so that the test itself reaches the option handling.
    const data = readNynorskData(ROOT);
    const corpus: CorpusData = { format: 1, forms: { disse: [1, 80, 0, 'desse'] } };
    const withCorpus = createChecker(data, { corpus });
    expect(withCorpus.check('Disse tenestene er nye.').flagged).toMatchObject([
      { form: 'Disse', suggestion: 'Desse', rule: 'corpus', evidence: { nb: 80, nn: 0 } },
    ]);
    const without = createChecker(data);
    expect(without.check('Disse tenestene er nye.').flagged).toEqual([]);
    expect(without.check('Desse tenestene er nye.').flagged).toEqual([]);
  });

  it('rejects malformed data', () => {
    expect(isNynorskData(data)).toBe(true);
    expect(isNynorskData({ ...data, words: { '': 3 } })).toBe(false);
    expect(isNynorskData({ ...data, context: [{ form: 'x' }] })).toBe(false);
    expect(isNynorskData({ ...data, context: [{ suggestion: 'ikkje' }] })).toBe(false);
    expect(isNynorskData({ ...data, context: [{ form: 1, suggestion: 'ikkje' }] })).toBe(false);
    expect(isNynorskData(null)).toBe(false);
    // Each field of the wrong type, or missing, makes the whole file unusable.
    const wrong: Record<string, unknown> = { format: 2, minTail: '3', minHead: '3', minHeadRest: '3', words: 'x', noTail: 1, noHead: 1, nynorsk: ['ikkje'], lexicon: null, cased: [], context: {} };
    for (const [k, x] of Object.entries(wrong)) {
      expect([k, isNynorskData({ ...data, [k]: x })]).toEqual([k, false]);
      const { [k]: _gone, ...rest } = data as unknown as Record<string, unknown>;
      expect([k, isNynorskData(rest)]).toEqual([k, false]);
    }
  });
});
