/**
 * Preview page for scripts/ui-preview.mjs: renders one UI view, chosen by
 * location.hash, with sample data written for the preview (not real
 * articles). Uses the real components, the real overlay factory and the
 * real popup/options apps with an in-memory browser stand-in.
 */
import { render } from 'preact';
import type { Article, Card, CardState } from '../../src/core/types';
import { buildDigestCard } from '../../src/core/digest/index';
import { createOverlay } from '../../src/content/overlay';
import { OptionsApp } from '../../src/options/OptionsApp';
import { PopupApp } from '../../src/popup/PopupApp';
import { markListing } from '../../src/content/listing-badges';
import { recognisePage } from '../../src/core/recognise';
import { text } from '../../src/strings/text';
import { DEFAULT_SETTINGS } from '../../src/settings';
import cardCss from '../../src/ui/card.css';
import themeCss from '../../src/ui/theme.css';
import pageCss from '../../src/ui/page.css';
import modelCss from '../../src/ui/model.css';

const libraryCard: Card = {
  url: 'https://www.spiceworks.com/tech/cloud/news/eit-tenkt-døme/',
  title: 'Kommunar flyttar e-posten til skya, men held nøklane sjølve',
  sourceTitle: 'Municipalities Move Email to the Cloud but Keep Their Own Keys',
  topic: {
    id: 'cloud',
    label: 'Skytenester',
    confidence: 0.86,
    reasons: ['Adressa ligg under /tech/cloud/.', 'Artikkelen nemner skylagring og kryptering fleire gonger.'],
  },
  summary: [
    'Fleire kommunar har flytta e-posten sin til ei skyteneste i år. Dei vil spare drift, men krev at krypteringsnøklane blir verande hos kommunen.',
    'Leverandøren tilbyr no eigne nøklar som standard. Kritikarar meiner likevel at avtalane gjev leverandøren for mykje innsyn i metadata.',
  ],
  faq: [
    { q: 'Kva har kommunane gjort?', a: 'Dei har flytta e-posten frå eigne tenarar til ei skyteneste, men styrer krypteringsnøklane sjølve.', evidence: [0, 1] },
    { q: 'Kvifor held dei på nøklane?', a: 'Dei vil at leverandøren ikkje skal kunne lese innhaldet i e-posten utan løyve.', evidence: [2] },
    { q: 'Kva meiner kritikarane?', a: 'Dei peikar på at metadata, til dømes kven som skriv til kven, framleis er synlege for leverandøren.', evidence: [4] },
    { q: 'Kva skjer vidare?', a: 'Fleire kommunar ventar på ei ny rettleiing før dei bestemmer seg.', evidence: [5] },
  ],
  source: { site: 'Spiceworks', url: 'https://www.spiceworks.com/tech/cloud/news/eit-tenkt-døme/', author: 'Kari Nordmann', published: '2024-04-03' },
  engine: { kind: 'library' },
  language: { lang: 'nn', bokmalForms: [] },
  createdAt: '2024-04-04T10:00:00Z',
};

/** The fact card as the extension makes it, from an article written for the preview. */
const digestArticle: Article = {
  url: 'https://www.spiceworks.com/tech/cloud/news/municipalities-move-email-to-the-cloud/',
  canonicalUrl: 'https://www.spiceworks.com/tech/cloud/news/municipalities-move-email-to-the-cloud/',
  kind: 'article',
  title: 'Municipalities Move Email to the Cloud but Keep Their Own Keys',
  author: 'Kari Nordmann',
  published: '2024-04-03',
  section: 'cloud',
  contentType: 'news',
  tags: [],
  breadcrumbs: [],
  jsonLd: { types: [], sections: [], keywords: [] },
  meta: {},
  paragraphs: [
    'Several municipalities moved their email to a cloud service this year, and Microsoft says more will follow before the summer.',
    'The councils want to spend less on running their own servers, but they insist that the encryption keys stay with the municipality.',
    'About 40% of the councils asked in a survey said that key management was the main reason they had waited so long.',
    'Microsoft now offers customer-held keys as a standard option in its cloud service for public bodies.',
    'Critics say the contracts still expose metadata to the provider, such as who writes to whom and when.',
    'Several councils are waiting for new guidance from the data protection authority before they decide.',
  ],
};
const digestCard: Card = buildDigestCard(
  digestArticle,
  { id: 'cloud', label: 'skytenester', confidence: 0.8, secondary: [], reasons: ['URL-bolken cloud'] },
  { now: new Date('2024-04-04T10:00:00Z') },
);

