/** Key points on community threads: quotes, signatures, chatter and fragments stay out; question and answers go in. Our own sentences. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentStems, extractKeyPoints } from '../../../src/core/digest/key-points';
import { SHARED_TEXTS_DIR } from '../../../support/shared-dir';
import { loadFixtureInputs } from '../../../support/digest/shared';

/** A thread as the extractor gives it: the first post, then the replies, one paragraph each or more. */
const THREAD = [
  // first post (the question): paragraphs 0-1
  'Our branch office router drops the peering session with the provider every night at about two in the morning. The logs show the hold timer expiring just before the session resets.',
  'Has anyone seen a router drop its peering session every night like this after a firmware update?',
  // reply 1: paragraphs 2-5
  '> and the peering session filters were changed after the firmware update on the branch router.',
  'John said: the peering session filters were changed after the firmware update on the router.',
  'Check the hold timer on both sides of the peering session, because a mismatch after a firmware update will drop the session every night.',
  'Thanks, John, and good luck with the router at the branch office and the peering session tonight.',
  // reply 2: paragraphs 6-9
  'Great question, I have been wondering about routers and peering sessions at our branch offices too.',
  'and the peering session filters on the branch router after the firmware update last week.',
  'You can also set the keepalive on the router lower than the provider timer so that the peering session stays up.',
  'Sent from my iPhone while waiting for the router in the branch office to come back up after the firmware update.',
  // reply 3 quotes the first post, then thanks
  'Our branch office router drops the peering session with the provider every night at about two in the morning.',
  'Cheers, everyone who helped with the router and the peering session last night at the branch office.',
];
const POSTS = [0, 2, 6, 10];

const JUNK = /^(?:>|John said|Thanks|Cheers|Sent from|Great question|and the)/;

