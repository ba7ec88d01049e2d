/** The curated cards shipped with the extension. Add a file in assets/library/ and list it here. */
import metaAiWorkforce from '../../assets/library/meta-ai-workforce.json';
import { isLibraryEntry, type LibraryEntry } from './library';

const files: unknown[] = [metaAiWorkforce];

/** Every well-formed entry; a malformed file is left out here and fails tests/core/library.test.ts ("loads every library file as a well-formed entry"). */
export const LIBRARY: LibraryEntry[] = files.filter(isLibraryEntry);
export const LIBRARY_FILE_COUNT = files.length;
