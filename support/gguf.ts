/**
 * A tiny GGUF v3 writer, and a tiny llama-architecture model made with it.
 *
 * Why: the on-device engine (@wllama/wllama, llama.cpp compiled to wasm) needs a real GGUF to load, and no
 * model weights can be downloaded where the tests and benches run. `writeTinyLlamaGguf()` makes a complete,
 * valid llama model of about 0.7 MB in memory: real metadata, a real SentencePiece ("llama") vocabulary
 * (669 tokens), a ChatML chat template and real tensors of the shapes llama.cpp expects. Only the weights are noise (seeded, so the
 * file is the same byte for byte on every run). Its text is gibberish; what it is good for is exercising
 * the whole path (load, tokenize, grammar-constrained sampling, streaming, abort, exit) quickly.
 *
 * The noise is shaped so that grammar-constrained JSON finishes in a few hundred tokens: one channel of
 * the residual stream (dimension 0) carries a constant that the layers never read or write, and the
 * output matrix turns it into a per-token prior (see TOKEN_PRIOR). `"` is favoured, so a string closes
 * after about 20-40 tokens; byte tokens and control tokens are strongly disfavoured, so they only appear
 * when the grammar allows nothing else (never, for JSON). Everything else is random and context dependent.
 *
 * No dependencies; runs in Node and in the browser (returns a Uint8Array).
 * Format: https://github.com/ggml-org/ggml/blob/master/docs/gguf.md (little-endian, dims fastest first).
 */

import { mulberry32 } from './random';

// ---------------------------------------------------------------------------------------------------------
// Generic writer

/** GGUF metadata value types (gguf_type). */
export const GgufType = {
  UINT8: 0,
  INT8: 1,
  UINT16: 2,
  INT16: 3,
  UINT32: 4,
  INT32: 5,
  FLOAT32: 6,
  BOOL: 7,
  STRING: 8,
  ARRAY: 9,
  UINT64: 10,
  INT64: 11,
  FLOAT64: 12,
} as const;
export type GgufScalarType = Exclude<(typeof GgufType)[keyof typeof GgufType], 9>;

export type GgufValue =
  | { type: GgufScalarType; value: number | bigint | boolean | string }
  | { type: typeof GgufType.ARRAY; itemType: GgufScalarType; value: ReadonlyArray<number | bigint | boolean | string> };

export interface GgufTensor {
  name: string;
  /** ggml order, fastest-varying first (ne[0], ne[1], ...). */
  dims: number[];
  /** Only F32 (ggml type 0) is written. */
  data: Float32Array;
}

export const GGUF_MAGIC = 0x46554747; // "GGUF" read as a little-endian u32
export const GGUF_VERSION = 3;
const GGML_TYPE_F32 = 0;

class ByteWriter {
  private buf = new Uint8Array(1 << 16);
  private view = new DataView(this.buf.buffer);
  length = 0;
  private static readonly enc = new TextEncoder();

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }
  u8(v: number): void { this.reserve(1); this.view.setUint8(this.length, v); this.length += 1; }
  i8(v: number): void { this.reserve(1); this.view.setInt8(this.length, v); this.length += 1; }
  u16(v: number): void { this.reserve(2); this.view.setUint16(this.length, v, true); this.length += 2; }
  i16(v: number): void { this.reserve(2); this.view.setInt16(this.length, v, true); this.length += 2; }
  u32(v: number): void { this.reserve(4); this.view.setUint32(this.length, v, true); this.length += 4; }
  i32(v: number): void { this.reserve(4); this.view.setInt32(this.length, v, true); this.length += 4; }
  f32(v: number): void { this.reserve(4); this.view.setFloat32(this.length, v, true); this.length += 4; }
  f64(v: number): void { this.reserve(8); this.view.setFloat64(this.length, v, true); this.length += 8; }
  u64(v: number | bigint): void { this.reserve(8); this.view.setBigUint64(this.length, BigInt(v), true); this.length += 8; }
  i64(v: number | bigint): void { this.reserve(8); this.view.setBigInt64(this.length, BigInt(v), true); this.length += 8; }
  bytes(b: Uint8Array): void { this.reserve(b.length); this.buf.set(b, this.length); this.length += b.length; }
  str(s: string): void { const b = ByteWriter.enc.encode(s); this.u64(b.length); this.bytes(b); }
  padTo(alignment: number): void { while (this.length % alignment !== 0) this.u8(0); }
  result(): Uint8Array { return this.buf.slice(0, this.length); }
}

