/**
 * One model job, from the port's 'start' to its end: the card streams (each
 * partial to the port at once, to storage.session throttled) and the job
 * ends in 'done', in the offer again ("Avbryt") or in an error job. Every
 * failure ends so, a storage error before the first write included: the page
 * never waits for its stall timer.
 */
import { ModelError } from '../../core/model/errors';
import { generateModelCard } from '../../core/model/generate';
import type { Article, CardState, TopicResult } from '../../core/types';
import { modelCache } from '../../model-cache';
import type { ModelJob, PortEvent } from '../../protocol';
import { text } from '../../strings/text';
import { localEngineFetch, type LocalProgress } from '../local-engine';
import type { ModelDeps } from './deps';
import { jobWriter, type JobWriter, type RunningJob } from './job-writer';
import { preflight } from './preflight';
import { redact } from './redact';
import { idleJob } from './setup';
import { localPhaseText, stageText, withRate } from './stage-text';
import { withSuggestions } from './suggestions';

export type JobRequest = { article: Article; topic: TopicResult; force: boolean };

/** Runs the job to one of its ends; `post` sends to the page (a no-op once the port is gone). */
export async function runJob(req: JobRequest, signal: AbortSignal, tabId: number | undefined, deps: ModelDeps, post: (e: PortEvent) => void): Promise<void> {
  const jobs = jobWriter(deps.storage.session, tabId, deps.sessionWriteMs ?? 150);
  try {
    await runJobSteps(req, signal, deps, post, jobs);
  } catch (e) {
    jobs.stop();
    console.warn('Nynorsk-kort: model job failed', e instanceof Error ? e.message : String(e));
    const job: ModelJob = { status: 'error', model: '', message: text.modelUnknownError };
    post({ type: 'job', job });
    await jobs.write(job).catch(() => undefined);
  }
}

async function runJobSteps(req: JobRequest, signal: AbortSignal, deps: ModelDeps, post: (e: PortEvent) => void, jobs: JobWriter): Promise<void> {
  const now = deps.now ?? (() => new Date());
  const fail = async (model: string, message: string) => {
    const job: ModelJob = { status: 'error', model, message };
    // The port first: a failing storage write must not hide the real message.
    post({ type: 'job', job });
    await jobs.write(job);
  };
  const ready = await preflight(deps);
  if (!ready.ok) return fail(ready.model, ready.message);
  const { config, maxPromptTokens, transport } = ready;

  let job: RunningJob = {
    status: 'running',
    model: config.model,
    startedAt: now().toISOString(),
    partial: { summary: [], faq: [] },
    stage: text.modelStageWriting,
    ...(transport ? { local: true as const } : {}),
  };
  post({ type: 'job', job });
  await jobs.write(job);
  const update = (next: RunningJob) => {
    job = next;
    post({ type: 'job', job });
    jobs.update(job);
  };

  // The checker's data loads while the answer streams, so the first text does not wait for it;
  // the check of the finished answer awaits it (in generateModelCard, and for the suggestions).
  // A checker that fails to load leaves the card unchecked, not failed.
  const checker = deps.findBokmal?.().catch(() => undefined);
  try {
    // The on-device model says what it does before it writes (starts, reads the article), then how fast it writes.
    let stage: string = text.modelStageWriting;
    const showStage = (line: string) => {
      if (line !== job.stage) update({ ...job, stage: line });
    };
    const progress: LocalProgress = {
      onPhase: (p) => {
        if (p !== 'writing') showStage(localPhaseText(p));
      },
      onRate: (r) => showStage(withRate(stage, r, config.prefs.length)),
    };
    const result = await generateModelCard(req.article, req.topic, config, {
      fetch: transport ? localEngineFetch(transport, progress) : deps.fetch,
      signal,
      cache: modelCache(deps.storage.local),
      force: req.force,
      maxPromptTokens,
      ...(checker ? { findBokmal: checker } : {}),
      ...(deps.terms ? { terms: deps.terms } : {}),
      now,
      onPartial: (partial) => update({ ...job, partial }),
      onStage: (s) => {
        stage = stageText(s);
        update({ ...job, stage });
      },
    });
    jobs.stop();
    const state: CardState = { status: 'ready', url: req.article.url, card: await withSuggestions(result.card, checker) };
    await jobs.write(idleJob(config), state);
    post({ type: 'done', state, fromCache: result.fromCache, requests: result.requests });
  } catch (e) {
    jobs.stop();
    if (e instanceof ModelError && e.kind === 'cancelled') {
      // "Avbryt" brings back the offer to write the card, not an error.
      const idle = idleJob(config);
      await jobs.write(idle);
      post({ type: 'job', job: idle });
      return;
    }
    // The server's own words go to the console for the curious; never the key (ModelError.detail holds none).
    const said = e instanceof ModelError ? `${e.kind} ${e.status ?? ''} ${e.detail ?? ''}` : String(e);
    console.warn('Nynorsk-kort: model card failed', redact(said, config.apiKey));
    await fail(config.model, e instanceof ModelError ? e.message : text.modelUnknownError);
  }
}
