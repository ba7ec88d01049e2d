import { describe, expect, it } from 'vitest';
import { createLineSplitter, createSseParser, type SseEvent } from '../../../src/core/model/sse';

const lines = (chunks: string[]) => {
  const out: string[] = [];
  const s = createLineSplitter((l) => out.push(l));
  chunks.forEach((c) => s.feed(c));
  s.end();
  return out;
};

const events = (chunks: string[]) => {
  const out: SseEvent[] = [];
  const p = createSseParser((e) => out.push(e));
  chunks.forEach((c) => p.feed(c));
  p.end();
  return out;
};

describe('createLineSplitter', () => {
  it('keeps an empty line that starts a chunk after an LF', () => {
    expect(lines(['a\n', '\nb\n'])).toEqual(['a', '', 'b']);
    // After a CR, only an LF at once is the same line break.
    expect(lines(['a\r', 'b\n'])).toEqual(['a', 'b']);
    expect(lines(['a\r\n', '\nb'])).toEqual(['a', '', 'b']);
  });
});

describe('createSseParser', () => {
  it('gives only the fields an event has, and an id to the events after it', () => {
    // Other fields (retry, unknown ones) are not an id.
    expect(events(['event: ping\nid: 7\ndata: a\n\nretry: 3000\nfoo: 8\ndata: b\n\nid\ndata: c\n\n'])).toStrictEqual([
      { event: 'ping', data: 'a', id: '7' },
      { data: 'b', id: '7' },
      { data: 'c', id: '' },
    ]);
    expect(events(['retry: 3000\ndata: x\n\n'])).toStrictEqual([{ data: 'x' }]);
  });

  it('reads a field without a colon or without a value as empty, and takes off one space only', () => {
    expect(events(['data\n\n', 'data:\n\n', 'data:  two\n\n'])).toStrictEqual([{ data: '' }, { data: '' }, { data: ' two' }]);
  });

  it('skips comments and lines without data: a blank line alone dispatches nothing', () => {
    expect(events([':comment\n\n', ': data: x\n\n', 'event: e\n\n', '\n\n'])).toEqual([]);
  });

  it('dispatches the last event when the stream ends without a blank line', () => {
    expect(events(['data: a\n\ndata: last'])).toStrictEqual([{ data: 'a' }, { data: 'last' }]);
  });
});

describe('SSE parser and line splitter across chunks', () => {
  it('reads events across any chunking, with CRLF, comments and multi-line data', () => {
    const text = ': keep-alive\r\nevent: content_block_delta\r\ndata: {"a":1}\r\n\r\ndata: line one\ndata: line two\n\ndata:[DONE]\n\n';
    const whole = events([text]);
    expect(whole).toEqual([
      { event: 'content_block_delta', data: '{"a":1}' },
      { data: 'line one\nline two' },
      { data: '[DONE]' },
    ]);
    // One character at a time gives the same events, including a CR LF split over two chunks.
    expect(events([...text])).toEqual(whole);
  });
  it('splits lines on LF, CRLF and CR, keeping an unfinished last line until the end', () => {
    const got: string[] = [];
    const s = createLineSplitter((l) => got.push(l));
    s.feed('a\r');
    s.feed('\nb\rc\nd');
    expect(got).toEqual(['a', 'b', 'c']);
    s.end();
    expect(got).toEqual(['a', 'b', 'c', 'd']);
    // The unfinished line is given once: a second end adds nothing, and text fed after an end starts afresh.
    s.end();
    expect(got).toEqual(['a', 'b', 'c', 'd']);
    s.feed('e\nf');
    s.end();
    expect(got).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });
});
