/**
 * The verdicts of "Test tilkoplinga" on the options page (testConnection in
 * src/core/model/providers): whether the server answered, and what to do
 * about the model, in Nynorsk. Placeholders are filled with `fill`.
 */
export const connectionText = {
  chooseModel: 'Tilkoplinga til {origin} verkar. Vel ein modell: {models}.',
  noModels: 'Tilkoplinga til {origin} verkar, men tenaren har ingen modellar.',
  modelFound: 'Tilkoplinga verkar, og modellen «{model}» finst på {origin}.',
  noModelList: 'Tilkoplinga til {origin} verkar. Tenaren viser ingen modelliste, så modellen «{model}» blir prøvd først når du lagar eit samandrag.',
  modelMissing: 'Tilkoplinga til {origin} verkar, men modellen «{model}» finst ikkje der. Vel ein av desse: {models}.',
} as const;
