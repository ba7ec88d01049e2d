/** A card as plain text, for the command-line tool and the demo: the same converter as "Kopier kortet" (src/ui/card-export.ts). */
export { cardToText } from '../ui/card-export';
