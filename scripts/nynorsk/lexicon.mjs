// Hand-written Bokmål markers that the dictionary difference misses or
// needs help with: function words and frequent forms (many are absent from
// one dictionary, or valid Nynorsk as some other, rare word), frequent
// IT/news vocabulary with a Nynorsk suggestion, and context rules for forms
// Nynorsk also has as another word. build-data.mjs checks every suggestion
// against the expanded Nynorsk dictionary and fails the build if one is not
// a Nynorsk form.

/** Subject words after which a homograph is read as a Nynorsk verb. */
const SUBJECTS = [
  'eg', 'du', 'han', 'ho', 'vi', 'me', 'de', 'dei', 'det', 'den', 'dette', 'denne', 'som',
  'ein', 'man', 'kven', 'kva', 'ikkje', 'òg', 'også', 'berre', 'ofte', 'no', 'alltid', 'aldri',
  'selskapet', 'systemet', 'verktøyet', 'programmet', 'tenesta', 'brukaren', 'kunden', 'leiinga',
];

/** Words after which `nå` is the Nynorsk verb 'reach' (å nå, kan nå ...). */
const BEFORE_VERB = [
  'å', 'kan', 'kunne', 'vil', 'ville', 'skal', 'skulle', 'må', 'måtte', 'bør', 'burde', 'klarer',
  'klarte', 'prøver', 'prøvde', 'for', 'vanskeleg', 'lett',
];

/**
 * Bokmål form → Nynorsk suggestion. Flagged wherever they stand (lower-case
 * match, also sentence-initial with a capital). Several are Nynorsk
 * homographs of rare words (ble 'bleie', hun 'hunndyr', mye 'mygg'): in
 * running text they are Bokmål far more often than not.
 */
export const LEXICON = {
  // pronouns
  jeg: 'eg', hun: 'ho', dere: 'de', deres: 'deira', noen: 'nokon',
  noe: 'noko', hvem: 'kven', hva: 'kva', hvilken: 'kva for ein', hvilke: 'kva for',
  hvilket: 'kva for eit', hver: 'kvar', hvert: 'kvart',   egen: 'eigen', eget: 'eige', selv: 'sjølv', selve: 'sjølve',
    // adverbs, conjunctions, prepositions
  ikke: 'ikkje', hvordan: 'korleis', hvorfor: 'kvifor', hvor: 'kor', hvis: 'dersom',
  mye: 'mykje', fra: 'frå', uten: 'utan', mens: 'medan', siden: 'sidan',
  innen: 'innan', utenfor: 'utanfor', innenfor: 'innanfor',   allerede: 'allereie', fremdeles: 'framleis',
  fremover: 'framover',   nemlig: 'nemleg', særlig: 'særleg', vanligvis: 'vanlegvis', egentlig: 'eigentleg',
    mer: 'meir', flere: 'fleire', hele: 'heile', helt: 'heilt', samme: 'same',
  sammen: 'saman', sammenheng: 'samanheng', hjem: 'heim', hjemme: 'heime',
    // verbs
  ble: 'vart', være: 'vere', vært: 'vore', gjøre: 'gjere', gjør: 'gjer', gikk: 'gjekk',
  fikk: 'fekk', sier: 'seier', ga: 'gav',   brukere: 'brukarar',
  brukerne: 'brukarane', brukeren: 'brukaren', brukes: 'blir brukt',   forteller: 'fortel', velger: 'vel', valgte: 'valde',
  jobber: 'jobbar', krever: 'krev', kreves: 'krevst',
  øker: 'aukar', øke: 'auke',   // nouns and adjectives frequent in IT and news text
  ansatt: 'tilsett', ansatte: 'tilsette', ansattes: 'tilsette sine', virksomhet: 'verksemd',
  virksomheten: 'verksemda', virksomheter: 'verksemder', virksomhetene: 'verksemdene',
  tjeneste: 'teneste', tjenesten: 'tenesta', tjenester: 'tenester', tjenestene: 'tenestene',
  sikkerhet: 'tryggleik', sikkerheten: 'tryggleiken', mulighet: 'moglegheit',
  muligheten: 'moglegheita', muligheter: 'moglegheiter', mulighetene: 'moglegheitene',
  ledelse: 'leiing', ledelsen: 'leiinga', løsning: 'løysing', løsningen: 'løysinga',
  løsninger: 'løysingar', løsningene: 'løysingane', utvikler: 'utviklar', utviklere: 'utviklarar',
  utviklerne: 'utviklarane', kunder: 'kundar', kundene: 'kundane', trusler: 'truslar',
  truslene: 'truslane',   systemer: 'system', systemene: 'systema', mennesker: 'menneske',
  menneskene: 'menneska', verden: 'verda', fremtid: 'framtid', fremtiden: 'framtida',
  økning: 'auke', økningen: 'auken', mulig: 'mogleg', mulige: 'moglege', vanlig: 'vanleg',
  vanlige: 'vanlege', tydelig: 'tydeleg', viktigste: 'viktigaste', høy: 'høg', høye: 'høge',
  høyt: 'høgt', høyere: 'høgare', lav: 'låg', lave: 'låge', lavt: 'lågt', eksisterende: 'eksisterande',
  ledende: 'leiande', økende: 'aukande', følgende: 'følgjande', nåværende: 'noverande',
  tidligere: 'tidlegare', senere: 'seinare', nylig: 'nyleg', daglig: 'dagleg', åpen: 'open',
  åpne: 'opne', åpner: 'opnar', åpnet: 'opna', åpnes: 'opnast', bilene: 'bilane',
  beslutningen: 'avgjerda', beslutningene: 'avgjerdene', åpent: 'ope', bedre: 'betre',   selskaper: 'selskap', selskapene: 'selskapa', talenter: 'talent', medier: 'medium',
  mediene: 'media', fagfolkene: 'fagfolka', angrepene: 'åtaka',
  arbeidsplasser: 'arbeidsplassar', nettsted: 'nettstad', nettsteder: 'nettstader',
  oppdateringer: 'oppdateringar', endringer: 'endringar',
  endringene: 'endringane', undersøkelse: 'undersøking', undersøkelsen: 'undersøkinga',
  ressurser: 'ressursar',   beslutning: 'avgjerd', beslutninger: 'avgjerder', utfordringer: 'utfordringar',
  utfordringene: 'utfordringane', erfaringer: 'erfaringar',
  påvirke: 'påverke', påvirker: 'påverkar', påvirket: 'påverka',
  påvirkning: 'påverknad', bidro: 'bidrog', måned: 'månad', måneder: 'månader', måneden: 'månaden',
  langsom: 'langsam', imidlertid: 'likevel', sjelden: 'sjeldan', dets: 'dess', solgt: 'selt',
  selge: 'selje', tror: 'trur', holder: 'held', nettsiden: 'nettsida', eierne: 'eigarane',
  leder: 'leiar', lederen: 'leiaren', ledere: 'leiarar', lederne: 'leiarane', følge: 'følgje',
  vanskelig: 'vanskeleg', tilgjengelig: 'tilgjengeleg', umulig: 'umogleg', kommer: 'kjem',
  ligger: 'ligg', sitter: 'sit', finner: 'finn', legger: 'legg', setter: 'set', skrevet: 'skrive',
  funnet: 'funne', tallene: 'tala', uke: 'veke', uker: 'veker', vet: 'veit',
};

