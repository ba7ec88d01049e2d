/**
 * English function words. Left out of sentence similarity (key points) and
 * never taken for names when they open a sentence (named entities).
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also although always am among an and another any are aren around as at be because been before ' +
    'being below between both but by can cannot could did do does doing done down during each either else enough even ever every few for ' +
    'from further get gets getting got had has have having he her here hers herself him himself his how however i if in into is isn it its ' +
    'itself just least less let like made make makes many may maybe me might more most much must my myself neither never no nor not now of ' +
    'off often on once one only or other others otherwise our ours ourselves out over own per perhaps quite rather really same see seen she ' +
    'should since so some still such than that the their theirs them themselves then there therefore these they this those though through ' +
    'thus to too under until up upon us use used uses using very via was we well were what whatever when whenever where whether which while ' +
    'who whom whose why will with within without would yet you your yours yourself yourselves today yesterday tomorrow already across along ' +
    'around back new now says said say'
  ).split(/\s+/),
);
