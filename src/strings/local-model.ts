/**
 * What the product says about the on-device model: download errors, memory,
 * loading and deleting, in Nynorsk. Sizes arrive formatted ("808 MB", "0,5"):
 * src/core/local/download.ts formats them and builds LOCAL_MODEL_MESSAGES
 * from these.
 */
export const localModelStrings = {
  noSpace: (need?: string) =>
    need
      ? `Det er ikkje nok plass på disken til modellen. Frigjer minst ${need} og prøv igjen.`
      : 'Det er ikkje nok plass på disken til modellen. Frigjer plass og prøv igjen.',
  noNetwork: (host: string) =>
    `Fekk ikkje kontakt med ${host}. Sjekk nettet og prøv igjen; nedlastinga held fram der ho slapp.`,
  notFound: (host: string) => `Fann ikkje fila på ${host} (feilkode 404). Sjekk adressa.`,
  denied: (host: string, status: number) =>
    `${host} gav ikkje tilgang til fila (feilkode ${status}). Modellen er truleg privat eller låst bak vilkår. Vel ein annan modell.`,
  serverError: (host: string, status: number) =>
    `${host} svarar ikkje som det skal (feilkode ${status}). Prøv igjen seinare; nedlastinga held fram der ho slapp.`,
  httpError: (host: string, status: number) =>
    `${host} avviste førespurnaden (feilkode ${status}). Sjekk adressa og prøv igjen.`,
  /** The host named in those messages when the address has none. */
  someServer: 'tenaren',
  checksum: 'Fila stemmer ikkje med kontrollsummen (sha256), så ho er sletta. Prøv å laste ned på nytt.',
  sizeMismatch: (expected: string, actual: string) =>
    `Fila er ${actual}, men skulle vere ${expected}. Ho er truleg endra på tenaren. Sjekk adressa og prøv igjen.`,
  cancelled: 'Nedlastinga er sett på pause. Når du startar ho att, held ho fram der ho slapp.',
  notGguf: 'Fila på adressa er ikkje ein GGUF-modell. Adressa må peike rett på ei .gguf-fil.',
  storage: 'Nettlesaren klarte ikkje å lagre modellen. Prøv igjen, eller start nettlesaren på nytt.',
  unverified: 'Kontrollsummen (sha256) for denne fila er ukjend, så ho er ikkje kontrollert.',
  tooLittleMemory: (haveGb: string, needGb: string) =>
    `Maskinen din har for lite minne til denne modellen: han har om lag ${haveGb} GB, og modellen treng om lag ${needGb} GB. Vel ein mindre modell.`,
  allocationFailed:
    'Det var ikkje nok ledig minne til å starte modellen. Lukk andre program og prøv igjen, eller vel ein mindre modell.',
  loadFailed: 'Modellen kunne ikkje startast. Fila kan vere øydelagd: slett modellen og last han ned på nytt.',
  notInstalled: 'Modellen er ikkje lasta ned til denne maskinen enno. Last han ned i innstillingane.',
  generationFailed: 'Modellen på maskinen din gav ikkje noko brukbart svar. Prøv igjen.',
  engineStopped: 'Modellen på maskinen din stoppa før svaret var ferdig. Prøv igjen.',
  deleteLabel: (size: string) => `Slett modellen (frigjer ${size})`,
  deleted: (size: string) => `Modellen er sletta, og ${size} er frigjort.`,
  notPersisted:
    'Nettlesaren lovar ikkje å ta vare på modellen. Modellen kan bli sletta om det blir lite plass på disken.',
} as const;
