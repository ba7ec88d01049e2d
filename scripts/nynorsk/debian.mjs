// The parallel Bokmål/Nynorsk corpus: Debian's l10n packages of LibreOffice,
// Firefox ESR and Thunderbird, fetched as .debs (never installed), extracted
// into node_modules/.cache/nynorsk-debian/ and aligned string by string (the
// same message id in the same file of both languages). Nothing of it is
// stored in the repository.
//
// Pinning: scripts/nynorsk/debian-pins.json names the version and sha256 of
// each .deb. Each is fetched, in order, from the cache, with
// `apt-get download pkg=version`, and from snapshot.debian.org by its sha1.
// When all three fail (Debian dropped the version and snapshot is out of
// reach) the current candidate is read instead and the result says so
// (`pinned: false`): the caller decides what that means for the hash check.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE = join(root, 'node_modules', '.cache', 'nynorsk-debian');
export const PINS = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'debian-pins.json'), 'utf8'));

/** The pairs of packages: Bokmål first. */
export const PAIRS = [
  ['libreoffice-l10n-nb', 'libreoffice-l10n-nn'],
  ['firefox-esr-l10n-nb-no', 'firefox-esr-l10n-nn-no'],
  ['thunderbird-l10n-nb-no', 'thunderbird-l10n-nn-no'],
];

const sha = (alg, buf) => createHash(alg).update(buf).digest('hex');
const say = (s) => process.stderr.write(`${s}\n`);

function aptDownload(spec, dir) {
  const r = spawnSync('apt-get', ['download', '-qq', spec], { cwd: dir, encoding: 'utf8' });
  return r.status === 0;
}

function aptUpdate() {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return;
  say('nynorsk-data: apt-get update (the package lists may be missing on a clean machine)');
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
}

function debsIn(dir, pkg) {
  return readdirSync(dir).filter((f) => f.startsWith(`${pkg}_`) && f.endsWith('.deb'));
}

async function fromSnapshot(pin, file) {
  if (!pin.sha1) return false;
  try {
    const res = await fetch(`https://snapshot.debian.org/file/${pin.sha1}`, { signal: AbortSignal.timeout(60_000) });
    if (!res.ok) return false;
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    return true;
  } catch {
    return false;
  }
}

/** Gets one .deb: the pinned one where possible. Returns its path, version and whether it is the pinned one. */
async function getDeb(pin) {
  const dir = join(CACHE, 'debs');
  mkdirSync(dir, { recursive: true });
  const pinned = join(dir, `${pin.package}.pinned.deb`);
  if (existsSync(pinned) && sha('sha256', readFileSync(pinned)) === pin.sha256) return { file: pinned, version: pin.version, pinned: true };
  const tmp = join(dir, 'tmp');
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  let ok = aptDownload(`${pin.package}=${pin.version}`, tmp);
  if (!ok) {
    aptUpdate();
    ok = aptDownload(`${pin.package}=${pin.version}`, tmp);
  }
  if (ok) {
    const f = debsIn(tmp, pin.package)[0];
    if (f && sha('sha256', readFileSync(join(tmp, f))) === pin.sha256) {
      renameSync(join(tmp, f), pinned);
      return { file: pinned, version: pin.version, pinned: true };
    }
    say(`nynorsk-data: ${pin.package}=${pin.version} from apt has another sha256 than the pin`);
  }
  if ((await fromSnapshot(pin, join(tmp, 'snap.deb'))) && sha('sha256', readFileSync(join(tmp, 'snap.deb'))) === pin.sha256) {
    renameSync(join(tmp, 'snap.deb'), pinned);
    return { file: pinned, version: pin.version, pinned: true };
  }
  say(`\n!!! nynorsk-data: the pinned ${pin.package}=${pin.version} is gone from apt and snapshot.debian.org is out of reach.`);
  say(`!!! Reading the version Debian offers now instead: the corpus counts and the data hash will differ.\n`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  if (!aptDownload(pin.package, tmp)) throw new Error(`nynorsk-data: cannot download ${pin.package} at all (apt-get download)`);
  const f = debsIn(tmp, pin.package)[0];
  const version = decodeURIComponent(f.split('_')[1] ?? '?');
  const other = join(dir, `${pin.package}.current.deb`);
  renameSync(join(tmp, f), other);
  return { file: other, version, pinned: false };
}

function extractDeb(deb, into) {
  rmSync(into, { recursive: true, force: true });
  mkdirSync(into, { recursive: true });
  const r = spawnSync('dpkg-deb', ['-x', deb, into], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`dpkg-deb -x ${deb}: ${r.stderr}`);
}

function walk(dir, out = []) {
  for (const f of readdirSync(dir).sort()) {
    const p = join(dir, f);
    const st = lstatSync(p); // links point outside the package (Debian's shared files)
    if (st.isDirectory()) walk(p, out);
    else if (st.isFile()) out.push(p);
  }
  return out;
}

/** Entries of a zip file (xpi) by name: stored and deflated members only. */
export function readZip(buf) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map();
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30);
    const comment = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const data = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(data, data + size);
    if (method === 0) out.set(name, raw);
    else if (method === 8) out.set(name, inflateRawSync(raw));
    p += 46 + nameLen + extra + comment;
  }
  return out;
}