describe('key points on a thread', () => {
  for (const [label, opts] of [
    ['told it is a thread', { thread: true }],
    ['given the posts', { thread: true, posts: POSTS }],
  ] as const) {
    it(`${label}: leaves out quotes, signatures, chatter and fragments`, () => {
      const kps = extractKeyPoints(THREAD, opts);
      expect(kps.length).toBeGreaterThanOrEqual(2);
      for (const k of kps) expect(k.text, k.text).not.toMatch(JUNK);
      // The repeated first-post sentence is quoted from where it was first said.
      for (const k of kps) expect(k.evidence[0]).not.toBe(10);
    });

    it(`${label}: carries the question and the answers`, () => {
      const texts = extractKeyPoints(THREAD, opts).map((k) => k.text);
      expect(texts.some((t) => /^Our branch office router drops|^Has anyone seen/.test(t))).toBe(true);
      expect(texts).toContain('Check the hold timer on both sides of the peering session, because a mismatch after a firmware update will drop the session every night.');
      expect(texts).toContain('You can also set the keepalive on the router lower than the provider timer so that the peering session stays up.');
    });
  }

  it('leads with the question sentence of the first post, even where a statement beside it ranks higher', () => {
    const question = 'What should I look at first before I call the vendor support line again?';
    const thread = [
      `The branch office router drops its peering session with the provider every night since the firmware update. ${question}`,
      'Check the hold timer on the branch router, because a firmware update often resets the peering session timers.',
      'You can also lower the keepalive on the router so that the peering session survives the nightly firmware check.',
      'Our branch router dropped its peering session every night after that firmware update last year as well.',
    ];
    // Three of four sentences (1 per 4, at least 3): the question and the two answers, not the statement the replies echo.
    expect(extractKeyPoints(thread, { thread: true }).map((k) => k.text)).toEqual([question, thread[1], thread[2]]);
  });

  it('knows a question by its last mark, inside closing quotes or brackets too, not by a quoted question inside a statement', () => {
    const quotedQuestion = 'My manager keeps asking the same thing: "what should I look at first before I call the vendor support line again?"';
    const statement = 'The vendor page "Why does my session drop?" says nothing about the branch office router or the nightly firmware update.';
    const question = 'What should I look at first before I call the vendor support line again?';
    const replies = [
      'Check the hold timer on the branch router, because a firmware update often resets the peering session timers.',
      'You can also lower the keepalive on the router so that the peering session survives the nightly firmware check.',
      'Our branch router dropped its peering session every night after that firmware update last year as well.',
    ];
    const first = (p0: string) => extractKeyPoints([p0, ...replies], { thread: true }).map((k) => k.text)[0];
    expect(first(`The branch office router drops its peering session with the provider every night since the firmware update. ${quotedQuestion}`)).toBe(quotedQuestion);
    expect(first(`${statement} ${question}`)).toBe(question);
  });

  it('takes answers from different posts before a second answer from the same post', () => {
    const thread = [
      'Our branch router drops the peering session every night since the firmware update. Has anyone seen a router drop its peering session every night like this?',
      'Check the hold timer on the branch router, because the firmware update resets the peering session timers every night.',
      'Also check whether the provider changed the keepalive of the peering session after the firmware update on their side.',
      'You can ask the provider to log the session at their end for a week.',
    ];
    const question = 'Has anyone seen a router drop its peering session every night like this?';
    // Paragraphs 1-2 are one reply: its second answer waits behind the other reply's.
    expect(extractKeyPoints(thread, { thread: true, posts: [0, 1, 3] }).map((k) => k.text)).toEqual([question, thread[1], thread[3]]);
    // Each paragraph its own post when the posts are not known: the two best answers by rank.
    expect(extractKeyPoints(thread, { thread: true }).map((k) => k.text)).toEqual([question, thread[1], thread[2]]);
  });

  it('never quotes a reply that repeats a sentence of the first post without a quote mark, however many key points there is room for', () => {
    const statement = 'The branch router drops the peering session with the provider every night since the firmware update.';
    const question = 'What should I look at first before I call the vendor support line again?';
    const answer = 'Check the hold timer on the branch router, because the firmware update resets the session timers.';
    const thread = [
      `${statement} ${question}`,
      `${statement} ${answer}`,
      'You can also lower the keepalive on the router so that the peering session survives the nightly check.',
    ];
    const kps = extractKeyPoints(thread, { thread: true, min: 5, max: 5 });
    expect(kps.map((k) => [k.evidence[0], k.text])).toEqual([
      [0, statement],
      [0, question],
      [1, answer],
      [2, thread[2]],
    ]);
  });

  it('quote lines and sign-offs never make key points, thread or not', () => {
    const kps = extractKeyPoints(THREAD);
    for (const k of kps) expect(k.text, k.text).not.toMatch(/^(?:>|John said|Thanks,|Cheers,|Sent from)/);
  });

  it('an article keeps its lower-case brand names and ordinary sentences', () => {
    const paras = [
      'eBay moved its search cluster to a new data center in Utah last spring after a long review.',
      'The move cut the latency of search queries by a third for buyers on the west coast.',
      'Engineers moved the cluster in stages so that buyers never saw an outage during the move.',
    ];
    expect(extractKeyPoints(paras).map((k) => k.text)).toContain(paras[0]);
  });

  it('an article has no question and answers: a sentence worded like a reply\'s advice does not go ahead of better-ranked ones', () => {
    const paras = [
      'A ransomware attack shut down the patient records system at the regional hospital on Monday morning.',
      'The attack forced the hospital to move patients to other hospitals while the records system was down.',
      'Staff at the hospital wrote patient records by hand until the system came back on Wednesday.',
      'You can expect regulators to ask tougher questions of other clinics this year.',
    ];
    // Three of four: the sentences that share the article's words, not the one that merely opens like an answer ("You can ...").
    expect(extractKeyPoints(paras).map((k) => k.text)).toEqual(paras.slice(0, 3));
    // With room for four it is a key point too: left out above by rank, not as unusable.
    expect(extractKeyPoints(paras, { min: 4, max: 4 }).map((k) => k.text)).toEqual(paras);
  });
});