function writeScalar(w: ByteWriter, type: GgufScalarType, v: number | bigint | boolean | string): void {
  switch (type) {
    case GgufType.UINT8: return w.u8(Number(v));
    case GgufType.INT8: return w.i8(Number(v));
    case GgufType.UINT16: return w.u16(Number(v));
    case GgufType.INT16: return w.i16(Number(v));
    case GgufType.UINT32: return w.u32(Number(v));
    case GgufType.INT32: return w.i32(Number(v));
    case GgufType.FLOAT32: return w.f32(Number(v));
    case GgufType.BOOL: return w.u8(v ? 1 : 0);
    case GgufType.STRING: return w.str(String(v));
    case GgufType.UINT64: return w.u64(typeof v === 'bigint' ? v : Number(v));
    case GgufType.INT64: return w.i64(typeof v === 'bigint' ? v : Number(v));
    case GgufType.FLOAT64: return w.f64(Number(v));
  }
}

/**
 * Serialise a GGUF v3 file: header, metadata, tensor infos, then F32 tensor data, each tensor at an
 * offset (relative to the data section) that is a multiple of `alignment`. `general.alignment` is added
 * to the metadata when it is not there and alignment is not the default 32.
 */
export function writeGguf(opts: { metadata: Record<string, GgufValue>; tensors: GgufTensor[]; alignment?: number }): Uint8Array {
  const alignment = opts.alignment ?? 32;
  const metadata = { ...opts.metadata };
  if (alignment !== 32 && !('general.alignment' in metadata)) {
    metadata['general.alignment'] = { type: GgufType.UINT32, value: alignment };
  }
  const w = new ByteWriter();
  w.u32(GGUF_MAGIC);
  w.u32(GGUF_VERSION);
  w.u64(opts.tensors.length);
  w.u64(Object.keys(metadata).length);
  for (const [key, val] of Object.entries(metadata)) {
    w.str(key);
    w.u32(val.type);
    if (val.type === GgufType.ARRAY) {
      w.u32(val.itemType);
      w.u64(val.value.length);
      for (const item of val.value) writeScalar(w, val.itemType, item);
    } else {
      writeScalar(w, val.type, val.value);
    }
  }
  let offset = 0;
  for (const t of opts.tensors) {
    const n = t.dims.reduce((a, b) => a * b, 1);
    if (n !== t.data.length) throw new Error(`tensor ${t.name}: dims ${t.dims.join('x')} != ${t.data.length} values`);
    w.str(t.name);
    w.u32(t.dims.length);
    for (const d of t.dims) w.u64(d);
    w.u32(GGML_TYPE_F32);
    w.u64(offset);
    offset += t.data.byteLength;
    offset = Math.ceil(offset / alignment) * alignment;
  }
  w.padTo(alignment);
  const dataStart = w.length;
  for (const t of opts.tensors) {
    w.padTo(alignment);
    if ((w.length - dataStart) % alignment !== 0) throw new Error('unaligned tensor data');
    w.bytes(new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength));
  }
  w.padTo(alignment);
  return w.result();
}

// ---------------------------------------------------------------------------------------------------------
// Tiny llama

/** Re-exported: the weights' PRNG. */
export { mulberry32 };

/** SentencePiece word-boundary marker (U+2581); llama.cpp shows it as a space. */
const SP = '\u2581';

/** SentencePiece token types (llama_token_type / tokenizer.ggml.token_type). */
export const TokenType = { NORMAL: 1, UNKNOWN: 2, CONTROL: 3, USER_DEFINED: 4, UNUSED: 5, BYTE: 6 } as const;

