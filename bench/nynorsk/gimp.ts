// Reads the Norwegian (Nynorsk) paragraphs of Debian's gimp-help-nn: the
// help pages mix translated and untranslated (English) paragraphs, so each
// paragraph is kept only when Nynorsk function words outnumber English ones.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const GIMP_HELP_NN = '/usr/share/gimp/2.0/help/nn';

/** Installs gimp-help-nn with apt-get when it is missing and we are root; false when unavailable. */
export function ensureGimpHelp(): boolean {
  if (existsSync(GIMP_HELP_NN)) return true;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return false;
  console.error('installing gimp-help-nn with apt-get ...');
  let r = spawnSync('apt-get', ['install', '-y', '-qq', 'gimp-help-nn'], { stdio: 'inherit' });
  if (r.status !== 0) {
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    r = spawnSync('apt-get', ['install', '-y', '-qq', 'gimp-help-nn'], { stdio: 'inherit' });
  }
  return existsSync(GIMP_HELP_NN);
}

const NN = new Set(['og', 'er', 'i', 'på', 'ein', 'eit', 'det', 'som', 'av', 'for', 'med', 'til', 'ikkje', 'du', 'kan', 'å', 'denne', 'dette', 'eller', 'vert', 'blir', 'har', 'frå', 'om', 'når', 'biletet', 'ved', 'dei']);
const EN = new Set(['the', 'and', 'is', 'of', 'to', 'you', 'this', 'that', 'with', 'are', 'can', 'be', 'it', 'an', 'by', 'from', 'which', 'or', 'on', 'as', 'if', 'will', 'image', 'layer']);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function htmlText(s: string): string {
  return s
    .replace(/<(code|pre|kbd|tt|span class="(?:keycap|guimenu|guimenuitem|guilabel|emphasis|command|filename|application|acronym)")[^>]*>[\s\S]*?<\/(?:code|pre|kbd|tt|span)>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#x?[0-9a-f]+|\w+);/gi, (m, e: string) => {
      if (e.startsWith('#x') || e.startsWith('#X')) return String.fromCodePoint(parseInt(e.slice(2), 16));
      if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
      return ENTITIES[e] ?? m;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when a paragraph is Nynorsk rather than untranslated English. */
export function isNorwegianParagraph(p: string): boolean {
  let nn = 0;
  let en = 0;
  for (const w of p.toLowerCase().split(/[^\p{L}]+/u)) {
    if (NN.has(w)) nn++;
    if (EN.has(w)) en++;
  }
  return nn >= 2 && nn > en * 2;
}

/** All Norwegian paragraphs of the help pages, in file-name order. */
export function gimpParagraphs(dir = GIMP_HELP_NN): string[] {
  const out: string[] = [];
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).sort();
  for (const f of files) {
    const html = readFileSync(join(dir, f), 'utf8');
    for (const m of html.matchAll(/<(p|li|td|dd)\b[^>]*>([\s\S]*?)<\/\1>/g)) {
      const text = htmlText(m[2] ?? '');
      if (text && isNorwegianParagraph(text)) out.push(text);
    }
  }
  return [...new Set(out)];
}
