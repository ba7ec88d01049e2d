/**
 * Every string a user sees in popup, overlay and options, in Nynorsk
 * (moderate newsroom norm). One place, so that one test can check them all
 * for Bokmål forms and so that wording is changed in one place only.
 * Placeholders are written {name} and filled with `fmt`.
 */
export const text = {
  appName: 'Nynorsk-kort',

  // The overlay shell.
  pillTopic: 'Nynorsk-kort · {topic}',
  pillLoading: 'Nynorsk-kort · hentar kortet …',
  pillError: 'Nynorsk-kort · noko gjekk gale',
  pillHint: 'Opne kortet',
  panelLabel: 'Nynorsk-kort for denne artikkelen',
  close: 'Lukk',
  hideForSession: 'Skjul kortet resten av økta',
  hideForSessionHint: 'Du kan slå kortet av for godt i innstillingane.',

  // The card.
  sourceTitleLabel: 'Originaltittel',
  topicLabel: 'Emne',
  topicReasons: 'Kvifor dette emnet?',
  summaryHeading: 'Samandrag',
  faqHeading: 'Vanlege spørsmål',
  factsHeading: 'Fakta',
  keyPointsHeading: 'Hovudpunkt i artikkelen',
  keyPointsNote: 'Sitat frå artikkelen, på engelsk.',
  keyPointEvidence: 'Avsnitt {n}',
  termsHeading: 'Ord og omgrep',
  termsEnglish: 'Engelsk',
  termsNynorsk: 'Nynorsk',
  faqEvidenceOne: 'Byggjer på avsnitt {list} i artikkelen.',
  faqEvidenceMany: 'Byggjer på avsnitta {list} i artikkelen.',
  sourceLabel: 'Kjelde',
  sourceAuthor: 'skriven av {author}',
  sourceLink: 'Les artikkelen',
  newTab: '(opnar i ny fane)',
  engineLabel: 'Laga av',
  engineLibrary: 'Redaksjonen i Nynorsk-kort',
  engineDigest: 'Faktakort (utan språkmodell)',
  engineModel: 'Språkmodell: {model}',
  engineModelUnnamed: 'Språkmodell',
  languageOk: 'Nynorsk-kontrollen fann ingen bokmålsformer',
  languageFlagged: 'Nynorsk-kontrollen fann desse bokmålsformene:',
  languageFlaggedOne: '1 mogleg bokmålsform',
  languageFlaggedMany: '{n} moglege bokmålsformer',
  languageSuggestion: 'på nynorsk:',
  flaggedTip: 'Bokmålsform. Nynorsk: {suggestion}',
  flaggedTipPlain: 'Bokmålsform',

  // "Vis i artikkelen": the paragraphs a key point or an answer rests on.
  showInArticle: 'Vis i artikkelen',
  showParagraph: 'Vis avsnitt {n}',
  showParagraphName: 'Vis avsnitt {n} i artikkelen',
  evidenceShown: 'Avsnitt {n} er markert i artikkelen.',
  evidenceMissing: 'Fann ikkje avsnitt {n} på sida. Sida kan ha endra seg sidan kortet vart laga.',
  noticeLabel: 'Merk',

  // Model cards: writing, streaming, errors.
  modelGenerate: 'Lag nynorsk samandrag',
  modelGenerateHelp: 'Artikkelteksten blir send til {model} for å lage eit samandrag på nynorsk.',
  modelRegenerate: 'Lag på nytt',
  modelCancel: 'Avbryt',
  modelRetry: 'Prøv igjen',
  modelWriting: 'Skriv samandrag med {model} …',
  modelWrittenBy: 'Skrive av {model}, {date}',
  modelErrorTitle: 'Samandraget kunne ikkje lagast',
  modelStageCache: 'Ser etter eit lagra samandrag …',
  modelStageWriting: 'Modellen skriv …',
  modelStagePart: 'Modellen skriv del {part} av {parts} …',
  modelStageCombining: 'Modellen set delane saman …',
  modelStageRepairing: 'Modellen rettar bokmålsformer …',
  modelNotConfigured: 'Ingen språkmodell er vald. Vel ein i innstillingane.',
  modelBadEndpoint: 'Adressa «{endpoint}» er ikkje ei gyldig nettadresse. Rett ho i innstillingane.',
  modelNoPermission: 'Utvidinga har ikkje lov til å nå {origin}. Opne innstillingane, trykk «Test tilkoplinga» og gi lov.',
  modelUnknownError: 'Noko uventa gjekk gale då modellen skulle skrive. Prøv igjen.',
  modelDisconnected: 'Sambandet med utvidinga vart brote før samandraget var ferdig. Trykk «Prøv igjen».',
  modelStalled: 'Modellen har ikkje sendt noko på lenge, så utvidinga gav opp. Trykk «Prøv igjen», eller vel ein mindre modell.',
  modelCancelled: 'Avbrote. Trykk «Prøv igjen» for å lage samandraget likevel.',
  modelPageGone: 'Fann ikkje artikkelen i fana. Last inn sida på nytt og prøv igjen.',
  pillWriting: 'Nynorsk-kort · skriv samandrag …',

  // Status states.
  loading: 'Lagar kortet …',
  loadingFor: 'Lagar kortet for «{title}» …',
  noneTitle: 'Ingen artikkel her',
  noneBody:
    'Nynorsk-kort verkar på artiklar og trådar på spiceworks.com. Opne ein artikkel eller ein tråd der, så viser kortet kva teksten handlar om: emnet, eit samandrag på nynorsk og svar på vanlege spørsmål.',
  nonePrivacy: 'Ingenting frå sida blir sendt nokon stad før du sjølv har valt ein språkmodell.',
  errorTitle: 'Kortet kunne ikkje lagast',
  errorHelp: 'Last inn sida på nytt. Dersom feilen kjem att, sjå innstillingane.',
  openOptions: 'Opne innstillingane',

  // The options page.
  optionsTitle: 'Innstillingar for Nynorsk-kort',
  optionsIntro: 'Her vel du korleis kortet skal visast og kven som lagar det.',
  overlayHeading: 'Kortet på sida',
  overlayIntro: 'Korleis kortet skal visast på artiklar og trådar på spiceworks.com.',
  overlayPill: 'Vis som ein liten knapp',
  overlayPillHelp: 'Ein liten knapp nedst til høgre på sida. Trykk på han for å opne kortet.',
  overlayOpen: 'Opne kortet med ein gong',
  overlayOpenHelp: 'Kortet ligg ope langs høgre kant av sida når artikkelen er lasta.',
  overlayOff: 'Ikkje vis på sida',
  overlayOffHelp: 'Du ser kortet når du trykkjer på knappen i verktøylinja.',
  engineHeading: 'Motor',
  engineBuiltin: 'Berre innebygd',
  engineBuiltinHelp:
    'Korta kjem frå biblioteket som følgjer med utvidinga, eller blir laga som faktakort i nettlesaren. Ingenting av det du les, blir sendt ut av nettlesaren.',
  engineOllama: 'Ollama på denne maskinen',
  engineOllamaHelp: 'Ein modell som køyrer på din eigen maskin. Artikkelen blir ikkje send ut av maskinen.',
  engineOpenai: 'OpenAI-kompatibel teneste',
  engineOpenaiHelp: 'OpenAI, LM Studio, vLLM, llama.cpp server, OpenRouter og liknande. Adressa sluttar som regel på /v1.',
  engineAnthropic: 'Anthropic',
  engineAnthropicHelp: 'Claude-modellane til Anthropic. Krev ein API-nøkkel.',
  modelPrivacy:
    'Med ein språkmodell blir berre teksten i artikkelen (avsnitt, tittel, metadata og emne) send, og berre til adressa du vel her. API-nøkkelen blir lagra berre i denne nettlesaren.',
  endpointLabel: 'Adresse',
  modelLabel: 'Modell',
  modelPick: 'Vel ein modell',
  modelListHint: 'Trykk «Test tilkoplinga» for å hente lista over modellar frå tenaren.',
  apiKeyLabel: 'API-nøkkel',
  apiKeyHint: 'Blir lagra berre i denne nettlesaren og send berre til adressa over.',
  testConnection: 'Test tilkoplinga',
  testing: 'Testar tilkoplinga …',
  permissionDenied: 'Utan lov til å nå {origin} kan ikkje utvidinga bruke modellen. Trykk «Test tilkoplinga» igjen og svar ja.',
  prefsHeading: 'Nynorsken i samandraga',
  prefsIntro: 'Desse vala går inn i instruksane til språkmodellen.',
  infinitiveLabel: 'Infinitiv',
  infinitiveE: 'e-infinitiv (å skrive)',
  infinitiveA: 'a-infinitiv (å skriva)',
  pronounLabel: 'Pronomen',
  pronounMe: 'me',
  pronounVi: 'vi',
  lengthLabel: 'Lengd',
  lengthShort: 'Kort samandrag',
  lengthFull: 'Fyldigare samandrag',
  autoGenerate: 'Lag samandrag med ein gong ein artikkel utan kort blir opna',
  promptLimitLabel: 'Grense for storleiken på førespurnaden (token)',
  promptLimitHelp:
    'Lengre artiklar blir samanfatta i delar som kvar held seg under grensa, og delane blir så sette saman. Set grensa lågare enn konteksten til modellen. Mellom {min} og {max}.',
  cacheHeading: 'Lagra samandrag',
  cacheCount: 'Lagra samandrag: {n}',
  cacheClear: 'Slett alle lagra samandrag',
  cacheCleared: 'Dei lagra samandraga er sletta.',
  saved: 'Innstillinga er lagra.',
  saveFailed: 'Innstillinga vart ikkje lagra: {message}',
  loadFailed: 'Innstillingane kunne ikkje lesast. Du ser standardverdiane.',

  // Added after review: the popup's start that the page refused, the options page's
  // blocked save after a failed read, keys bound to an address, the hidden overlay.
  modelNotStarted: 'Sida kunne ikkje byrje på samandraget. Last inn sida på nytt og prøv igjen.',
  optionsLoadBlocked: 'Innstillingane kunne ikkje lesast, så ingenting blir lagra før dei er lesne. Prøv igjen.',
  optionsRetryLoad: 'Les innstillingane på nytt',
  apiKeyOtherOrigin: 'API-nøkkelen du lagra, høyrer til {origin}. Skriv han inn på nytt for denne adressa.',
  apiKeyInsecure: 'API-nøkkelen blir ikkje send over http til ein annan maskin, berre over ei trygg tilkopling eller til denne maskinen.',
  hiddenForSessionDone: 'Kortet er skjult resten av økta.',
  showParagraphInName: 'Vis i artikkelen: avsnitt {n}',
} as const;

/** A key of `text`: lets components take a string by name. */
export type TextKey = keyof typeof text;

/** Fills {name} placeholders; an unknown placeholder is left as it is. */
export function fmt(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole,
  );
}
