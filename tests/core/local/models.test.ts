import { describe, expect, it } from 'vitest';
import { LOCAL_ENDPOINT, modelIdFromUrl, parseLocalModelRecord } from '../../../src/core/local/models';
import { makeLocalModelRecord } from '../../factories/local-model';

describe('parseLocalModelRecord: the stored record of the reader’s model', () => {
  it('reads a good record as it is', () => {
    const rec = makeLocalModelRecord();
    expect(parseLocalModelRecord(rec)).toStrictEqual(rec);
    const partial = makeLocalModelRecord({ status: 'partial', received: 0, verified: false });
    expect(parseLocalModelRecord(partial)).toStrictEqual(partial);
  });

  it('reads a record without size or sha256, and leaves no key for them, also when they hold undefined', () => {
    const { size: _s, sha256: _h, ...bare } = makeLocalModelRecord();
    expect(parseLocalModelRecord(bare)).toStrictEqual(bare);
    const parsed = parseLocalModelRecord({ ...bare, size: undefined, sha256: undefined });
    expect(parsed).toStrictEqual(bare);
    expect(parsed && Object.keys(parsed).sort()).toEqual(Object.keys(bare).sort());
  });

  it('drops keys it does not know', () => {
    expect(parseLocalModelRecord({ ...makeLocalModelRecord(), apiKey: 'sk-x' })).toStrictEqual(makeLocalModelRecord());
  });

  it.each<[string, unknown]>([
    ['nothing', undefined],
    ['null', null],
    ['text', 'installed'],
    ['a list', [makeLocalModelRecord()]],
    ['a list holding the fields', Object.assign([], makeLocalModelRecord())],
    ['an id that is no text', makeLocalModelRecord({ id: 7 as never })],
    ['a URL of no GGUF file', makeLocalModelRecord({ url: 'https://huggingface.co/x/model.bin' })],
    ['a URL that is not http(s)', makeLocalModelRecord({ url: 'file:///models/x.gguf' })],
    ['a negative received', makeLocalModelRecord({ received: -1 })],
    ['a fractional received', makeLocalModelRecord({ received: 1.5 })],
    ['received as text', makeLocalModelRecord({ received: '5' as never })],
    ['received NaN', makeLocalModelRecord({ received: Number.NaN })],
    ['received past the safe integers', makeLocalModelRecord({ received: 2 ** 53 })],
    ['no received', { ...makeLocalModelRecord(), received: undefined }],
    ['a negative size', makeLocalModelRecord({ size: -1 })],
    ['a size that is null', makeLocalModelRecord({ size: null as never })],
    ['an unknown status', makeLocalModelRecord({ status: 'done' as never })],
    ['verified as text', makeLocalModelRecord({ verified: 'true' as never })],
    ['no updatedAt', { ...makeLocalModelRecord(), updatedAt: undefined }],
    ['a sha256 in capitals', makeLocalModelRecord({ sha256: 'A'.repeat(64) })],
    ['a short sha256', makeLocalModelRecord({ sha256: 'a'.repeat(63) })],
    ['a sha256 that is no text', makeLocalModelRecord({ sha256: 5 as never })],
  ])('treats %s as no model', (_what, raw) => {
    expect(parseLocalModelRecord(raw)).toBeNull();
  });

  it('accepts the bounds themselves', () => {
    expect(parseLocalModelRecord(makeLocalModelRecord({ received: 0, size: 0 }))).not.toBeNull();
    expect(parseLocalModelRecord(makeLocalModelRecord({ received: Number.MAX_SAFE_INTEGER }))).not.toBeNull();
    expect(parseLocalModelRecord(makeLocalModelRecord({ id: '' }))).not.toBeNull();
  });
});

describe('modelIdFromUrl: a folder-safe id from the GGUF file’s name', () => {
  it('takes the file name without .gguf, in lower case', () => {
    expect(modelIdFromUrl('https://huggingface.co/NbAiLab/x/resolve/main/nb-llama-3.2-1b-Instruct-Q4_K_M.gguf')).toBe('nb-llama-3.2-1b-instruct-q4_k_m');
    expect(modelIdFromUrl('http://localhost:8000/Model.GGUF?download=1')).toBe('model');
  });

  it('writes each run of other characters as one hyphen', () => {
    expect(modelIdFromUrl('https://models.example/My%20Model%20(v2)%20+%20extra.gguf')).toBe('my-model-v2-extra');
    expect(modelIdFromUrl('https://models.example/n%C3%B8rsk%2Fmodell.gguf')).toBe('n-rsk-modell');
  });

  it('keeps at most 120 characters', () => {
    expect(modelIdFromUrl(`https://models.example/${'a'.repeat(100)}-${'b'.repeat(100)}.gguf`)).toBe(`${'a'.repeat(100)}-${'b'.repeat(19)}`);
  });

  it.each(['not a url', 'ftp://models.example/x.gguf', 'https://models.example/x.bin', 'https://models.example/.gguf', 'https://models.example/', 'https://models.example/nb.gguf.sha256'])('gives no id for %s', (url) => {
    expect(modelIdFromUrl(url)).toBeNull();
  });
});

describe('LOCAL_ENDPOINT: where the on-device model\'s requests go', () => {
  it('is an absolute URL of a scheme of its own, which no request over the network can reach', () => {
    const u = new URL(LOCAL_ENDPOINT);
    expect(u.protocol).toMatch(/^[a-z-]+:$/);
    expect(['http:', 'https:', 'ws:', 'wss:', 'file:']).not.toContain(u.protocol);
  });
});
