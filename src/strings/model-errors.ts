/**
 * What the model engine says when it fails (src/core/model/errors.ts makes
 * the ModelError and picks the message): each message says what went wrong
 * and what the user can do, in Nynorsk.
 */

/** The setting Ollama needs to accept the extension's requests (quoted in a message, so here). */
export const OLLAMA_ORIGINS_HINT = 'OLLAMA_ORIGINS=chrome-extension://*,moz-extension://*';

/** Nynorsk message builders, one per kind of ModelError. */
export const modelErrorMessages = {
  badConfig: (endpoint: string) =>
    `Adressa «${endpoint}» er ikkje ei gyldig nettadresse. Skriv ho inn på nytt i innstillingane, til dømes http://localhost:11434.`,
  noConnection: (origin: string) =>
    `Fekk ikkje kontakt med ${origin}. Sjå til at tenaren køyrer, at adressa i innstillingane er rett, og at utvidinga har fått lov til å nå ho.`,
  unauthorized: (status: number) =>
    `Tenaren avviste API-nøkkelen (HTTP ${status}). Sjekk at nøkkelen i innstillingane er rett og har tilgang til modellen.`,
  ollamaOrigin: () =>
    `Ollama avviste førespurnaden frå utvidinga (HTTP 403). Start Ollama på nytt med ${OLLAMA_ORIGINS_HINT}, til dømes «${OLLAMA_ORIGINS_HINT} ollama serve», og prøv igjen.`,
  modelNotFound: (model: string, ollama: boolean) =>
    `Fann ikkje modellen «${model}» på tenaren. Vel ein modell frå lista i innstillingane` +
    (ollama ? `, eller hent han med «ollama pull ${model}».` : '.'),
  rateLimit: () => 'For mange førespurnader (HTTP 429). Vent litt og prøv igjen, eller sjekk kvoten din hos tenesta.',
  contextTooLong: () =>
    'Artikkelen er for lang for modellen. Set ned grensa for storleiken på førespurnaden i innstillingane, eller vel ein modell med større kontekst.',
  server: (status: number) => `Tenaren melde ein feil (HTTP ${status}). Prøv igjen om litt.`,
  badRequest: (status: number) =>
    `Tenaren avviste førespurnaden (HTTP ${status}). Sjekk modellnamnet og adressa i innstillingane.`,
  timeout: (seconds: number) =>
    `Fekk ikkje svar frå modellen innan ${seconds} sekund. Prøv igjen, eller vel ein mindre modell.`,
  cancelled: () => 'Avbrote. Trykk «Lag nynorsk samandrag» for å prøve igjen.',
  invalidAnswer: () =>
    'Modellen gav eit svar som ikkje er eit gyldig kort. Prøv igjen, eller vel ein annan modell.',
  cutOff: () => 'Svaret frå modellen stoppa før det var ferdig. Prøv igjen.',
  answerTooLong: () =>
    'Svaret frå modellen vart mykje lengre enn eit kort skal vere, så det vart stoppa. Modellen held seg truleg ikkje til lengdegrensa. Prøv igjen, eller vel ein annan modell.',
  lengthLimit: () =>
    'Modellen nådde grensa for kor langt svaret kan vere før kortet var ferdig. Prøv igjen, vel «Kort samandrag» i innstillingane, eller vel ein annan modell.',
  answerTooDeep: () =>
    'Svaret frå modellen er ikkje eit kort: det har for mange lag inni kvarandre. Prøv igjen, eller vel ein annan modell.',
};
