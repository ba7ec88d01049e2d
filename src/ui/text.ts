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
  and: 'og',
  sourceLabel: 'Kjelde',
  sourceAuthor: 'skriven av {author}',
  sourceLink: 'Les artikkelen',
  newTab: '(opnar i ny fane)',
  engineLabel: 'Laga av',
  engineLibrary: 'Kuratert kort',
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

  // Status states.
  loading: 'Lagar kortet …',
  loadingFor: 'Lagar kortet for «{title}» …',
  noneTitle: 'Ingen artikkel her',
  noneBody:
    'Nynorsk-kort verkar på artiklar og trådar på spiceworks.com. Opne ein artikkel eller ein tråd der, så viser kortet kva teksten handlar om: emnet, eit samandrag på nynorsk og svar på vanlege spørsmål.',
  nonePrivacy: 'Det du les, blir verande i nettlesaren.',
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
  engineLater: 'Språkmodellar, til dømes ein modell på din eigen maskin, kjem i ein seinare versjon.',
  saved: 'Innstillinga er lagra.',
  saveFailed: 'Innstillinga vart ikkje lagra: {message}',
  loadFailed: 'Innstillingane kunne ikkje lesast. Du ser standardverdiane.',
} as const;

/** A key of `text`: lets components take a string by name. */
export type TextKey = keyof typeof text;

/** Fills {name} placeholders; an unknown placeholder is left as it is. */
export function fmt(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole,
  );
}