const CHARS = [
  SP, '{', '}', '[', ']', '"', ':', ',', '.', '?', '!', '-', "'", '(', ')', '/',
  ...'0123456789', ...'abcdefghijklmnopqrstuvwxyzæøå', ...'ABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ',
];
/**
 * Word starts (with the SentencePiece space) and frequent letter groups, English and Nynorsk, so that a prompt
 * takes about one token per 2 characters (0.53 tokens/char on an English + Nynorsk article) instead of one per
 * character. Every prefix of a piece is a token
 * too (added by tinyVocab), so SentencePiece merges can reach it.
 */
const WORDS = [
  // Nynorsk
  'og', 'i', 'på', 'er', 'av', 'til', 'med', 'som', 'det', 'ein', 'eit', 'ei', 'har', 'kan', 'vil', 'dei', 'ikkje', 'ho', 'han',
  'for', 'at', 'seier', 'også', 'meir', 'mykje', 'kva', 'kven', 'eller', 'frå', 'om', 'no', 'berre', 'nye', 'men', 'sine', 'etter',
  // English
  'the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'it', 'as', 'with', 'on', 'was', 'said', 'says', 'has', 'have', 'are',
  'be', 'by', 'this', 'from', 'at', 'an', 'its', 'not', 'or', 'new', 'more', 'which', 'who', 'their', 'will', 'but', 'they',
  'were', 'been', 'also', 'about', 'after', 'than', 'other', 'into', 'some', 'one', 'can', 'would', 'when', 'what', 'data',
  'Meta', 'AI', 'The', 'It', 'In',
  // every letter as a word start
  ...'abcdefghijklmnopqrstuvwxyzæøåABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ',
].map((w) => SP + w);
const GROUPS = [
  'th', 'he', 'in', 'er', 'an', 're', 'on', 'at', 'en', 'nd', 'ti', 'es', 'or', 'te', 'ed', 'is', 'it', 'al', 'ar', 'st', 'nt',
  'ng', 'se', 'ha', 'as', 'ou', 'io', 'le', 've', 'co', 'me', 'de', 'hi', 'ri', 'ro', 'ic', 'ne', 'ea', 'ra', 'ce', 'li', 'ch',
  'll', 'be', 'ma', 'si', 'om', 'ur', 'ing', 'ion', 'tion', 'ent', 'ment', 'ers', 'ter', 'ate', 'ere', 'her', 'ly', 'ed',
  'ane', 'ene', 'ar', 'ast', 'eg', 'et', 'kj', 'kje', 'ikkje', 'eit', 'ein', 'leg', 'lege', 'ing', 'inga', 'ande', 'ende',
  'skap', 'heit', 'sjon', 'ord', 'år', 'øy', 'ø', 'kk', 'nn', 'mm', 'ss', 'tt',
];
const CHATML = ['<|im_start|>', '<|im_end|>'];

/** Unigram prior (logits at temperature 1) for tokens by text; tokens not listed get 0. */
const TOKEN_PRIOR: Record<string, number> = {
  '"': 1.5,
  [SP]: 0.8,
  ',': -1.5, ']': -1.5, '}': -3, '{': -4, '[': -4, ':': -3, '.': -1, '?': -2, '-': -2,
};
const PRIOR_UPPER = -1;
/**
 * Tokens whose noise is shared (same output row apart from the prior), so the choice between them after a
 * JSON value depends on their priors only: with equal priors an array goes on (",") or ends ("]") 50/50.
 */
const TIED_NOISE = [',', ']', '}'];
const PRIOR_SPECIAL = -12; // <unk>, <s>, </s>, chat markers, byte tokens

export interface TinyVocab {
  tokens: string[];
  scores: number[];
  types: number[];
  /** Output prior per token id (logit units). */
  prior: number[];
  bos: number;
  eos: number;
  unk: number;
  imStart: number;
  imEnd: number;
}