/**
 * Forms that are Nynorsk words in some readings and Bokmål in others. A
 * rule flags the form unless the word before it is in `unlessPrev`, or the
 * word after it starts with a capital (`unlessNextCapitalised`, for names
 * such as "de la"). As the last part of a compound they are always flagged.
 */
export const CONTEXT = [
  { form: 'fordeler', suggestion: 'fordelar', why: 'noun plural; Nynorsk verb "fordeler" after a subject', unlessPrev: SUBJECTS },
  { form: 'pakker', suggestion: 'pakkar', why: 'noun plural; Nynorsk verb "pakker" after a subject', unlessPrev: SUBJECTS },
  { form: 'bare', suggestion: 'berre', why: 'adverb "only"; Nynorsk adjective "bare" (naked) after these words', unlessPrev: ['heilt', 'med', 'på', 'nesten', 'står', 'stod', 'ligg', 'låg'] },
  { form: 'nå', suggestion: 'no', why: 'adverb "now"; Nynorsk verb "nå" after å or a modal', unlessPrev: BEFORE_VERB },
  { form: 'et', suggestion: 'eit', why: 'article; Nynorsk verb "et" (eats) after a subject; Latin "et al."', unlessPrev: SUBJECTS, unlessNext: ['al'] },
  { form: 'da', suggestion: 'då', why: 'Bokmål "da"; also in names (da Vinci)', unlessNextCapitalised: true },
  { form: 'man', suggestion: 'ein', why: 'pronoun "man"; Nynorsk noun "man" (mane) is rare; English man-in-the-middle', unlessNextCapitalised: true },
  { form: 'en', suggestion: 'ein', why: 'article; also English and French "en"', unlessNextCapitalised: true },
  { form: 'se', suggestion: 'sjå', why: 'verb "see"; Nynorsk has only sjå, but "se" is also a Latin/French word in names and quotes: flagged only as a verb, after å or a modal', onlyPrev: ['å', 'kan', 'kunne', 'vil', 'ville', 'skal', 'skulle', 'må', 'måtte', 'bør', 'burde', 'får', 'fekk'] },
  { form: 'de', suggestion: 'dei', why: 'pronoun "they"; Nynorsk "de" is "you" (plural), rare in news; also "de" in names', unlessNextCapitalised: true },
];

/** Capitalised Bokmål names of things with a Nynorsk form (matched case-sensitively). */
export const CASED = { Norge: 'Noreg' };

/**
 * Lexicon forms that the Nynorsk dictionary also lists, as rare other words
 * or old forms; flagged anyway because in running text they are Bokmål.
 */
export const HOMOGRAPHS = [
  'ble', 'hun', 'mye', 'ikke', 'uten', 'mens', 'siden', 'hele', 'helt', 'gikk', 'fikk', 'egen',
  'høy', 'høye', 'lav', 'lave', 'lavt', 'ledelse', 'mulig', 'mulige', 'vanlig', 'vanlige',
  'vanligvis', 'tydelig', 'nylig', 'nemlig', 'daglig', 'verden', 'bilene', 'gjør',
  // frequent in news text, and in dictionary-nn only as rare or old side forms
  'vanskelig', 'tilgjengelig', 'umulig', 'kommer', 'ligger', 'sitter', 'finner', 'legger', 'setter',
  'skrevet', 'funnet', 'tallene', 'uke', 'vet', 'leder',
];
