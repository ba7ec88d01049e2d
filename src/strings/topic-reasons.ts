/**
 * Why a card has its topic ("Kvifor dette emnet?"), one reason per signal
 * that detectTopic (src/core/topic) found, in Nynorsk. {name} is a name from
 * the page, already between «» and cut short; placeholders are filled with `fill`.
 */
export const topicReasonText = {
  urlSection: '{name} i nettadressa',
  ldSection: 'sida er merkt {name}',
  metaSection: 'bolken {name} i metadata',
  moreOn: 'lenkjeboksen {name}',
  category: 'kategorien {name} i fellesskapet',
  tag: 'merkelappen {name}',
  tags: 'merkelappane {list}',
  crumb: 'brødsmulestigen {name}',
  textWords: 'mellom anna orda {list} i teksten',
  noSignal: 'ingen tydelege signal; teknologibransjen som standard',
  /** A secondary topic, with the first reason for it where there is one: a clause, since the FAQ joins reasons into a sentence. */
  secondary: 'emnet {topic} passar òg',
  secondaryBecause: 'emnet {topic} passar òg ({reason})',
} as const;
