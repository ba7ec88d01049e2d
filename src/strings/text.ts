/**
 * The strings a user sees in popup and overlay (and, shared with them, on
 * the options page), in Nynorsk (moderate newsroom norm), in one object so
 * that wording is changed in one place. The product's other words are beside
 * this file in src/strings: options-text.ts (the options page's own, kept out
 * of the card's and the popup's code), content-strings.ts (the pill's
 * and the model job's, included below), card-templates.json (the card's
 * errors, the CLI's messages), digest-templates.json (the fact card),
 * model-errors.ts (the model's errors), model-connection.ts (the verdicts
 * of "Test tilkoplinga"), topic-reasons.ts (why a card has its topic) and
 * local-model.ts (the on-device model's messages).
 * Placeholders are written {name} and filled with `fill` (src/core/template.ts), which checks them against each literal string.
 */

import { jobStrings, pillStrings } from './content-strings';

export const text = {
  ...pillStrings,
  ...jobStrings,

  // The overlay shell.
  panelLabel: 'Nynorsk-kort for denne sida',
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
  keyPointsHeading: 'Hovudpunkt',
  keyPointsNote: 'Setningane er siterte på engelsk frå originalteksten.',
  figuresHeading: 'Tal frå teksten',
  figuresNote: 'Kvart tal står med den engelske setninga det kjem frå.',
  keyPointEvidence: 'Avsnitt {n}',
  termsHeading: 'Ord og omgrep',
  termsEnglish: 'Engelsk',
  termsNynorsk: 'Nynorsk',
  /** {list}: "2", "2 og 4" (avsnitt, not "avsnitta", before numbers). */
  faqEvidence: 'Byggjer på avsnitt {list}.',
  sourceLabel: 'Kjelde',
  sourceAuthor: 'skriven av {author}',
  sourceLink: 'Les originalen',
  newTab: '(opnar i ny fane)',
  engineLabel: 'Laga av',
  engineLibrary: 'Redaksjonen i Nynorsk-kort',
  engineDigest: 'Faktakort (utan språkmodell)',
  engineModel: 'Språkmodell: {model}',
  engineModelUnnamed: 'Språkmodell',
  engineLocal: 'Språkmodell på maskinen din: {model}',
  engineLocalUnnamed: 'Språkmodell på maskinen din',
  languageOk: 'Nynorsk-kontrollen fann ingen bokmålsformer',
  languageFlagged: 'Nynorsk-kontrollen fann desse bokmålsformene:',
  languageFlaggedOne: 'éi mogleg bokmålsform',
  languageFlaggedMany: '{n} moglege bokmålsformer',
  languageSuggestion: 'på nynorsk:',
  flaggedTip: 'Bokmålsform. Nynorsk: {suggestion}',
  flaggedTipPlain: 'Bokmålsform',

  // "Vis i teksten": the paragraphs a key point or an answer rests on (an article's or a thread's).
  showInArticle: 'Vis i teksten',
  showParagraph: 'Vis avsnitt {n}',
  showParagraphName: 'Vis avsnitt {n} i teksten',
  evidenceShown: 'Avsnitt {n} er markert i teksten.',
  evidenceMissing: 'Fann ikkje avsnitt {n} på sida. Sida kan ha endra seg sidan kortet vart laga.',
  noticeLabel: 'Merk',

  // Model cards: writing, streaming, errors.
  modelGenerate: 'Lag nynorsk samandrag',
  modelGenerateHelp: 'Teksten på sida blir send til {model}, som lagar eit samandrag på nynorsk.',
  modelRegenerate: 'Lag på nytt',
  modelCancel: 'Avbryt',
  modelRetry: 'Prøv igjen',
  modelWriting: '{model} skriv samandraget …',
  modelWrittenBy: 'Skrive av {model}, {date}',
  modelErrorTitle: 'Samandraget kunne ikkje lagast',
  modelStageCache: 'Ser etter eit lagra samandrag …',
  modelStageWriting: 'Modellen skriv …',
  modelStagePart: 'Modellen skriv del {part} av {parts} …',
  modelStageCombining: 'Modellen set delane saman …',
  modelStageRepairing: 'Modellen rettar bokmålsformer …',
  modelNotConfigured: 'Ingen språkmodell er vald. Vel ein i innstillingane.',
  modelBadEndpoint: 'Adressa «{endpoint}» er ikkje ei gyldig nettadresse. Rett ho i innstillingane.',
  modelNoPermission: 'Utvidinga har ikkje lov til å nå {origin}. Opne innstillingane, trykk «Test tilkoplinga» og gje lov.',
  modelUnknownError: 'Noko uventa gjekk gale då modellen skulle skrive. Prøv igjen.',
  modelCancelled: 'Avbrote. Trykk «Prøv igjen» for å lage samandraget likevel.',
  modelPageGone: 'Fann ikkje teksten i fana. Last inn sida på nytt og prøv igjen.',

  // Status states.
  loading: 'Lagar kortet …',
  loadingFor: 'Lagar kortet for «{title}» …',
  noneTitle: 'Ingen artikkel her',
  noneBody:
    'Nynorsk-kort er laga for artiklar og trådar på spiceworks.com. Opne ein artikkel eller ein tråd der, så viser kortet kva teksten handlar om: emnet, eit samandrag på nynorsk og svar på vanlege spørsmål.',
  nonePrivacy: 'Ingenting frå sida blir sendt nokon stad før du sjølv har valt ein språkmodell.',
  errorTitle: 'Kortet kunne ikkje lagast',
  errorHelp: 'Last inn sida på nytt. Dersom feilen kjem att, sjå innstillingane.',
  openOptions: 'Opne innstillingane',

  // The options page.
  saved: 'Innstillinga er lagra.',
  loadFailed: 'Innstillingane kunne ikkje lesast. Du ser standardverdiane.',

  // Added after review: the popup's start that the page refused, the options page's
  // blocked save after a failed read, keys bound to an address, the hidden overlay.
  modelNotStarted: 'Klarte ikkje å setje i gang samandraget frå sida. Last inn sida på nytt og prøv igjen.',
  hiddenForSessionDone: 'Kortet er skjult resten av økta.',
  showParagraphInName: 'Vis i teksten: avsnitt {n}',
  // The on-device model (options page and status line).
  localStageLoading: 'Startar språkmodellen på maskinen din …',
  localStageReading: 'Modellen les teksten …',
  localGenerateHelp: 'Språkmodellen {model} skriv samandraget på maskinen din. Ingenting blir sendt nokon stad.',
  /** {rate}: a counted noun ("12 ordbitar", "tre ordbitar", "éin ordbit"). */
  localRate: '({rate} i sekundet, {left} att)',
  /** Seconds left, rounded to five: {seconds} is a number of ten or more, or the word "fem". */
  localSecondsLeft: 'om lag {seconds} sekund',
  localEngineMissing: 'Språkmodellen på maskinen din kan ikkje køyre i denne nettlesaren.',

  // Issue 15: copy and export, feedback, recent cards, shortcuts, listing badges.
  cardActionsLabel: 'Handlingar for kortet',
  copyCard: 'Kopier kortet',
  copyMore: 'Fleire format',
  copyMarkdown: 'Kopier som Markdown',
  copyHtml: 'Kopier som HTML (til e-post og wiki)',
  copiedText: 'Kortet er kopiert som tekst.',
  copiedMarkdown: 'Kortet er kopiert som Markdown.',
  copiedHtml: 'Kortet er kopiert som HTML.',
  copyBlocked: 'Sida let ikkje utvidinga kopiere teksten. Han er merkt i feltet nedanfor: kopier han sjølv med Ctrl+C (⌘C på Mac).',
  copyFallbackLabel: 'Kortet som tekst',
  exportOrigin: 'Kortet er laga med Nynorsk-kort ut frå «{title}» på {site}.',
  exportQuoted: 'Hovudpunkta og tala er siterte på engelsk frå originalteksten.',
  exportQuotedPoints: 'Hovudpunkta er siterte på engelsk frå originalteksten.',
  exportQuotedFigures: 'Tala står med dei engelske setningane dei kjem frå.',
  feedbackOpen: 'Noko gale i kortet?',
  feedbackLegend: 'Kva er gale?',
  feedbackFact: 'Feil fakta',
  feedbackNynorsk: 'Dårleg nynorsk',
  feedbackOther: 'Anna',
  feedbackNoteLabel: 'Kva bør rettast? (valfritt)',
  feedbackPrivacy:
    'Tilbakemeldinga blir lagra berre i denne nettlesaren, saman med kortet og adressa til sida. Ingenting blir sendt nokon stad. I innstillingane kan du hente lista ut som JSON.',
  feedbackSave: 'Lagre tilbakemeldinga',
  feedbackCancel: 'Avbryt',
  feedbackSaved: 'Takk! Tilbakemeldinga er lagra i nettlesaren.',
  feedbackFailed: 'Tilbakemeldinga vart ikkje lagra. Prøv igjen.',
  recentHeading: 'Sist opna kort',
  recentEmpty: 'Ingen kort enno. Korta du opnar på spiceworks.com, kjem opp her.',
  recentClear: 'Slett lista',
  recentCleared: 'Lista er sletta.',
  recentOpened: 'opna {date}',
  shortcutAction: 'Opne Nynorsk-kort i verktøylinja',
  shortcutToggle: 'Opne eller lukk kortet på sida',
  shortcutGenerate: 'Lag nynorsk samandrag',
  listingBadge: 'Det finst eit Nynorsk-kort for denne lenkja',
} as const;

/** A key of `text`: lets components take a string by name. */
export type TextKey = keyof typeof text;
