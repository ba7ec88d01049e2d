import { afterAll } from 'vitest';

// Preact runs effects after a paint: requestAnimationFrame raced by a 35 ms timer, which then calls cancelAnimationFrame.
// A timer still pending when a jsdom test file ends fires after jsdom's globals are gone ("cancelAnimationFrame is not
// defined", an uncaught error that fails the run). A later, longer timer fires after it, while the globals still exist.
afterAll(async () => {
  if (typeof window === 'undefined') return;
  await new Promise((resolve) => setTimeout(resolve, 100));
});
