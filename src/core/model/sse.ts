/**
 * A small Server-Sent Events parser (the text/event-stream format): feed it
 * decoded text in any chunking, it calls back once per complete event.
 * Written here rather than pulled in: the format is a few rules and the
 * background bundle stays small.
 */
export type SseEvent = { event?: string; data: string; id?: string };

export type LineFeeder = { feed(chunk: string): void; end(): void };

/** Splits text into lines across chunk boundaries (LF, CRLF or CR). */
export function createLineSplitter(onLine: (line: string) => void): LineFeeder {
  let buf = '';
  let lastCr = false;
  return {
    feed(chunk) {
      if (lastCr && chunk.startsWith('\n')) chunk = chunk.slice(1);
      lastCr = false;
      buf += chunk;
      let m: RegExpExecArray | null;
      const re = /\r\n|\r|\n/g;
      let start = 0;
      while ((m = re.exec(buf))) {
        if (m[0] === '\r' && m.index === buf.length - 1) {
          lastCr = true;
        }
        onLine(buf.slice(start, m.index));
        start = m.index + m[0].length;
      }
      buf = buf.slice(start);
    },
    end() {
      if (buf) onLine(buf);
      buf = '';
    },
  };
}

/** Parses an event stream; `onEvent` gets each dispatched event. */
export function createSseParser(onEvent: (ev: SseEvent) => void): LineFeeder {
  let data: string[] = [];
  let event: string | undefined;
  let id: string | undefined;
  const dispatch = () => {
    if (data.length) onEvent({ data: data.join('\n'), ...(event ? { event } : {}), ...(id !== undefined ? { id } : {}) });
    data = [];
    event = undefined;
  };
  const lines = createLineSplitter((line) => {
    if (line === '') return dispatch();
    // A comment (':' first) has the empty field name, which is none of the three: it needs no test of its own.
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
    else if (field === 'id') id = value;
  });
  return {
    feed: (chunk) => lines.feed(chunk),
    end() {
      lines.end();
      dispatch();
    },
  };
}