/**
 * The vocabulary: <unk> <s> </s>, 256 byte tokens <0x00>..<0xFF> (llama.cpp's SPM tokenizer needs them:
 * a character it has no token for becomes bytes, and without byte tokens it throws), the two ChatML markers
 * as control tokens, then 408 normal tokens (space, JSON punctuation, digits, a-å, A-Å, frequent letter
 * groups and short English and Nynorsk words). Token ids: 0 unk, 1 bos, 2 eos, 3..258 bytes, 259/260 ChatML,
 * 261.. normal. Byte and control tokens get a prior of -12, so they are never sampled in practice.
 */
export function tinyVocab(tokenPrior: Record<string, number> = {}): TinyVocab {
  const tokens: string[] = ['<unk>', '<s>', '</s>'];
  const types: number[] = [TokenType.UNKNOWN, TokenType.CONTROL, TokenType.CONTROL];
  for (let b = 0; b < 256; b++) {
    tokens.push(`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`);
    types.push(TokenType.BYTE);
  }
  for (const t of CHATML) { tokens.push(t); types.push(TokenType.CONTROL); }
  const firstNormal = tokens.length;
  const seen = new Set<string>();
  const add = (t: string) => {
    if (seen.has(t)) return;
    seen.add(t);
    tokens.push(t);
    types.push(TokenType.NORMAL);
  };
  CHARS.forEach(add);
  for (const piece of [...GROUPS, ...WORDS]) {
    const chars = [...piece];
    for (let n = 2; n <= chars.length; n++) add(chars.slice(0, n).join(''));
  }
  // SPM merge priority: longer pieces first, so "ikkje" wins over "ik" + "kje" as it should.
  const scores = tokens.map((t, i) => (i < firstNormal ? 0 : -100 + [...t].length * 10 - i / 1000));
  const prior = tokens.map((t, i) => {
    if (t in tokenPrior) return tokenPrior[t]!;
    if (i < firstNormal) return PRIOR_SPECIAL;
    if (t in TOKEN_PRIOR) return TOKEN_PRIOR[t]!;
    if (/^[A-ZÆØÅ]$/.test(t)) return PRIOR_UPPER;
    return 0;
  });
  return {
    tokens, scores, types, prior,
    unk: 0, bos: 1, eos: 2,
    imStart: tokens.indexOf('<|im_start|>'),
    imEnd: tokens.indexOf('<|im_end|>'),
  };
}

/** A plain ChatML template (what llama.cpp also falls back to when a GGUF has none). */
export const CHATML_TEMPLATE =
  "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}{% endfor %}" +
  "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

export interface TinyLlamaOptions {
  /** PRNG seed for the weights (default 1). */
  seed?: number;
  /** Transformer blocks (default 2). */
  nLayer?: number;
  /** Embedding width (default 64). */
  nEmbd?: number;
  /** Attention heads (default 4). */
  nHead?: number;
  /** KV heads, for grouped-query attention (default nHead). */
  nHeadKv?: number;
  /** Feed-forward width (default 128). */
  nFf?: number;
  /** llama.context_length (default 4096). */
  nCtx?: number;
  /** Standard deviation of the random, context-dependent part of the output logits (default 1). */
  logitNoise?: number;
  /**
   * Override the output prior (logits) of tokens by text. See TOKEN_PRIOR. The default '"': 1.5 gives JSON strings of
   * about 40 characters (card JSON median ~200 tokens); '"': 0.5 gives ~170 characters (median ~600 tokens, max ~1000).
   */
  tokenPrior?: Record<string, number>;
  /** tokenizer.chat_template; null leaves it out (default CHATML_TEMPLATE). */
  chatTemplate?: string | null;
  /** general.name (default "nynorsk-kort-tiny-random"). */
  name?: string;
}