/** Message key → translation of a gettext .mo file (context and plural forms kept in the key / joined). */
export function parseMo(buf) {
  const magic = buf.readUInt32LE(0);
  const rd = magic === 0x950412de ? (o) => buf.readUInt32LE(o) : (o) => buf.readUInt32BE(o);
  const n = rd(8);
  const orig = rd(12);
  const trans = rd(16);
  const out = new Map();
  for (let i = 0; i < n; i++) {
    const key = buf.toString('utf8', rd(orig + i * 8 + 4), rd(orig + i * 8 + 4) + rd(orig + i * 8));
    const val = buf.toString('utf8', rd(trans + i * 8 + 4), rd(trans + i * 8 + 4) + rd(trans + i * 8));
    if (key) out.set(key, val.split('\0')[0]);
  }
  return out;
}

/** Message id (with `.attr`) → text of a Fluent file; placeables become a space. */
export function parseFtl(text) {
  const out = new Map();
  let id = null;
  let buf = [];
  const flush = () => {
    if (id !== null) {
      const v = buf.join(' ');
      out.set(id, v);
    }
    id = null;
    buf = [];
  };
  let parent = null;
  for (const line of text.split('\n')) {
    if (/^#/.test(line) || line.trim() === '') continue;
    let m = /^(-?[a-zA-Z][\w-]*)\s*=\s*(.*)$/.exec(line);
    if (m) {
      flush();
      parent = m[1];
      id = m[1];
      buf = [m[2]];
      continue;
    }
    m = /^\s+\.([\w-]+)\s*=\s*(.*)$/.exec(line);
    if (m && parent) {
      flush();
      id = `${parent}.${m[1]}`;
      buf = [m[2]];
      continue;
    }
    if (id !== null && /^\s/.test(line)) buf.push(line.trim());
  }
  flush();
  return out;
}

/** Key → value of a .properties file. */
export function parseProperties(text) {
  const out = new Map();
  for (const line of text.split('\n')) {
    if (/^\s*[#!]/.test(line)) continue;
    const m = /^\s*([^=:\s]+)\s*[=:]\s*(.*)$/.exec(line);
    if (m) out.set(m[1], m[2].replace(/\\u([0-9a-fA-F]{4})/g, (_, h) => String.fromCharCode(parseInt(h, 16))));
  }
  return out;
}

/** Plain running text of a UI string: no placeables, markup, mnemonics, format codes. */
export function cleanString(s) {
  let t = s;
  for (let i = 0; i < 4 && /\{[^{}]*\}/.test(t); i++) t = t.replace(/\{[^{}]*\}/g, ' ');
  return t
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-zA-Z.#0-9-]+;/g, ' ')
    .replace(/%\d*\$?[sSdDuf@]|%\d+|\$\(?[A-Z0-9_]+\)?|\$\w+|#\d?/g, ' ')
    .replace(/[~_](?=\p{L})/gu, '')
    .replace(/\\n/g, '\n')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

// Keys that are not prose: access keys, shortcuts, sizes, ids.
const NOT_PROSE = /(accesskey|commandkey|\.key$|key\d*$|\.width|\.height|\.style|-width|-height|\.ariaLabel-unused)/i;

/** Messages of one extracted package: `relative file (language folder normalised) :: key` → text. */
function messagesOf(dir, lang) {
  const out = new Map();
  const norm = (p) => p.replaceAll(`/${lang}/`, '/LANG/').replaceAll(`-${lang}`, '-LANG').replaceAll(`-${lang.split('-')[0]}.`, '-LANG.');
  const add = (file, map) => {
    for (const [k, v] of map) if (!NOT_PROSE.test(k)) out.set(`${norm(file)}::${k}`, v);
  };
  for (const f of walk(dir)) {
    const rel = relative(dir, f);
    if (f.endsWith('.mo')) add(rel.replace(/\/(nb|nn)\//, '/LANG/'), parseMo(readFileSync(f)));
    else if (f.endsWith('.xpi')) {
      for (const [name, data] of readZip(readFileSync(f))) {
        if (name.endsWith('.ftl')) add(name, parseFtl(data.toString('utf8')));
        else if (name.endsWith('.properties')) add(name, parseProperties(data.toString('utf8')));
      }
    }
  }
  return out;
}

/**
 * Reads (fetching and extracting when needed) the parallel corpus.
 * Returns the aligned pairs `{ key, nb, nn }` (cleaned, both non-empty,
 * different from the English source where that is the key), in key order,
 * and the package versions actually read.
 */
export async function readCorpus() {
  const versions = {};
  let allPinned = true;
  const pairs = [];
  for (const [nbPkg, nnPkg] of PAIRS) {
    const maps = [];
    for (const [pkg, lang] of [
      [nbPkg, nbPkg.endsWith('-no') ? 'nb-NO' : 'nb'],
      [nnPkg, nnPkg.endsWith('-no') ? 'nn-NO' : 'nn'],
    ]) {
      const pin = PINS.packages.find((p) => p.package === pkg);
      if (!pin) throw new Error(`debian-pins.json: no pin for ${pkg}`);
      const deb = await getDeb(pin);
      versions[pkg] = deb.version;
      allPinned &&= deb.pinned;
      const into = join(CACHE, 'x', pkg);
      const stamp = join(into, '.from');
      const want = sha('sha256', readFileSync(deb.file));
      if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== want) {
        extractDeb(deb.file, into);
        writeFileSync(stamp, want);
      }
      maps.push(messagesOf(into, lang));
    }
    const [nb, nn] = maps;
    for (const [key, nbText] of nb) {
      const nnText = nn.get(key);
      if (nnText === undefined) continue;
      const a = cleanString(nbText);
      const b = cleanString(nnText);
      if (!a || !b || !/\p{L}{2}/u.test(a) || !/\p{L}{2}/u.test(b)) continue;
      if (a === b && isEnglish(b)) continue; // left untranslated

      pairs.push({ key: `${nbPkg}::${key}`, nb: a, nn: b });
    }
  }
  pairs.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  return { pairs, versions, pinned: allPinned };
}

const EN = new Set('the and is of to you this that with are be it an by from which or on as if will not for in your can'.split(' '));
const NO = new Set('og er i på ein eit en et det som av for med til ikkje ikke du kan å denne dette eller har frå fra om når ved dei de'.split(' '));

/** True when a string has more English than Norwegian function words. */
export function isEnglish(s) {
  let en = 0;
  let no = 0;
  for (const w of s.toLowerCase().split(/[^\p{L}]+/u)) {
    if (EN.has(w)) en++;
    if (NO.has(w)) no++;
  }
  return en > no;
}

/** True for the pairs held out of learning (one in ten, by a hash of the key): the bench's unseen human Nynorsk. */
export function isHeldOut(key) {
  return parseInt(sha('sha1', key).slice(0, 8), 16) % 10 === 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { pairs, versions, pinned } = await readCorpus();
  console.log(JSON.stringify({ pairs: pairs.length, heldOut: pairs.filter((p) => isHeldOut(p.key)).length, versions, pinned }, null, 2));
  for (const p of pairs.slice(0, 5)) console.log(p);
}
