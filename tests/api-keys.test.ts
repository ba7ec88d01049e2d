import { describe, expect, it } from 'vitest';
import { apiKeyFor, apiKeysNeedMigration, keySafeFor, migrateApiKeys } from '../src/api-keys';
import { migrateSettings } from '../src/settings';

describe('API keys: storage and migration', () => {
  it('keeps only keys of known providers, binding old bare keys to the endpoint stored with them', () => {
    const s = migrateSettings({ providers: { openai: { endpoint: 'https://llm.example:8443/v1', model: 'm' } } });
    expect(migrateApiKeys({ openai: ' sk-1 ', anthropic: 5, other: 'x' }, s)).toEqual({ openai: { key: 'sk-1', origin: 'https://llm.example:8443' } });
    expect(migrateApiKeys({ anthropic: 'sk-a' })).toEqual({ anthropic: { key: 'sk-a', origin: 'https://api.anthropic.com' } });
    expect(migrateApiKeys({ openai: { key: 'k', origin: 'https://a.example' }, anthropic: { key: 'k' } })).toEqual({ openai: { key: 'k', origin: 'https://a.example' } });
    expect(migrateApiKeys('junk')).toEqual({});
    expect(apiKeysNeedMigration({ openai: 'sk' })).toBe(true);
    expect(apiKeysNeedMigration({ openai: { key: 'sk', origin: 'https://a.example' } })).toBe(false);
    expect(apiKeysNeedMigration(null)).toBe(false);
  });
  it('drops a key bound to no web origin, and keeps the origin only (no path)', () => {
    expect(migrateApiKeys({ openai: { key: 'k', origin: 'ftp://a.example' } })).toEqual({});
    expect(migrateApiKeys({ openai: { key: 'k', origin: 'not a url' } })).toEqual({});
    expect(migrateApiKeys({ openai: { key: 'k', origin: 'https://a.example/v1' } })).toEqual({ openai: { key: 'k', origin: 'https://a.example' } });
    expect(migrateApiKeys({ openai: { key: 'k'.repeat(501), origin: 'https://a.example' } })).toEqual({});
    // A bare key whose endpoint is no web URL has no origin to be bound to.
    const s = migrateSettings({ providers: { openai: { endpoint: 'file:///etc/llm', model: 'm' } } });
    expect(migrateApiKeys({ openai: 'sk' }, s)).toEqual({});
  });
});

describe('API keys: what storage may hold', () => {
  const origin = 'https://a.example';
  it('trims a key, and keeps nothing but the key and its origin', () => {
    expect(migrateApiKeys({ openai: { key: ' k ', origin: ` ${origin}/v1 `, note: 'x' } })).toStrictEqual({ openai: { key: 'k', origin } });
  });
  it('skips a blank or over-long key, stored either way, and keeps the other providers', () => {
    const ok = { key: 'k', origin };
    for (const bad of ['   ', '', 'k'.repeat(501), { key: '  ', origin }, { key: 7, origin }, { origin }, null, 5, ['k']])
      expect(migrateApiKeys({ openai: bad, anthropic: ok })).toStrictEqual({ anthropic: ok });
    // The length bound is on what was stored, before trimming.
    expect(migrateApiKeys({ openai: ` ${'k'.repeat(499)} ` })).toEqual({});
    expect(migrateApiKeys({ openai: 'k'.repeat(500) })).toEqual({ openai: { key: 'k'.repeat(500), origin: 'https://api.openai.com' } });
  });
  it('drops a key whose origin is no text, or longer than 2000 characters', () => {
    expect(migrateApiKeys({ openai: { key: 'k', origin: 5 } })).toEqual({});
    expect(migrateApiKeys({ openai: { key: 'k', origin: `${origin}/${'p'.repeat(2000 - origin.length - 1)}` } })).toEqual({ openai: { key: 'k', origin } });
    expect(migrateApiKeys({ openai: { key: 'k', origin: `${origin}/${'p'.repeat(2000 - origin.length)}` } })).toEqual({});
  });
  it('reads a list or a value that is no object as no keys', () => {
    for (const raw of [undefined, null, 5, ['sk'], true]) expect(migrateApiKeys(raw)).toEqual({});
  });
});

describe('API keys: where a key may go', () => {
  it('sends a key only to the origin it was entered for, and never over http to another machine', () => {
    const keys = { openai: { key: 'sk', origin: 'https://api.openai.com' } };
    expect(apiKeyFor('openai', 'https://api.openai.com/v1', keys)).toBe('sk');
    expect(apiKeyFor('openai', 'https://evil.example/v1', keys)).toBeUndefined();
    expect(apiKeyFor('openai', 'https://api.openai.com:444/v1', keys)).toBeUndefined();
    expect(apiKeyFor('anthropic', 'https://api.openai.com/v1', keys)).toBeUndefined();
    expect(apiKeyFor('openai', 'not a url', keys)).toBeUndefined();
    expect(apiKeyFor('openai', 'http://llm.lan:8080/v1', { openai: { key: 'sk', origin: 'http://llm.lan:8080' } })).toBeUndefined();
    for (const local of ['http://localhost:8080', 'http://127.0.0.1:8080', 'http://[::1]:8080'])
      expect(apiKeyFor('openai', `${local}/v1`, { openai: { key: 'sk', origin: local } })).toBe('sk');
  });
  it('calls only https, or http to this machine, safe for a key', () => {
    expect(keySafeFor('https://llm.example/v1')).toBe(true);
    expect(keySafeFor('http://localhost:11434')).toBe(true);
    expect(keySafeFor('http://192.168.1.2:11434')).toBe(false);
    expect(keySafeFor('ftp://localhost/x')).toBe(false);
    expect(keySafeFor('localhost:11434')).toBe(false);
  });
});