const states: Record<string, CardState> = {
  ready: { status: 'ready', url: libraryCard.url, card: libraryCard },
  digest: { status: 'ready', url: digestCard.url, card: digestCard },
  loading: { status: 'loading', url: libraryCard.url, title: libraryCard.sourceTitle },
  none: { status: 'none' },
  error: { status: 'error', url: libraryCard.url, message: 'Bakgrunnstenesta svarte ikkje.' },
};

/** A calm stand-in for a Spiceworks article page, to judge what the overlay covers. */
function FakeArticle() {
  const para =
    'Lorem ipsum dolor sit amet, consectetur adipiscing elit. Integer posuere erat a ante venenatis dapibus posuere velit aliquet. Donec sed odio dui, cras mattis consectetur purus sit amet fermentum. Nullam quis risus eget urna mollis ornare vel eu leo.';
  return (
    <div style="font: 18px/1.6 Georgia, serif; color: #222; background: #fff; min-height: 100vh;">
      <div style="background:#2b2b2b;color:#fff;padding:14px 24px;font:700 18px system-ui">spiceworks (førehandsvising)</div>
      <main style="max-width: 720px; margin: 32px auto; padding: 0 20px;">
        <h1 style="font: 700 34px/1.2 system-ui; margin: 0 0 16px;">Municipalities Move Email to the Cloud but Keep Their Own Keys</h1>
        {Array.from({ length: 8 }, (_, i) => (
          <p key={i}>{para}</p>
        ))}
      </main>
    </div>
  );
}

type Area = Record<string, unknown>;
const pick = (area: Area, keys: string | string[]) => Object.fromEntries((Array.isArray(keys) ? keys : [keys]).filter((k) => k in area).map((k) => [k, area[k]]));
function fakeBrowser(session: Area, local: Area) {
  return {
    tabs: { query: async () => [{ id: 1 }], create: async () => undefined },
    commands: {
      getAll: async () => [
        { name: '_execute_action', shortcut: 'Alt+Shift+N' },
        { name: 'toggle-card', shortcut: 'Alt+Shift+K' },
        { name: 'generate-summary', shortcut: 'Alt+Shift+L' },
      ],
    },
    storage: {
      session: { get: async (k: string) => pick(session, k) },
      local: {
        get: async (k: string | string[]) => pick(local, k),
        set: async (items: Area) => void Object.assign(local, items),
      },
      onChanged: { addListener() {}, removeListener() {} },
    },
    runtime: { openOptionsPage: async () => undefined, sendMessage: async () => ({ ok: true }) },
  };
}

/** Recently opened cards for the preview (our own titles). */
const recent = [
  { url: 'https://www.spiceworks.com/tech/cloud/news/kommunar-flyttar-e-posten/', key: 'a:kommunar-flyttar-e-posten', title: libraryCard.title, topic: { id: 'cloud', label: 'Skytenester' }, openedAt: '2024-04-04T10:00:00Z' },
  { url: 'https://www.spiceworks.com/tech/it-security/news/passord-i-klartekst/', key: 'a:passord-i-klartekst', title: 'Passord i klartekst låg ope i fleire veker', topic: { id: 'security', label: 'IT-tryggleik' }, openedAt: '2024-04-02T08:30:00Z' },
  { url: 'https://community.spiceworks.com/t/skrivar-som-ikkje-vil/123', key: 't:123', title: 'Skrivaren som ikkje vil skrive ut frå fjernskrivebordet', topic: { id: 'hardware', label: 'Maskinvare' }, openedAt: '2024-03-28T14:10:00Z' },
];

