import { describe, expect, it } from 'vitest';
import { GGUF_MAGIC, GgufType, tinyVocab, writeTinyLlamaGguf } from '../support/gguf';

/** A minimal GGUF reader, independent of the writer: header, metadata and tensor infos. */
function readGguf(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dec = new TextDecoder();
  let p = 0;
  const u32 = () => { const v = view.getUint32(p, true); p += 4; return v; };
  const u64 = () => { const v = Number(view.getBigUint64(p, true)); p += 8; return v; };
  const str = () => { const n = u64(); const s = dec.decode(bytes.subarray(p, p + n)); p += n; return s; };
  const scalar = (type: number): unknown => {
    switch (type) {
      case GgufType.UINT8: return view.getUint8(p++);
      case GgufType.INT8: return view.getInt8(p++);
      case GgufType.BOOL: return view.getUint8(p++) !== 0;
      case GgufType.UINT16: { const v = view.getUint16(p, true); p += 2; return v; }
      case GgufType.INT16: { const v = view.getInt16(p, true); p += 2; return v; }
      case GgufType.UINT32: return u32();
      case GgufType.INT32: { const v = view.getInt32(p, true); p += 4; return v; }
      case GgufType.FLOAT32: { const v = view.getFloat32(p, true); p += 4; return v; }
      case GgufType.UINT64: return u64();
      case GgufType.INT64: { const v = Number(view.getBigInt64(p, true)); p += 8; return v; }
      case GgufType.FLOAT64: { const v = view.getFloat64(p, true); p += 8; return v; }
      case GgufType.STRING: return str();
      default: throw new Error(`bad type ${type}`);
    }
  };
  const magic = u32();
  const version = u32();
  const nTensors = u64();
  const nKv = u64();
  const kv = new Map<string, unknown>();
  for (let i = 0; i < nKv; i++) {
    const key = str();
    const type = u32();
    if (type === GgufType.ARRAY) {
      const itemType = u32();
      const n = u64();
      kv.set(key, Array.from({ length: n }, () => scalar(itemType)));
    } else {
      kv.set(key, scalar(type));
    }
  }
  const tensors = Array.from({ length: nTensors }, () => {
    const name = str();
    const dims = Array.from({ length: u32() }, () => u64());
    return { name, dims, type: u32(), offset: u64() };
  });
  const alignment = (kv.get('general.alignment') as number | undefined) ?? 32;
  const dataStart = Math.ceil(p / alignment) * alignment;
  return { magic, version, kv, tensors, alignment, dataStart };
}

describe('tiny llama GGUF writer', () => {
  const bytes = writeTinyLlamaGguf();
  const g = readGguf(bytes);

  it('writes a GGUF v3 header with llama metadata', () => {
    expect(g.magic).toBe(GGUF_MAGIC);
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('GGUF');
    expect(g.version).toBe(3);
    expect(g.kv.get('general.architecture')).toBe('llama');
    expect(g.kv.get('general.alignment')).toBe(32);
    expect(g.kv.get('llama.embedding_length')).toBe(64);
    expect(g.kv.get('llama.block_count')).toBe(2);
    expect(g.kv.get('tokenizer.ggml.model')).toBe('llama');
    const tokens = g.kv.get('tokenizer.ggml.tokens') as string[];
    expect(tokens).toEqual(tinyVocab().tokens);
    expect((g.kv.get('tokenizer.ggml.scores') as number[]).length).toBe(tokens.length);
    expect((g.kv.get('tokenizer.ggml.token_type') as number[]).length).toBe(tokens.length);
    for (const t of ['{', '}', '[', ']', '"', ':', ',', '0', '9', 'a', 'z', 'æ', 'ø', 'å', '<0x0A>', '<0xFF>']) expect(tokens).toContain(t);
  });

  it('lays out tensors with llama.cpp names and shapes, aligned, filling the file', () => {
    expect(g.tensors).toHaveLength(3 + 2 * 9);
    const nVocab = tinyVocab().tokens.length;
    const byName = new Map(g.tensors.map((t) => [t.name, t]));
    expect(byName.get('token_embd.weight')?.dims).toEqual([64, nVocab]);
    expect(byName.get('output.weight')?.dims).toEqual([64, nVocab]);
    expect(byName.get('blk.1.ffn_down.weight')?.dims).toEqual([128, 64]);
    expect(byName.get('blk.1.ffn_up.weight')?.dims).toEqual([64, 128]);
    let end = 0;
    for (const t of g.tensors) {
      expect(t.type).toBe(0); // F32
      expect(t.offset % g.alignment).toBe(0);
      expect(t.offset).toBeGreaterThanOrEqual(end);
      end = t.offset + t.dims.reduce((a, b) => a * b, 1) * 4;
    }
    expect(g.dataStart % 32).toBe(0);
    expect(bytes.length).toBe(Math.ceil((g.dataStart + end) / 32) * 32);
    expect(bytes.length).toBeLessThan(1_000_000);
  });

  it('is deterministic per seed', () => {
    const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);
    expect(same(writeTinyLlamaGguf(), bytes)).toBe(true);
    expect(same(writeTinyLlamaGguf({ seed: 2 }), bytes)).toBe(false);
  });
});
