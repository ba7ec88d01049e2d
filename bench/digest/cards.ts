/**
 * Writes the fact card of every repo page fixture (the review set first) and,
 * where /work/shared is present, of every shared text, as plain text, with the
 * count of Nynorsk words on each card: the material for an editor's review
 * (errors per 1,000 words).
 *
 *   npm run report:fact-cards             → artifacts/fact-cards.txt
 *   npm run report:fact-cards -- review   (only pages whose name contains "review")
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cardToText } from '../../src/cli/card-to-text';
import { buildDigestCard } from '../../src/core/digest/index';
import { loadNodeChecker } from '../../src/node/nynorsk';
import { loadFixtureInputs, loadSharedInputs, nynorskStrings } from '../../support/digest/shared';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const filter = process.argv[2] ?? '';
const checker = loadNodeChecker();
const shared = loadSharedInputs();
const inputs = [...loadFixtureInputs(), ...shared.inputs]
  .filter((i) => i.name.includes(filter))
  .sort((a, b) => Number(b.name.startsWith('review-')) - Number(a.name.startsWith('review-')) || a.name.localeCompare(b.name));

const out: string[] = [];
let totalWords = 0;
for (const i of inputs) {
  const card = buildDigestCard(i.article, i.topic, { now: new Date('2026-12-01T00:00:00Z') });
  card.language.bokmalForms = [...new Set(nynorskStrings(card).flatMap((s) => checker.check(s).flagged.map((f) => f.form)))];
  // Words of Nynorsk the card writes: summary, facts, FAQ (quotes in English and URLs left out).
  const nn = [...card.summary, ...(card.facts ?? []).flatMap((f) => [f.label, f.value]), ...card.faq.flatMap((f) => [f.q, f.a])]
    .join(' ')
    .replace(/«[^»]*»/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ');
  const words = (nn.match(/[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*/gu) ?? []).length;
  totalWords += words;
  out.push(`##### ${i.name} (${words} Nynorsk words)`, cardToText(card), '');
}
out.unshift(`${inputs.length} fact cards, ${totalWords} Nynorsk words in all${shared.skipped ? ` (shared texts skipped: ${shared.skipped})` : ''}.`, '');
mkdirSync(join(root, 'artifacts'), { recursive: true });
writeFileSync(join(root, 'artifacts', 'fact-cards.txt'), out.join('\n'));
console.log(`${inputs.length} cards, ${totalWords} Nynorsk words → artifacts/fact-cards.txt`);