describe('key points on a real thread (shared text, read at test time)', () => {
  const file = join(SHARED_TEXTS_DIR, 'hardware-spark-intel-nvidia-32bit.json');
  it.skipIf(!existsSync(file))('every key point is a full sentence that opens with a capital', () => {
    const paragraphs = (JSON.parse(readFileSync(file, 'utf8')) as { paragraphs: string[] }).paragraphs;
    for (const k of extractKeyPoints(paragraphs, { thread: true })) {
      expect(k.text).toMatch(/^["“‘(]?[\p{Lu}\p{N}]/u);
      expect(k.text).toMatch(/[.!?…]["'”’)\]]*$/);
    }
  });
});

describe('key points on the repo thread fixtures', () => {
  const threads = loadFixtureInputs().filter((x) => x.article.kind === 'thread');
  it('there are thread fixtures', () => expect(threads.length).toBeGreaterThan(0));
  for (const { name, article } of threads) {
    it(`${name}: the question and answers, without quotes, sign-offs or off-topic talk`, () => {
      const kps = extractKeyPoints(article.paragraphs, { thread: true });
      expect(kps.length).toBeGreaterThan(0);
      for (const k of kps) {
        expect(article.paragraphs[k.evidence[0] as number]).toContain(k.text);
        expect(k.text).not.toMatch(/^(?:>|Thanks\b|Cheers\b|Sent from\b|(?:Slightly )?off[- ]topic\b|Unrelated\b)/i);
        expect(article.paragraphs[k.evidence[0] as number]).not.toMatch(/^(?:>|(?:Slightly )?off[- ]topic\b)/i);
      }
      // The first post (the question) opens the thread's key points.
      expect(kps[0]?.evidence[0]).toBeLessThanOrEqual(1);
    });
  }
});

describe('key points: quotations', () => {
  const OTHERS = [
    'Our village choir sang four songs at the harbour festival on Saturday evening.',
    'Heavy snow closed the mountain pass for three days during the last week of March.',
  ];
  const texts = (extra: string) => extractKeyPoints([...OTHERS, extra]).map((k) => k.text);

  it('keeps a whole quotation, with or without punctuation after its closing mark', () => {
    const closedInside = '“Every router in the branch office came back up after the firmware update.”';
    expect(texts(closedInside)).toContain(closedInside);
    const closedOutside = '“Every router in the branch office runs version 2.1 of the firmware now”.';
    expect(texts(closedOutside)).toContain(closedOutside);
    const trailingOff = '“Every router in the branch office came back up after the firmware update”...';
    expect(texts(trailingOff)).toContain(trailingOff);
  });

  it('keeps a sentence that quotes a few words in its middle', () => {
    const s = 'The vendor called the firmware update on every router “a routine fix” in its notes.';
    expect(texts(s)).toContain(s);
  });

  it('leaves out half a quotation: one that opens but never closes in the sentence', () => {
    const half = '“Every router in the branch office came back up after the firmware update.';
    expect(texts(half)).not.toContain(half);
    const nested = '“Every router in the ‘edge’ group came back up after the firmware update.';
    expect(texts(nested)).not.toContain(nested);
  });
});

describe('key points: stems', () => {
  it('keeps "gas", "string" and "access" whole, strips a possessive (straight or curly), and drops one-letter words but not two-letter ones ("AI")', () => {
    expect([...contentStems("The switch's ports and the switch\u2019s fans, plus gas, string and access for Plan B at the AI lab.")]).toEqual([
      'switch',
      'port',
      'fan',
      'plus',
      'gas',
      'string',
      'access',
      'plan',
      'ai',
      'lab',
    ]);
  });

  it('strips plural and past endings, so that "attacked" meets "attack", but leaves a short word ending in -ed ("speed") whole', () => {
    expect([...contentStems('Attackers attacked the patched servers at full speed.')]).toEqual(['attacker', 'attack', 'patch', 'server', 'full', 'speed']);
  });

  it('lets "policies" meet "policy", "switches" meet "switch" and "patching" meet "patch", keeps the s of "status" and "analysis", and drops numbers', () => {
    const text = 'New policies for switches: check the status of the analysis before patching 2024 servers.';
    expect([...contentStems(text)]).toEqual(['policy', 'switch', 'check', 'status', 'analysis', 'patch', 'server']);
    expect([...contentStems('One policy per switch: patch every server.')].every((w) => contentStems(text).has(w))).toBe(true);
  });
});

describe('key points: thread chatter', () => {
  const question = 'Has anyone seen a branch router drop its session every night like this?';
  const statement = 'The provider logs show the hold timer expiring just before two in the morning.';
  const answers = [
    'We got the session stable by following the vendor guide for the hold timer.',
    'Check the keepalive on both sides, because a mismatch with the provider will reset the session.',
  ];
  // One line of chatter for each way the pattern words it; some typed with two spaces, as forum posters do.
  const chatter = [
    'Great  question, we have been fighting the same thing on our campus network for weeks.',
    'Nice writeup, it saves me a lot of time with my own customers in the county.',
    'Welcome  to the forum, you will find plenty of friendly people around here.',
    'Me  too, our warehouse firewall has misbehaved since the spring upgrade.',
    'Same  here, the tunnel to our datacenter went down twice during March.',
    'I  agree, the support desk has been slow to answer since the merger.',
    'I second  this, a spare unit on the shelf saved our weekend more than once.',
    'Agree  with the above, cheap consumer gear has no place in a small business.',
    'Any  idea would be welcome, since the carrier keeps blaming our hardware.',
    'Any suggestion  is welcome, because the outage costs the shop real money.',
    'Edit:  typo in my first post, the drops happen at three and not at two.',
    'Update : spelling of the model name, it is the RV340 and not the RV430.',
  ];
  const thread = [`${statement} ${question}`, ...chatter, ...answers];

  it('leaves out chatter however it is typed, and keeps a reply that only mentions "following" in passing', () => {
    // Room for every usable sentence: only what is not a key point at all stays out.
    const texts = extractKeyPoints(thread, { thread: true, min: 20, max: 20 }).map((k) => k.text);
    expect(texts).toEqual([statement, question, ...answers]);
  });
});

describe('key points: a reply that reports what the cause turned out to be', () => {
  it('is an answer, and goes ahead of replies that only describe the same trouble in more of the thread\'s words', () => {
    const question = 'Why does the office printer drop off the network every morning after the update?';
    const solved = 'It turned out to be a power saving setting in the new firmware.';
    const thread = [
      question,
      'Our office printer drops off the network every morning too, since the same update last week.',
      solved,
      'The printer in our branch office also drops off the network after the morning update.',
      'A reboot brings our printer back on the network, but only until the next morning.',
    ];
    // Room for three of five: the question, the answer, and the best-ranked of the rest.
    const texts = extractKeyPoints(thread, { thread: true }).map((k) => k.text);
    expect(texts).toHaveLength(3);
    expect(texts.slice(0, 1)).toEqual([question]);
    expect(texts).toContain(solved);
  });
});

describe('key points: sign-offs and greetings', () => {
  it('leaves out every way a post signs off or greets, and keeps a sentence that only opens like one', () => {
    const kept = [
      'The branch router kept its peering session overnight after the firmware update on Monday.',
      'Thanks to the new firmware, the warehouse switches no longer lose their uplink at night.',
      'Morning updates to the firewall rules now go through a change request first.',
    ];
    const signOffs = [
      'Many thanks, the hold timer fix worked on all of our other offices as well.',
      'Thx, the keepalive change solved the problem at the depot in the end.',
      'Kind regards from the whole helpdesk crew at the Leeds site this week.',
      'Best wishes to everyone fighting the same provider outage this winter.',
      'Hope this helps anyone else who runs into a similar mess with their carrier.',
      'HTH, the same approach worked for our colleagues in Denmark last spring.',
      'TIA, any pointer to the right release notes would save my whole week.',
      'Hi all, our printers in the basement stopped printing after a driver push.',
    ];
    const texts = extractKeyPoints([...kept, ...signOffs], { min: 20, max: 20 }).map((k) => k.text);
    expect(texts).toEqual(kept);
  });
});

describe('key points on a thread: off-topic talk and quote headers', () => {
  const statement = 'Our branch router drops its peering session every night at two in the morning.';
  const question = 'Has anyone seen this after a firmware update?';
  const kept = [
    'Unrelated changes on the provider side can also reset the peering session.',
    'The carrier insisted the outage was unrelated, and blamed our firmware instead.',
    'John said the fix works on his branch routers as well, which is good news.',
    'After the update, our vendor rep said: lower the timer on both ends of the link.',
    'The session has held for a week now since we changed the keepalive.',
  ] as const;
  const thread = [
    `${statement} ${question}`,
    'Slightly off topic, but our coffee machine also reboots every night at two.',
    'Offtopic: the new label printer in the warehouse prints twice as fast as the old one.',
    'Unrelated: the vendor moved its support portal to a new address last week.',
    'OT — our manager finally approved the budget for new switches at the depot.',
    kept[0],
    kept[1],
    'On 3 May, Kari Nordmann wrote: the peering session came back after we lowered the hold timer.',
    '@jdoe replied: the hold timer on our side was set to three minutes by default.',
    'Jan van Dyke said: our provider changed their keepalive without telling anyone.',
    'Kari writes: the same firmware broke the session on two of our routers too.',
    kept[2],
    kept[3],
    `${kept[4]} Off topic, but the new coffee machine in the server room finally works.`,
    // A paragraph marked off topic goes whole; so does the paragraph a lone quote header introduces.
    'Off topic: our coffee machine broke again. The facilities team will replace it with a new model next Friday.',
    '@jdoe wrote:',
    'Our provider changed the keepalive on their side without telling anyone at all.',
  ];

  it('leaves out talk marked off topic and quoted replies, and keeps sentences that only mention "unrelated" or "said"', () => {
    const texts = extractKeyPoints(thread, { thread: true, min: 20, max: 20 }).map((k) => k.text);
    expect(texts).toEqual([statement, question, ...kept]);
  });
});

describe('key points: sentence length', () => {
  const eightWords = 'The new firmware fixed the nightly session drops.';
  const fortyFiveWords =
    'The provider confirmed on Friday that the nightly drops of the peering session at our branch office were caused by a maintenance job on their side, which reset the hold timer on every edge router in the region at two in the morning without warning.';
  const chars320 =
    'Administrators recommended comprehensive reconfiguration, documentation, authentication, authorization, synchronization, virtualization, containerization, orchestration, standardization, troubleshooting, decommissioning and recommissioning procedures throughout the telecommunications infrastructure of the organization.';

  it('keeps a sentence of 8 words, of 45 words and of 320 characters', () => {
    expect([eightWords.split(' ').length, fortyFiveWords.split(' ').length, chars320.length]).toEqual([8, 45, 320]);
    const texts = extractKeyPoints([eightWords, fortyFiveWords, chars320], { min: 20, max: 20 }).map((k) => k.text);
    expect(texts).toEqual([eightWords, fortyFiveWords, chars320]);
  });

  it('leaves out a sentence of 46 words or of more than 320 characters', () => {
    const ordinary = 'The branch office router has kept its session since the update.';
    const longer = fortyFiveWords.replace('without warning', 'without any warning');
    const wider = chars320.replace('of the organization', 'of the regional organization');
    expect(extractKeyPoints([ordinary, longer, wider], { min: 20, max: 20 }).map((k) => k.text)).toEqual([ordinary]);
  });
});

describe('key points on a thread: sentences without a verb', () => {
  it('keeps replies whose verb is a pronoun\'s, an imperative, a "doesn\'t" or a past tense, and leaves out fragments', () => {
    const question = 'Has anyone seen a backup appliance stop waking from sleep after a firmware update?';
    const kept = [
      'We rely on the carrier for every branch link at the moment.',
      'Disable the power saving mode on the switch port of the printer.',
      'Our backup NAS doesn\u2019t wake up from sleep on its own anymore.',
      'The spare NAS isn\'t much better on the current firmware either.',
      'Our whole fleet of laptops crashed twice during the quarterly patch window.',
    ];
    const fragments = [
      'The old storage shed behind the main office building near the loading dock.',
      'Free shipping on every order over fifty dollars, guaranteed.',
    ];
    const texts = extractKeyPoints([question, ...kept, ...fragments], { thread: true, min: 20, max: 20 }).map((k) => k.text);
    expect(texts).toEqual([question, ...kept]);
  });
});

describe('key points on a thread: common verbs', () => {
  it('keeps replies whose only verb is a common one ("turns", "there\'s", "knows", "shows", "stays", "loses", "includes", "suggests", "agrees")', () => {
    const question = 'Has anyone seen a backup appliance stop waking from sleep after a firmware update?';
    const kept = [
      'The spare switch turns off its uplink port every night.',
      'The new gateway firmware holds the VPN tunnels across a reboot.',
      'The older model allows only two tunnels per branch office.',
      "There's a newer firmware image for the appliance on the vendor portal.",
      'The vendor knows about the sleep bug on the older units.',
      'The event log shows the same wake failure on both units.',
      'The appliance stays asleep until someone presses the power button.',
      'The old firmware loses the schedule after every power outage.',
      'The newer firmware includes a separate wake timer for the disks.',
      'The vendor knowledge base suggests a full power cycle first.',
      "The vendor's senior engineer agrees with the wake timer theory.",
    ];
    const texts = extractKeyPoints([question, ...kept], { thread: true, min: 20, max: 20 }).map((k) => k.text);
    expect(texts).toEqual([question, ...kept]);
  });
});

describe('key points: where the first post ends when the posts are not known', () => {
  const background = [
    'Our branch office router drops its peering session every night at two.',
    'The logs show the hold timer expiring just before the session resets.',
  ];
  const question = 'Should we ask the provider to raise the hold timer on their side?';
  const answer = 'Check the keepalive on your own router first, because a mismatch will reset the session.';

  it('runs to the question when one of the first three paragraphs asks it', () => {
    const texts = extractKeyPoints([...background, question, answer], { thread: true, min: 20, max: 20 }).map((k) => k.text);
    expect(texts).toEqual([...background, question, answer]);
  });

  it('is the first paragraph when the question comes later: a question in a reply is no key point', () => {
    const later = [...background, 'The provider changed its routing policy last week as well.', question, answer];
    const texts = extractKeyPoints(later, { thread: true, min: 20, max: 20 }).map((k) => k.text);
    expect(texts).not.toContain(question);
    expect(texts).toContain(answer);
  });
});

describe('key points: a quoted paragraph on an article', () => {
  it('leaves out every sentence of a paragraph that opens with ">", not only the first', () => {
    const paras = [
      '> Our branch office router drops the session every night. The logs show the hold timer expiring first.',
      'The vendor released a firmware fix for the session drops on Tuesday morning.',
    ];
    expect(extractKeyPoints(paras, { min: 20, max: 20 }).map((k) => k.text)).toEqual([paras[1]]);
  });
});
