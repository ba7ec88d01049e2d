import { describe, expect, it } from 'vitest';
import { localPhaseText, rateText, secondsLeftNn, stageText, withRate } from '../../../src/background/model/stage-text';
import { formatDuration } from '../../../src/core/local/format';
import { fill } from '../../../src/core/template';
import { text } from '../../../src/strings/text';

describe('stage lines', () => {
  it('says what the engine does in Nynorsk', () => {
    expect(stageText({ stage: 'cache' })).toBe(text.modelStageCache);
    expect(stageText({ stage: 'writing' })).toBe(text.modelStageWriting);
    expect(stageText({ stage: 'writing', part: 2, parts: 3 })).toBe('Modellen skriv del 2 av 3 …');
    expect(stageText({ stage: 'combining', parts: 3 })).toBe(text.modelStageCombining);
    expect(stageText({ stage: 'repairing', forms: ['ikke'] })).toBe(text.modelStageRepairing);
    expect(localPhaseText('loading')).toBe(text.localStageLoading);
    expect(localPhaseText('reading')).toBe(text.localStageReading);
  });

  it('gives the speed alone while the model simply writes, after the stage otherwise, and the stage until there is a rate', () => {
    const r = { tokens: 100, tokensPerSecond: 20 };
    expect(withRate(text.modelStageWriting, r, 'full')).toBe(rateText(r, 'full'));
    expect(withRate(text.modelStageRepairing, r, 'full')).toBe(`${text.modelStageRepairing} ${rateText(r, 'full')}`);
    expect(withRate(text.modelStageRepairing, { tokens: 0 }, 'full')).toBe(text.modelStageRepairing);
  });
});

describe('rate and time left in Nynorsk', () => {
  it.each<[number, string]>([
    [0, 'om lag fem sekund'],
    [3, 'om lag fem sekund'],
    [7, 'om lag fem sekund'],
    [8, 'om lag 10 sekund'],
    [40, 'om lag 40 sekund'],
    [42, 'om lag 40 sekund'],
    [43, 'om lag 45 sekund'],
  ])('secondsLeftNn(%d) is %j', (s, want) => {
    expect(secondsLeftNn(s)).toBe(want);
  });

  it('gives a minute and more in minutes, as formatDuration does', () => {
    expect(secondsLeftNn(60)).toBe(formatDuration(60));
    expect(secondsLeftNn(125)).toBe('om lag to minutt');
    expect(secondsLeftNn(125)).toBe(formatDuration(125));
    expect(secondsLeftNn(3 * 3600)).toBe('om lag tre timar');
  });

  it('says nothing until there is a rate', () => {
    expect(rateText({ tokens: 3 }, 'full')).toBeUndefined();
    expect(rateText({ tokens: 3, tokensPerSecond: 0 }, 'full')).toBeUndefined();
  });

  it('gives the rate and the time left for the card length', () => {
    // 900 tokens for a full card: 800 left at 20 a second is 40 s.
    expect(rateText({ tokens: 100, tokensPerSecond: 20 }, 'full')).toBe('(20 ordbitar i sekundet, om lag 40 sekund att)');
    expect(rateText({ tokens: 100, tokensPerSecond: 20 }, 'full')).toBe(fill(text.localRate, { rate: '20 ordbitar', left: 'om lag 40 sekund' }));
    // 450 for a short one: 350 left at 12.4 a second is about 28 s.
    expect(rateText({ tokens: 100, tokensPerSecond: 12.4 }, 'short')).toBe('(12 ordbitar i sekundet, om lag 30 sekund att)');
    // Past the expected length: the least there is.
    expect(rateText({ tokens: 2000, tokensPerSecond: 15 }, 'full')).toBe('(15 ordbitar i sekundet, om lag fem sekund att)');
    // Slow: minutes; a rate under one still shows as 1.
    expect(rateText({ tokens: 0, tokensPerSecond: 0.4 }, 'full')).toBe(`(éin ordbit i sekundet, ${formatDuration(900 / 0.4)} att)`);
    expect(rateText({ tokens: 0, tokensPerSecond: 7.5 }, 'full')).toBe('(åtte ordbitar i sekundet, om lag to minutt att)');
  });
});

