/**
 * The grammar the fact card's templates used to get wrong (issue 10), checked
 * on every card the repo's pages give: agreement of participles with their
 * nouns, one "og" per list, numbers under ten in words, and threads that are
 * called threads.
 */
import { describe, expect, it } from 'vitest';
import { buildDigestCard } from '../../../src/core/digest/index';
import { makeArticle, makeTopic } from '../../factories/article';
import { loadFixtureInputs, nynorskStrings } from '../../../support/digest/shared';

// The pages through the pipeline once (seconds); the cards are built inside each test, where a mutant of the digest is active.
const inputs = loadFixtureInputs();
const fixtureCards = () => inputs.map((i) => ({ name: i.name, kind: i.article.kind, card: buildDigestCard(i.article, i.topic) }));
const sentences = (s: string) => s.split(/(?<=[.!?»])\s+(?=[A-ZÆØÅ«])/u);

describe('template grammar on every fixture card', () => {
  it('has cards to check, threads among them', () => {
    const cards = fixtureCards();
    expect(cards.length).toBeGreaterThan(20);
    expect(cards.filter((c) => c.kind === 'thread').length).toBeGreaterThanOrEqual(3);
  });

  it('lists names as "Blant <group> som blir nemnde, er ...", the group in the definite plural', () => {
    const cards = fixtureCards();
    let checked = 0;
    for (const { name, card } of cards) {
      for (const item of card.faq.filter((f) => /^Kven og kva nemner/.test(f.q))) {
        for (const s of sentences(item.a)) {
          checked++;
          expect(s, name).toMatch(/^Blant (?:personane|verksemdene og organisasjonane|produkta og tenestene|programmeringsspråka|standardane) som blir nemnde, er .+\.$/);
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('says "siterte" of several key sentences and "sitert" of one', () => {
    const cards = fixtureCards();
    for (const { name, card } of cards) {
      const s = card.summary.find((p) => p.includes('«Hovudpunkt»'));
      if (!s) continue;
      if ((card.keyPoints?.length ?? 0) > 1) expect(s, name).toMatch(/setningane frå \S+, siterte på engelsk/);
      else expect(s, name).toMatch(/setninga frå \S+, sitert på engelsk/);
    }
  });

  it('never joins lists of lists: at most one "og" in each sentence that lists names or figures', () => {
    const cards = fixtureCards();
    for (const { name, card } of cards) {
      for (const item of card.faq.filter((f) => /^Kven og kva nemner/.test(f.q))) {
        for (const s of sentences(item.a)) {
          const names = s.replace(/^.*?, er /, '');
          expect(names.split(' og ').length - 1, `${name}: ${s}`).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it('writes counts under ten in words in running text', () => {
    const cards = fixtureCards();
    for (const { name, card } of cards) {
      for (const s of nynorskStrings(card)) expect(s, name).not.toMatch(/(?<![\d.,\u00a0-])[1-9]\s+(?:minutt|ord|svar|setningar|avsnitta)\b/);
    }
  });

  it('calls a thread "tråden", never "artikkelen", and an article never "tråden"', () => {
    const cards = fixtureCards();
    for (const { name, kind, card } of cards) {
      const text = [...card.summary, ...card.faq.flatMap((f) => [f.q, f.a])].join(' ');
      if (kind === 'thread') expect(text, name).not.toMatch(/artikkel/i);
      else expect(text, name).not.toMatch(/\btråd(?:en|ar|ane)?\b/i);
    }
  });

  it('asks questions about the subject first, and questions about the text only to reach three', () => {
    const cards = fixtureCards();
    for (const { name, card } of cards) {
      const aboutText = card.faq.findIndex((f) => /^(Når vart|Kven skreiv|Kven starta|Kvifor er .* merkt|Kor lang|Kvar kan eg)/.test(f.q));
      if (aboutText >= 0) expect(aboutText, `${name}: ${card.faq.map((f) => f.q).join(' | ')}`).toBeGreaterThanOrEqual(card.faq.length - 2);
    }
  });
});

describe('template grammar in the small', () => {
  it('answers "Kven og kva nemner ..." with each kind in its own sentence', () => {
    const a = makeArticle({
      paragraphs: [
        'Microsoft said on Tuesday that it will retire the old reporting service for Windows at the end of the year.',
        'Jane Holm, an analyst at Gartner, said most customers had already moved to Intune and Azure.',
      ],
    });
    const who = buildDigestCard(a, makeTopic()).faq.find((f) => f.q === 'Kven og kva nemner artikkelen?');
    expect(who?.a).toBe(
      'Blant personane som blir nemnde, er Jane Holm. Blant verksemdene og organisasjonane som blir nemnde, er Microsoft og Gartner. Blant produkta og tenestene som blir nemnde, er Windows, Intune og Azure.',
    );
  });

  it('keeps figures out of the FAQ (a number there loses what it counts) and in their own section', () => {
    const a = makeArticle({
      paragraphs: ['About 30% of the users asked said they reach the service over the new protocol, and 90% of the phone traffic does so already.'],
    });
    const card = buildDigestCard(a, makeTopic());
    expect(card.faq.some((f) => /\btal\b/i.test(f.q))).toBe(false);
    expect(card.figures?.map((x) => x.value)).toEqual(['om lag 30 prosent og 90 prosent']);
  });

  it('names the one name a text keeps coming back to, counted in words, only when it runs through a third of it', () => {
    const filler = 'The team met again on Friday to go through the remaining items on the list.';
    const about = [
      'Nortex said on Monday that its network upgrade was still on plan.',
      'Engineers at Nortex replaced the core routers in two data centres over the weekend.',
      'The upgrade at Nortex should cut the time customers wait for support, the firm said.',
      'Customers of Nortex were told to expect short breaks in service during the night.',
      'A spokesperson for Nortex said the costs had not grown since the spring.',
      'Nortex will publish a full report on the work when it is done.',
      'Staff at Nortex have been asked to test the new links before the launch.',
      'Nortex expects the last sites to move over by the end of the year.',
      'The board of Nortex approved the budget for the project in March.',
    ];
    const naming = (k: number) => makeArticle({ paragraphs: Array.from({ length: 9 }, (_, i) => (i < k ? (about[i] as string) : filler)) });
    expect(buildDigestCard(naming(5), makeTopic()).summary[0]).toContain('Nortex går att i fem av dei ni avsnitta.');
    expect(buildDigestCard(naming(9), makeTopic()).summary[0]).toContain('Nortex går att i alle avsnitta.');
    expect(buildDigestCard(naming(2), makeTopic()).summary[0]).not.toContain('går att');
  });

  it('puts the date first when two authors already take an "og", so the names close the sentence, and does not list the author or a version twice among the names', () => {
    const a = makeArticle({
      author: 'Maria Alvarez og Kenji Watanabe',
      published: '2025-10-22',
      paragraphs: [
        'Kenji Watanabe, a network engineer, said that TLS 1.3 is now the default on most of the servers he runs.',
        'Older clients that speak only TLS fail, and Microsoft has asked customers to update them.',
        'Google and Cloudflare said the share of TLS 1.3 traffic keeps growing every month.',
      ],
    });
    const card = buildDigestCard(a, makeTopic());
    expect(card.summary[1]).toMatch(/^Artikkelen vart publisert 22\. oktober 2025 og er skriven av Maria Alvarez og Kenji Watanabe\./);
    const names = card.summary.find((p) => /nemner/.test(p)) ?? '';
    expect(names).not.toContain('Kenji Watanabe');
    expect(names.match(/\bTLS\b/g)?.length ?? 0).toBeLessThanOrEqual(1);
  });

  it('says "mellom anna" of the names in the summary: they are found by rule and may not be all', () => {
    const a = makeArticle({
      paragraphs: ['The office runs Windows, Outlook, Teams, SharePoint, Excel and PowerShell on every machine, and the staff use them daily.'],
    });
    expect(buildDigestCard(a, makeTopic()).summary.find((p) => /nemner/.test(p))).toBe('Artikkelen nemner mellom anna Windows, Outlook, Teams og SharePoint.');
  });

  it('quotes a term as the text writes it: «DNS» with the long form in brackets, when the text never spells it out', () => {
    const a = makeArticle({ paragraphs: ['A fault in DNS records left the service unreachable for hours, and the VPN gateways failed too.'] });
    const terms = buildDigestCard(a, makeTopic()).faq.find((f) => /fagorda/.test(f.q));
    expect(terms?.a).toContain('«DNS» (domain name system, domenenamnsystem)');
    expect(terms?.a).toContain('«VPN» (virtual private network, virtuelt privat nett)');
    const spelled = makeArticle({ paragraphs: ['The domain name system, or DNS, maps names to addresses for every device on the network.'] });
    expect(buildDigestCard(spelled, makeTopic()).faq.find((f) => /fagorda/.test(f.q))?.a).toContain('«domain name system» (domenenamnsystem)');
  });
});