/** A stand-in Spiceworks listing, with the badges the content script adds. */
function FakeListing() {
  const items = [
    [recent[0]!.url, libraryCard.sourceTitle],
    ['https://www.spiceworks.com/tech/cloud/news/an-article-nobody-opened/', 'Cloud Costs Keep Rising for Mid-Size Firms'],
    [recent[1]!.url, 'Plaintext Passwords Exposed for Weeks'],
  ];
  return (
    <div style="font: 16px/1.5 system-ui; color: #222; background: #fff; min-height: 100vh;">
      <div style="background:#2b2b2b;color:#fff;padding:14px 24px;font:700 18px system-ui">spiceworks (førehandsvising)</div>
      <main style="max-width: 720px; margin: 24px auto; padding: 0 20px;">
        <h1 style="font: 700 28px/1.2 system-ui">Cloud</h1>
        <ul style="padding:0;list-style:none">
          {items.map(([href, title]) => (
            <li key={href} style="padding:10px 0;border-bottom:1px solid #ddd">
              <a href={href} style="color:#0b57a4;font-weight:600;text-decoration:none">
                {title}
              </a>
            </li>
          ))}
        </ul>
      </main>
    </div>
  );
}

function addStyle(css: string) {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.appendChild(style);
}

const [kind = 'popup', name = 'ready'] = location.hash.slice(1).split('-');
const root = document.getElementById('app')!;

if (kind === 'overlay') {
  // #overlay-open-ready, #overlay-pill-loading ...
  const [, mode = 'open', which = 'ready'] = location.hash.slice(1).split('-');
  document.body.style.margin = '0';
  render(<FakeArticle />, root);
  const overlay = createOverlay(document, { loadPanel: () => import('../../src/content/panel') });
  overlay.render(states[which] ?? states.ready!, {
    onHideForSession: () => console.log('hide-for-session'),
    onOpenOptions: () => console.log('options'),
  });
  if (mode === 'open') void overlay.open('setting');
} else if (kind === 'listing') {
  document.body.style.margin = '0';
  render(<FakeListing />, root);
  void markListing(document, async () => ({ keys: recent.map((r) => r.key), label: text.listingBadge }), recognisePage);
} else if (kind === 'options') {
  // The stylesheets options.html links, in its order.
  addStyle(themeCss + cardCss + modelCss + pageCss);
  document.documentElement.className = 'nk-theme';
  const feedback = [{ kind: 'nynorsk', note: 'Ordet «ekspertane» bør vere «fagfolka».', url: libraryCard.url, card: libraryCard, createdAt: '2024-04-05T09:00:00Z' }];
  // #options-badkey: a model engine whose endpoint is not a web address yet (the key field waits for one).
  const settings =
    name === 'badkey'
      ? { ...DEFAULT_SETTINGS, engine: 'openai', providers: { ...DEFAULT_SETTINGS.providers, openai: { endpoint: 'api.openai.com/v1', model: '' } } }
      : { version: 1, overlay: 'pill' };
  render(<OptionsApp browser={fakeBrowser({}, { settings, feedback })} />, root);
} else {
  // The sheets popup.html links (as pages.css), in their order.
  addStyle(themeCss + cardCss + modelCss + pageCss);
  document.documentElement.className = 'nk-theme';
  const state = states[name];
  // #popup-<state>-blocked: a page that refuses the clipboard (the fallback field).
  if (location.hash.endsWith('-blocked'))
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('blocked', 'NotAllowedError')) } });
  render(<PopupApp browser={fakeBrowser(state ? { 'tab:1': state } : {}, { recent })} search="?tab=1" />, root);
}
