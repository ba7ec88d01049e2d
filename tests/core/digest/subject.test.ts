/** What an explainer explains and what a thread asks (our own example sentences). */
import { describe, expect, it } from 'vitest';
import { definitionSentence, explainerSubject, threadQuestion } from '../../../src/core/digest/subject';

describe('subject of a text', () => {
  it('takes an explainer subject from the title, in the case the text writes it', () => {
    const text = ['A network switch is a device that connects machines on one network.'];
    expect(explainerSubject('What Is a Network Switch? Meaning, Types and Uses', text)).toBe('network switch');
    expect(explainerSubject('What Is GitOps? Definition and Best Practices', ['GitOps is defined as a way of working.'])).toBe('GitOps');
    expect(explainerSubject('How to Patch Windows Servers', text)).toBeUndefined();
  });

  it('finds the sentence that defines the subject in the opening paragraphs', () => {
    const paragraphs = ['Teams keep asking about it.', 'GitOps is defined as an operating model that uses Git as the source of truth. It grew out of DevOps.'];
    expect(definitionSentence('GitOps', paragraphs)).toEqual({ text: 'GitOps is defined as an operating model that uses Git as the source of truth.', paragraph: 1 });
    expect(definitionSentence('Kubernetes', paragraphs)).toBeUndefined();
  });

  it("finds a thread's question in the first post, not in the replies", () => {
    const paragraphs = ['Our print server keeps dropping jobs after the update.', 'Has anyone found a way to stop the spooler from crashing?', 'Did you try clearing the queue?'];
    expect(threadQuestion('Print spooler crashes', paragraphs, [0, 2])).toEqual({ text: 'Has anyone found a way to stop the spooler from crashing?', paragraph: 1 });
    expect(threadQuestion('Print spooler crashes?', ['No question here at all.', 'Did you try clearing the queue?'], [0, 1])).toEqual({ text: 'Print spooler crashes?', paragraph: 0 });
  });
});

describe('subject of a text: spelling', () => {
  it('keeps an acronym in capitals even where the text also writes it in lower case', () => {
    expect(explainerSubject('What Is JSON? Definition and Examples', ['JSON is defined as a format.', 'Save it as data.json first.'])).toBe('JSON');
  });
});

describe('subject of a text: empty titles', () => {
  it('finds no subject in a title that stops after "What is", whatever spaces follow', () => {
    expect(explainerSubject('What is  ', ['Nothing here.'])).toBeUndefined();
    expect(explainerSubject('What Is   ', ['Nothing here.'])).toBeUndefined();
  });
});

describe('subject of a text: the defining sentence', () => {
  it('looks for "is a" after the subject, not anywhere in the sentence', () => {
    const paragraphs = ['This is a short guide to GitOps for busy admins.', 'GitOps is a way to run servers from Git.'];
    expect(definitionSentence('GitOps', paragraphs)).toEqual({ text: 'GitOps is a way to run servers from Git.', paragraph: 1 });
  });

  it('finds "is one of" and a long subject whose definition comes right after it', () => {
    expect(definitionSentence('Kubernetes', ['Kubernetes is one of the most used tools for running containers.'])?.paragraph).toBe(0);
    const sdwan = 'A software-defined wide area network is a virtual network that links offices over the internet.';
    expect(definitionSentence('Software-Defined Wide Area Network', [sdwan])).toEqual({ text: sdwan, paragraph: 0 });
  });

  it('reads a definition wrapped over several lines of the page source', () => {
    const wrapped = 'Kubernetes is\n    one\n    of the most used tools for running containers.';
    expect(definitionSentence('Kubernetes', [wrapped])?.text).toBe(wrapped);
    const defined = 'GitOps is defined\n    as an operating model that uses Git as the source of truth.';
    expect(definitionSentence('GitOps', [defined])?.text).toBe(defined);
  });
});