/** Build a small llama model with seeded random F32 weights. About 0.5 MB with the defaults. */
export function writeTinyLlamaGguf(opts: TinyLlamaOptions = {}): Uint8Array {
  const nLayer = opts.nLayer ?? 2;
  const nEmbd = opts.nEmbd ?? 64;
  const nHead = opts.nHead ?? 4;
  const nHeadKv = opts.nHeadKv ?? nHead;
  const nFf = opts.nFf ?? 128;
  const nCtx = opts.nCtx ?? 4096;
  const noise = opts.logitNoise ?? 1;
  if (nEmbd % nHead !== 0 || nHead % nHeadKv !== 0) throw new Error('nEmbd must divide by nHead, and nHead by nHeadKv');
  const headDim = nEmbd / nHead;
  const nEmbdKv = headDim * nHeadKv;
  const vocab = tinyVocab(opts.tokenPrior);
  const nVocab = vocab.tokens.length;
  const rand = mulberry32(opts.seed ?? 1);
  /** Uniform noise with the given standard deviation. */
  const noiseOf = (std: number) => (rand() * 2 - 1) * std * Math.sqrt(3);

  // Residual stream: dim 0 holds the constant BIAS (never read by the layers: their norms weigh it 0; never
  // written: row 0 of attn_output and ffn_down is 0). The other dims hold small context-dependent values.
  const BIAS = 1;
  const EMBD_STD = 0.1 / Math.sqrt(nEmbd - 1); // per dim; |x[1:]| ~ 0.1 for a token embedding
  const LAYER_OUT_STD = 0.1 / Math.sqrt(nEmbd - 1); // per dim of each sublayer's contribution
  // After the blocks |x[1:]| is about 0.1 * sqrt(1 + 2 * nLayer): RMS norm then gives dim 0 ~ sqrt(nEmbd).
  const rest = 0.1 * Math.sqrt(1 + 2 * nLayer);
  const norm = Math.sqrt(BIAS * BIAS + rest * rest);
  const xn0 = (Math.sqrt(nEmbd) * BIAS) / norm; // normalised value of dim 0
  const xnRest = (Math.sqrt(nEmbd) * rest) / norm; // normalised length of dims 1..
  const innerGain = Math.sqrt(nEmbd) / xnRest; // layer norms scale dims 1.. back to unit variance

  /** A [rows x cols] matrix in ggml layout: ne = [cols, rows], row-major, so y = W x has length rows. */
  const matrix = (cols: number, rows: number, std: number, zeroRow0 = false): GgufTensor['data'] => {
    const m = new Float32Array(cols * rows);
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) m[r * cols + c] = zeroRow0 && r === 0 ? 0 : noiseOf(std);
    return m;
  };
  const innerNorm = () => {
    const v = new Float32Array(nEmbd).fill(innerGain);
    v[0] = 0;
    return v;
  };

  const tokenEmbd = new Float32Array(nEmbd * nVocab);
  for (let t = 0; t < nVocab; t++) {
    tokenEmbd[t * nEmbd] = BIAS;
    for (let j = 1; j < nEmbd; j++) tokenEmbd[t * nEmbd + j] = noiseOf(EMBD_STD);
  }
  // Logit of token t = prior[t] (through dim 0) + noise (through dims 1..).
  const outStd = noise / xnRest;
  const output = new Float32Array(nEmbd * nVocab);
  for (let t = 0; t < nVocab; t++) {
    output[t * nEmbd] = vocab.prior[t]! / xn0;
    for (let j = 1; j < nEmbd; j++) output[t * nEmbd + j] = noiseOf(outStd);
  }
  const [lead, ...tied] = TIED_NOISE.map((t) => vocab.tokens.indexOf(t));
  for (const t of tied) output.copyWithin(t! * nEmbd + 1, lead! * nEmbd + 1, lead! * nEmbd + nEmbd);

  const tensors: GgufTensor[] = [
    { name: 'token_embd.weight', dims: [nEmbd, nVocab], data: tokenEmbd },
    { name: 'output_norm.weight', dims: [nEmbd], data: new Float32Array(nEmbd).fill(1) },
    { name: 'output.weight', dims: [nEmbd, nVocab], data: output },
  ];
  const inStd = 1 / Math.sqrt(nEmbd); // unit-variance inputs -> unit-variance projections
  for (let l = 0; l < nLayer; l++) {
    const p = `blk.${l}.`;
    tensors.push(
      { name: `${p}attn_norm.weight`, dims: [nEmbd], data: innerNorm() },
      { name: `${p}attn_q.weight`, dims: [nEmbd, nEmbd], data: matrix(nEmbd, nEmbd, inStd) },
      { name: `${p}attn_k.weight`, dims: [nEmbd, nEmbdKv], data: matrix(nEmbd, nEmbdKv, inStd) },
      { name: `${p}attn_v.weight`, dims: [nEmbd, nEmbdKv], data: matrix(nEmbd, nEmbdKv, inStd) },
      { name: `${p}attn_output.weight`, dims: [nEmbd, nEmbd], data: matrix(nEmbd, nEmbd, LAYER_OUT_STD * 2 / Math.sqrt(nEmbd), true) },
      { name: `${p}ffn_norm.weight`, dims: [nEmbd], data: innerNorm() },
      { name: `${p}ffn_gate.weight`, dims: [nEmbd, nFf], data: matrix(nEmbd, nFf, inStd) },
      { name: `${p}ffn_down.weight`, dims: [nFf, nEmbd], data: matrix(nFf, nEmbd, LAYER_OUT_STD * 2 / Math.sqrt(nFf), true) },
      { name: `${p}ffn_up.weight`, dims: [nEmbd, nFf], data: matrix(nEmbd, nFf, inStd) },
    );
  }

  const u32 = (value: number): GgufValue => ({ type: GgufType.UINT32, value });
  const metadata: Record<string, GgufValue> = {
    'general.architecture': { type: GgufType.STRING, value: 'llama' },
    'general.name': { type: GgufType.STRING, value: opts.name ?? 'nynorsk-kort-tiny-random' },
    'general.file_type': u32(0), // ALL_F32
    'general.alignment': u32(32),
    'llama.context_length': u32(nCtx),
    'llama.embedding_length': u32(nEmbd),
    'llama.block_count': u32(nLayer),
    'llama.feed_forward_length': u32(nFf),
    'llama.attention.head_count': u32(nHead),
    'llama.attention.head_count_kv': u32(nHeadKv),
    'llama.rope.dimension_count': u32(headDim),
    'llama.rope.freq_base': { type: GgufType.FLOAT32, value: 10000 },
    'llama.attention.layer_norm_rms_epsilon': { type: GgufType.FLOAT32, value: 1e-5 },
    'llama.vocab_size': u32(nVocab),
    'tokenizer.ggml.model': { type: GgufType.STRING, value: 'llama' },
    'tokenizer.ggml.pre': { type: GgufType.STRING, value: 'default' },
    'tokenizer.ggml.tokens': { type: GgufType.ARRAY, itemType: GgufType.STRING, value: vocab.tokens },
    'tokenizer.ggml.scores': { type: GgufType.ARRAY, itemType: GgufType.FLOAT32, value: vocab.scores },
    'tokenizer.ggml.token_type': { type: GgufType.ARRAY, itemType: GgufType.INT32, value: vocab.types },
    'tokenizer.ggml.bos_token_id': u32(vocab.bos),
    'tokenizer.ggml.eos_token_id': u32(vocab.eos),
    'tokenizer.ggml.unknown_token_id': u32(vocab.unk),
    'tokenizer.ggml.padding_token_id': u32(vocab.unk),
    'tokenizer.ggml.add_bos_token': { type: GgufType.BOOL, value: true },
    'tokenizer.ggml.add_eos_token': { type: GgufType.BOOL, value: false },
  };
  const chatTemplate = opts.chatTemplate === undefined ? CHATML_TEMPLATE : opts.chatTemplate;
  if (chatTemplate !== null) {
    metadata['tokenizer.ggml.eot_token_id'] = u32(vocab.imEnd);
    metadata['tokenizer.chat_template'] = { type: GgufType.STRING, value: chatTemplate };
  }
  return writeGguf({ metadata, tensors, alignment: 32 });
}
