/**
 * content-readability.js: Readability, for the article code (./index) to import only when a page's article body
 * cannot be read directly (core/extract/article.ts). Most Spiceworks articles never load it.
 */
import { benchInit } from './bench-hook';

export { readabilityRead } from '../core/extract/readability';

benchInit('initReadability');
