import { describe, expect, it } from 'vitest';
import { originForMessage, originPattern, urlOrigin, webUrl } from '../../src/core/url-origin';

describe('url-origin', () => {
  it('gives the origin of http(s) URLs only', () => {
    expect(urlOrigin('https://api.openai.com/v1')).toBe('https://api.openai.com');
    expect(urlOrigin('http://127.0.0.1:8080/v1?x=1#y')).toBe('http://127.0.0.1:8080');
    expect(urlOrigin('https://llm.example:443/v1')).toBe('https://llm.example');
    // Another scheme's origin is no place to bind a key to (file: and extension URLs read "null").
    expect(urlOrigin('ftp://x/y')).toBeNull();
    expect(urlOrigin('file:///etc/llm')).toBeNull();
    expect(urlOrigin('chrome-extension://abc/x.html')).toBeNull();
    expect(urlOrigin('localhost:11434')).toBeNull();
    expect(urlOrigin('not a url')).toBeNull();
    expect(urlOrigin('')).toBeNull();
    expect(webUrl('https://a.example/p')?.pathname).toBe('/p');
    expect(webUrl('javascript:alert(1)')).toBeNull();
    expect(webUrl('not a url')).toBeNull();
  });
  it('names the origin in a message, or the text as given where there is none', () => {
    expect(originForMessage('http://localhost:11434/api/chat')).toBe('http://localhost:11434');
    expect(originForMessage('https://api.openai.com/v1')).toBe('https://api.openai.com');
    // Not "null", which is what another scheme's origin reads.
    expect(originForMessage('file:///etc/llm')).toBe('file:///etc/llm');
    expect(originForMessage('localhost:11434')).toBe('localhost:11434');
    expect(originForMessage('')).toBe('');
  });
  it('gives the origin pattern to request', () => {
    // No port: Firefox rejects match patterns with one; without it every port matches.
    expect(originPattern('http://127.0.0.1:8080/v1')).toBe('http://127.0.0.1/*');
    expect(originPattern('http://localhost:11434')).toBe('http://localhost/*');
    expect(originPattern('http://[::1]:11434/api')).toBe('http://[::1]/*');
    expect(originPattern('https://api.openai.com/v1')).toBe('https://api.openai.com/*');
    expect(originPattern('ftp://x')).toBeNull();
    expect(originPattern('not a url')).toBeNull();
  });
});
