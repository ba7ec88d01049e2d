// The extension runs in browsers only: it gets no Node types. @wllama/wllama's
// declarations say `/// <reference types="node" />` without using any Node type;
// tsconfig.json points its typeRoots here so that reference finds this empty file
// instead of @types/node (which would give every extension file `process` and `Buffer`).
export {};
