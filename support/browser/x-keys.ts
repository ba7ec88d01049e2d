/**
 * Real key presses for the browser's own shortcuts. A driver's key events
 * (CDP in Chromium, WebDriver BiDi in Firefox) go to the page and never reach
 * the browser's shortcut handling, so `commands` cannot be tested with them.
 * Here the browser runs headed on a virtual X display (Xvfb) and xdotool
 * presses the keys through the X server, as a keyboard does.
 * Needs Debian's `xvfb` and `xdotool`; without them `startDisplay` returns
 * null (in CI it throws: every browser test must run there).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

export type XDisplay = {
  /** ":<n>", for the browser's DISPLAY. */
  display: string;
  env: NodeJS.ProcessEnv;
  /** Focuses the newest visible window of `windowClass` (chromium, firefox) and presses `keys` (xdotool syntax, e.g. "alt+shift+k"). */
  press(windowClass: string, keys: string): void;
  stop(): void;
};

const onPath = (exe: string) => (process.env.PATH ?? '').split(':').some((d) => existsSync(`${d}/${exe}`));

export function startDisplay(env: NodeJS.ProcessEnv = process.env): XDisplay | null {
  if (!onPath('Xvfb') || !onPath('xdotool')) {
    const ci = !!env.CI && env.CI !== 'false' && env.CI !== '0';
    if (ci) throw new Error('Xvfb or xdotool is missing, and CI must run every browser test (apt-get install xvfb xdotool)');
    return null;
  }
  // A display number unlikely to be taken by another run on the same machine.
  const display = `:${200 + (process.pid % 500)}`;
  const server: ChildProcess = spawn('Xvfb', [display, '-screen', '0', '1500x1000x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  const xenv = { ...process.env, DISPLAY: display };
  const x = (...args: string[]) => execFileSync('xdotool', args, { env: xenv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  // Ready when xdotool can talk to it.
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      x('getmouselocation');
      break;
    } catch (e) {
      if (Date.now() > deadline) {
        server.kill();
        throw e;
      }
      execFileSync('sleep', ['0.1']);
    }
  }
  return {
    display,
    env: xenv,
    press(windowClass, keys) {
      const windows = x('search', '--onlyvisible', '--class', windowClass).split('\n').filter(Boolean);
      const win = windows[windows.length - 1];
      if (!win) throw new Error(`no visible ${windowClass} window on ${display}`);
      x('windowfocus', '--sync', win);
      x('key', '--clearmodifiers', keys);
    },
    stop() {
      server.kill();
    },
  };
}
