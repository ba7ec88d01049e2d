/**
 * The words the content script says outside the card (the pill, the model
 * job's failures), in their own module so that the pill's script and the article
 * code bundle these and not every string of the product. text.ts includes
 * them: they are part of the one list of strings, and checked with it.
 */
export const pillStrings = {
  appName: 'Nynorsk-kort',
  pillTopic: 'Nynorsk-kort · {topic}',
  pillLoading: 'Nynorsk-kort · hentar kortet …',
  pillError: 'Nynorsk-kort · noko gjekk gale',
  pillHint: 'Opne kortet',
  pillWriting: 'Nynorsk-kort · skriv samandrag …',
} as const;

/** What the model job on the page says when it stops by itself. */
export const jobStrings = {
  modelDisconnected: 'Sambandet med utvidinga vart brote før samandraget var ferdig. Trykk «Prøv igjen».',
  modelStalled: 'Modellen har ikkje sendt noko på lenge, så utvidinga gav opp. Trykk «Prøv igjen», eller vel ein mindre modell.',
} as const;
