/**
 * The card-quality stage: runs over the decks `deriveDecks` made and applies the rules a reviewer
 * would apply by hand, counting what each rule did. Kept apart from derive.ts (which turns note
 * patterns into cards) so the two can change independently.
 *
 * Rules, in order:
 * 1. `trivial`  — a reverse card ("Memory usage: “Higher (holds state)” — Stateful or Stateless?")
 *    whose prompt gives its answer away (the answer's word, or the word both sides share, is in
 *    the prompt, or a word the vocabulary lists as telling that option: "session", "sticky" for
 *    stateful) is dropped;
 *    `reason`   — a reverse card that asks which row a reason belongs to ("Why This Pattern:
 *    “Event-driven, bursty…” — which domain?") is dropped: reasons are shared by rows, so the
 *    prompt does not pick one out;
 * 2. `vague`    — a front that names nothing ("Key Insight?", "Database?", "Scaling — Benefit?",
 *    "E-commerce — Example?") gets its heading (or the note's title) into the front itself:
 *    "Core Mental Model — key insight?";
 * 3. `near-duplicate` — the same question asked in several places ("Stateful — scaling?" six
 *    times in six wordings; "Stateless Architecture?" and "Stateless Systems — in one line?";
 *    two notes' "best practice" lines that say the same in other words; a "Vendor lock-in" con of
 *    the serverless note and the "Serverless — Vendor lock-in?" row) becomes one card listing
 *    every note's wording with its source;
 * 4. `contradiction` — a card whose claims a reviewed disagreement names (content/compare/) says so
 *    and links the resolution;
 * 5. `same-answer` — two cards asking the same question with the same answer become one.
 *
 * Ids: a card that survives keeps its id; an absorbed card's id maps to the survivor's
 * (`aliases`), so review history recorded under the old id is carried over (see aliases.ts).
 * Pure: decks in, decks out (inputs are not mutated).
 */
import type { Card, CardWording, Deck } from '../../schemas/deck.ts';

export interface DisagreementLink {
  /** `/compare/<comparison>/#<disagreement>` */
  href: string;
  title: string;
  /** The vocabulary aspect the disagreement is about ("complexity"). */
  aspect: string;
  claims: readonly {
    source: string;
    option?: string | undefined;
    value?: string | undefined;
    quote?: string | undefined;
  }[];
}

export interface QualityOptions {
  /** The reviewed aspect vocabulary: "Horizontal Scaling" → "scaling"; undefined when unlisted. */
  aspectOf?: (label: string) => string | undefined;
  /** The reviewed disagreements between notes, with their resolution pages. */
  disagreements?: readonly DisagreementLink[];
  /** Note titles by slug, for fronts whose heading is as vague as the front. */
  noteTitles?: Readonly<Record<string, string>>;
  /** The reviewed option a column label names ("Stateful Architecture" → stateful); undefined when unlisted. */
  optionOf?: (label: string) => string | undefined;
  /** Words that name what the option a label names is ("Stateful" → session, sticky, …). */
  tellsOf?: (label: string) => readonly string[];
}

export type QualityRule = 'trivial' | 'reason' | 'vague' | 'near-duplicate' | 'contradiction' | 'same-answer';

export interface RuleHit {
  rule: QualityRule;
  /** The card's id before the stage. */
  id: string;
  deck: string;
  /**
   * `dropped` (trivial, reason; `into` names the card of the same question that carries its
   * history, if one is left), `rewritten` (vague), `merged` into `into`, `flagged` (contradiction).
   */
  action: 'dropped' | 'rewritten' | 'merged' | 'flagged';
  into?: string;
  detail: string;
}

export interface QualityResult {
  decks: Deck[];
  /** Absorbed card id → the id of the card that absorbed it. */
  aliases: Record<string, string>;
  hits: RuleHit[];
}

const norm = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** "Stateless Architecture", "Stateless Systems", "Stateless" name the same side. */
export const sideKey = (text: string) =>
  norm(text)
    .replace(/\b(architecture|architectures|systems?|services?)\b/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** "No (always running)" and "No" say the same: compare without asides. */
const core = (value: string) => norm(value.replace(/\([^)]*\)/g, ''));

/** Words a heading or a bold label uses for structure, not subject. */
const GENERIC = new Set(
  (
    'key insight insights problem problems best practice practices modern note notes tip tips rule rules ' +
    'quick summary takeaway takeaways important idea ideas result results solution solutions bottom line ' +
    'why this works characteristics overview definition definitions comparison details pros cons examples ' +
    'example how it advantages disadvantages trade offs tradeoffs benefit benefits challenge challenges ' +
    'description value use case cases the a of for and component components structure'
  ).split(' '),
);

export const isGeneric = (text: string): boolean => {
  const words = norm(text).split(' ').filter(Boolean);
  return words.length > 0 && words.every((w) => GENERIC.has(w));
};

/** Light stemming: "stateful" and "stateless" share "state", "scaling" → "scal". */
const stem = (word: string) => word.replace(/(less|ful|ness|ing|ed|es|s|al)$/, '');
const words = (text: string) => norm(text).split(' ').filter(Boolean);
const STOP = new Set('a an the and or of to in on for is are be it its with by as at if no not'.split(' '));
const contentWords = (text: string) =>
  words(text)
    .filter((w) => !STOP.has(w))
    .map(stem);

/**
 * Does `prompt` give away `answer` among `options`? Yes when the answer's own word (or its stem,
 * unless every option shares it) appears, or when the prompt names the very thing the options
 * differ by ("holds state", "no state to lose" for Stateful or Stateless).
 */
export function givesAway(prompt: string, answer: string, options: readonly string[]): boolean {
  const said = words(prompt);
  const saidStems = new Set(said.map(stem));
  const optionWords = options.map((o) => words(sideKey(o) || o));
  const answerWords = words(sideKey(answer) || answer);
  const stemsOf = (list: string[]) => new Set(list.filter((w) => w.length >= 4).map(stem));
  const otherStems = new Set(
    optionWords.filter((w) => w.join(' ') !== answerWords.join(' ')).flatMap((w) => [...stemsOf(w)]),
  );
  if (answerWords.some((w) => said.includes(w))) return true;
  // A compound that contains a prompt word: "Per service" → Microservices.
  if (answerWords.some((a) => said.some((w) => w.length >= 5 && a !== w && a.includes(stem(w))))) return true;
  if ([...stemsOf(answerWords)].some((s) => saidStems.has(s) && !otherStems.has(s))) return true;
  // The stem every option shares ("state" of stateful/stateless) is the distinction itself.
  const shared = [...stemsOf(answerWords)].filter((s) => options.length > 1 && otherStems.has(s));
  return shared.some((s) => saidStems.has(s) && s.length >= 4);
}

/** The first of `tells` that `prompt` contains as whole words ("Lose sessions" → "sessions"). */
export function tellIn(prompt: string, tells: readonly string[]): string | undefined {
  const said = ` ${norm(prompt)} `;
  return tells.find((t) => norm(t) !== '' && said.includes(` ${norm(t)} `));
}

/** A column that gives reasons ("Why This Pattern", "Reason"): its cells do not pick out a row. */
const REASON = /^(why\b|reasons?\b|rationale\b|because\b)/i;

/** Words too common in these notes to say two sentences mean the same. */
const FILLER = new Set(
  'you your can could make made this that these those from into than then will must should may any each all some more most very just'.split(
    ' ',
  ),
);
const meaningWords = (text: string) =>
  words(text)
    .filter((w) => !STOP.has(w) && !FILLER.has(w))
    .map(stem);

/** Share of the shorter answer's words the other answer also has (0 when either is short). */
function overlap(a: string, b: string, min = 5): number {
  const x = new Set(meaningWords(a));
  const y = new Set(meaningWords(b));
  if (x.size < min || y.size < min) return 0;
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  return [...small].filter((w) => large.has(w)).length / small.size;
}

/** What a derived card asks, read back from its id (`<deck>/<heading>--<aspect>--<option>[--r]`). */
interface Asked {
  card: Card;
  /** Index of the deck in reading order, then of the card: the first one survives a merge. */
  order: number;
  option?: string;
  aspect?: string;
  /** For a reverse card: the value quoted in its prompt. */
  value?: string;
  term?: string | undefined;
  /** The term as the note bolds it, kept when a vague front is rewritten. */
  label?: string | undefined;
}

const QUOTED = /“([^”]*)”/;

function asked(card: Card, order: number): Asked {
  const base: Asked = { card, order };
  if (card.kind === 'table') {
    // "Stateful — Scaling?" (matrix/entity) or "Scaling — Benefit?" (lookup): the id says which.
    const [first = '', second = ''] = card.front.replace(/\?$/, '').split(' — ');
    const parts = card.id.split('/')[1]?.split('--') ?? [];
    const optionSlug = parts[2] ?? '';
    const firstIsOption = norm(first).replace(/ /g, '-') === optionSlug;
    return firstIsOption
      ? { ...base, option: first, aspect: second }
      : { ...base, option: second, aspect: first };
  }
  if (card.kind === 'table-reverse') {
    const aspect = card.front.split(':')[0] ?? '';
    return { ...base, option: card.back, aspect, value: QUOTED.exec(card.front)?.[1] ?? '' };
  }
  if (card.kind === 'term' || card.kind === 'definition') {
    const term = card.front.replace(/( — (definition|in one line))?\?$/, '');
    return { ...base, term, label: term };
  }
  return base;
}

/** The last heading of a card's context that says something ("Stateless Systems › Characteristics"). */
function subjectOf(card: Card, titles: Readonly<Record<string, string>>): string | undefined {
  const headings = card.context.split(' › ').filter(Boolean).reverse();
  const found = headings.find((h) => !isGeneric(h)) ?? titles[card.deck];
  return found?.replace(/^\d+[.)]\s*/, ''); // "2. Sticky Sessions" → "Sticky Sessions"
}

/** "Key Insight" → "key insight"; "URL/Headers" stays. */
const lowerFirst = (text: string) => text.replace(/\b[A-Z][a-z]+\b/g, (w) => w.toLowerCase());

/** Headings that list items of something else ("Advantages" of what?): the item needs its subject. */
const LISTING = /^(advantages|disadvantages|pros|cons|benefits|drawbacks|(key )?components)$/i;
const listed = (card: Card) => LISTING.test(card.context.split(' › ').at(-1)?.trim() ?? '');

/** A short answer to a one- or two-word label says little without its heading ("Database? → Session store"). */
const bareLabel = (term: string, back: string) =>
  words(term).length <= 2 && words(back).length <= 4 && !/[.]/.test(back);

export function improveDecks(decks: readonly Deck[], options: QualityOptions = {}): QualityResult {
  const titles = options.noteTitles ?? {};
  const aspectOf = (label: string) => options.aspectOf?.(label) ?? norm(label);
  const hits: RuleHit[] = [];
  const aliases: Record<string, string> = {};
  const hit = (h: RuleHit) => hits.push(h);

  // Work on copies: the caller's decks stay as derived.
  let items: Asked[] = [];
  decks.forEach((deck, d) =>
    deck.cards.forEach((c, i) =>
      items.push(
        asked({ ...c, sources: [...c.sources], related: [...c.related], tags: [...c.tags] }, d * 100_000 + i),
      ),
    ),
  );

  // 1. Trivial reverse cards, and reverse cards that ask which row a reason belongs to.
  const dropped: { a: Asked; hit: RuleHit }[] = [];
  const drop = (a: Asked, rule: QualityRule, detail: string) => {
    const h: RuleHit = { rule, id: a.card.id, deck: a.card.deck, action: 'dropped', detail };
    hit(h);
    dropped.push({ a, hit: h });
    return false;
  };
  items = items.filter((a) => {
    if (a.card.kind !== 'table-reverse' && a.card.kind !== 'category') return true;
    const prompt = a.card.kind === 'category' ? (QUOTED.exec(a.card.front)?.[1] ?? '') : (a.value ?? '');
    if (a.card.kind === 'table-reverse' && REASON.test(a.aspect?.trim() ?? ''))
      return drop(a, 'reason', `“${a.aspect}: ${prompt}” is a reason, not what tells the rows apart`);
    const choices = (/— (.*)\?$/.exec(a.card.front)?.[1] ?? '').split(' or ');
    const answer =
      a.card.kind === 'category' ? (choices.find((c) => a.card.back.includes(c)) ?? '') : a.card.back;
    if (!answer || choices.length < 2) return true;
    if (givesAway(prompt, answer, choices)) return drop(a, 'trivial', `“${prompt}” gives away “${answer}”`);
    const tell = tellIn(prompt, options.tellsOf?.(answer) ?? []);
    if (tell) return drop(a, 'trivial', `“${prompt}” says “${tell}”, which names ${answer}`);
    return true;
  });

  // 2. Vague fronts get their subject.
  for (const a of items) {
    const c = a.card;
    let front: string | undefined;
    // A front that already names its subject ("Core Mental Model — key insight?") is left alone.
    const named = a.term?.includes(' — ') ?? false;
    if (
      c.kind === 'term' &&
      a.term &&
      !named &&
      (isGeneric(a.term) || bareLabel(a.term, c.back) || listed(c))
    ) {
      const subject = subjectOf(c, titles);
      if (subject && norm(subject) !== norm(a.term)) front = `${subject} — ${lowerFirst(a.term)}?`;
    } else if (c.kind === 'definition' && a.term && !named && isGeneric(a.term)) {
      const subject = titles[c.deck];
      if (subject) front = `${subject} — ${lowerFirst(a.term)}, in one line?`;
    } else if (
      c.kind === 'table' &&
      a.option &&
      a.aspect &&
      isGeneric(a.option) &&
      !c.front.includes(' › ')
    ) {
      // Lookup tables: "Scaling — Benefit?" under "Stateless Systems › Characteristics".
      const subject = subjectOf(c, titles);
      if (subject) front = `${subject} — ${a.aspect}: ${lowerFirst(a.option)}?`;
    } else if (
      c.kind === 'table' &&
      a.option &&
      a.aspect &&
      isGeneric(a.aspect) &&
      options.optionOf !== undefined &&
      options.optionOf(a.option) === undefined &&
      !c.front.includes(': ')
    ) {
      // "E-commerce — Example?": an example of what? The row is not a side the site knows.
      const subject = subjectOf(c, titles);
      if (subject) front = `${subject} — ${a.option}: ${lowerFirst(a.aspect)}?`;
    }
    if (front && front !== c.front) {
      hit({
        rule: 'vague',
        id: c.id,
        deck: c.deck,
        action: 'rewritten',
        detail: `“${c.front}” → “${front}”`,
      });
      c.front = front;
      a.term = undefined; // its own question now: not merged by term
    }
  }

  const absorb = (into: Asked, a: Asked, rule: QualityRule, detail: string) => {
    for (const s of a.card.sources) if (!into.card.sources.includes(s)) into.card.sources.push(s);
    for (const t of a.card.tags) if (!into.card.tags.includes(t)) into.card.tags.push(t);
    if (a.card.id !== into.card.id) aliases[a.card.id] = into.card.id;
    hit({ rule, id: a.card.id, deck: a.card.deck, action: 'merged', into: into.card.id, detail });
  };
  // 5a. A derived card that a hand-written card already asks (same section, its answer inside
  // the hand card's; or a "What is a cold start?" card for the term "Cold starts" of any note):
  // the hand card, worded by a person, absorbs it.
  const hand = items.filter((a) => a.card.kind === 'hand');
  const asksWhatIs = (front: string, term: string | undefined) => {
    const what = /^what (is|are) (a |an |the )?["“]?([^"”?,]+)["”]?\?$/i.exec(front.trim())?.[3];
    const x = what ? contentWords(what) : [];
    const y = term ? contentWords(term) : [];
    return x.length > 0 && x.length === y.length && x.every((w, i) => w === y[i]);
  };
  const covered = new Set<Asked>();
  for (const a of items) {
    if (a.card.kind === 'hand') continue;
    const mine = new Set(contentWords(a.card.back));
    if (mine.size === 0) continue;
    const by = hand.find((h) => {
      if (a.card.kind === 'term' && asksWhatIs(h.card.front, a.label)) return true;
      if (!h.card.sources.includes(a.card.sources[0] ?? '')) return false;
      const theirs = new Set(contentWords(`${h.card.front} ${h.card.back}`));
      return [...mine].filter((w) => theirs.has(w)).length / mine.size >= 0.6;
    });
    if (!by) continue;
    absorb(by, a, 'same-answer', `“${a.card.front}” is asked by the hand-written card ${by.card.id}`);
    covered.add(a);
  }
  items = items.filter((a) => !covered.has(a));

  // 3. Near-duplicates: one card per question, every note's wording kept with its source.
  const wordingOf = (a: Asked): CardWording => ({
    source: a.card.sources[0] ?? '',
    label:
      a.card.kind === 'table'
        ? `${a.option} — ${a.aspect}`
        : a.card.kind === 'table-reverse'
          ? (a.aspect ?? '')
          : (a.term ?? a.card.front),
    text: a.card.kind === 'table-reverse' ? (a.value ?? '') : a.card.back,
  });
  // A pro or con of a note about one option that names a reviewed aspect ("Vendor lock-in" under
  // Disadvantages of "Serverless Architecture") asks what that option's table row asks.
  const listedAspect = (a: Asked) => {
    const title = titles[a.card.deck];
    if (a.card.kind !== 'term' || !a.label || !title || !listed(a.card) || !options.optionOf?.(title)) return;
    const aspect = options.aspectOf?.(a.label);
    return aspect ? `t|${sideKey(title)}|${aspect}` : undefined;
  };
  const keyOf = (a: Asked): string | undefined => {
    const listedKey = listedAspect(a);
    if (listedKey) return listedKey;
    if (a.card.kind === 'table' && a.option && a.aspect && !isGeneric(a.option))
      return `t|${sideKey(a.option)}|${aspectOf(a.aspect)}`;
    if (a.card.kind === 'table-reverse' && a.aspect) return `r|${sideKey(a.card.back)}|${aspectOf(a.aspect)}`;
    if ((a.card.kind === 'term' || a.card.kind === 'definition') && a.term && !isGeneric(a.term))
      return `d|${sideKey(a.term)}`;
    return undefined;
  };
  const groups = new Map<string, Asked[]>();
  for (const a of items) {
    const key = keyOf(a);
    if (key) groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  const gone = new Set<Asked>();
  const members = new Map<Asked, Asked[]>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const [first, ...rest] = group as [Asked, ...Asked[]];
    members.set(first, group);
    first.card.wordings = group.map(wordingOf);
    for (const a of rest) {
      absorb(first, a, 'near-duplicate', `“${a.card.front}” (${a.card.deck})`);
      gone.add(a);
    }
  }
  items = items.filter((a) => !gone.has(a));

  // 3b. Prose that says the same in other words, in another note or another section ("Keep app servers stateless,
  // push state to specialized systems" and "Push state to specialized stateful systems … keep
  // application servers stateless"): one card, both wordings.
  const prose = items.filter((a) => a.card.kind === 'term' || a.card.kind === 'definition');
  for (const [i, a] of prose.entries()) {
    if (gone.has(a)) continue;
    for (const b of prose.slice(i + 1)) {
      if (gone.has(b) || overlap(a.card.back, b.card.back) < 0.75) continue;
      a.card.wordings = [...(a.card.wordings ?? [wordingOf(a)]), ...(b.card.wordings ?? [wordingOf(b)])];
      members.set(a, [...(members.get(a) ?? [a]), ...(members.get(b) ?? [b])]);
      absorb(
        a,
        b,
        'near-duplicate',
        `“${b.card.front}” says “${a.card.front}” in other words (${b.card.deck})`,
      );
      gone.add(b);
    }
  }
  items = items.filter((a) => !gone.has(a));

  // A dropped card's review history goes to the card left for the same question, if any.
  for (const { a, hit: h } of dropped) {
    const key = keyOf(a);
    const left = key ? groups.get(key)?.find((g) => !gone.has(g)) : undefined;
    if (!left) continue;
    const to = aliases[left.card.id] ?? left.card.id;
    aliases[a.card.id] = to;
    h.into = to;
  }

  // 5. Same question, same answer (what merging by question above cannot see: other kinds).
  const seen = new Map<string, Asked>();
  items = items.filter((a) => {
    const key = `${norm(a.card.front)}|${core(a.card.back)}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, a);
      return true;
    }
    absorb(first, a, 'same-answer', `“${a.card.front}” → “${a.card.back}” (${a.card.deck})`);
    return false;
  });

  // 4. Contradictions named by a reviewed disagreement.
  const says = (m: Asked, d: DisagreementLink, claim: DisagreementLink['claims'][number]) => {
    if (m.card.sources[0] !== claim.source) return false;
    // A category card says its cell in the prompt ("“Stateful applications” — …?"), others in the answer.
    const text = m.card.kind === 'category' ? (QUOTED.exec(m.card.front)?.[1] ?? '') : m.card.back;
    if (claim.quote !== undefined) return norm(text).includes(norm(claim.quote));
    const value = m.card.kind === 'table-reverse' ? m.value : m.card.back;
    return (
      claim.value !== undefined &&
      value !== undefined &&
      core(claim.value) === core(value) &&
      m.aspect !== undefined &&
      aspectOf(m.aspect) === d.aspect &&
      (claim.option === undefined || sideKey(m.option ?? '') === sideKey(claim.option))
    );
  };
  for (const a of items) {
    const said = members.get(a) ?? [a];
    const found = (options.disagreements ?? []).find((d) =>
      d.claims.some((claim) => said.some((m) => says(m, d, claim))),
    );
    if (!found) continue;
    a.card.conflict = { title: found.title, href: found.href };
    hit({ rule: 'contradiction', id: a.card.id, deck: a.card.deck, action: 'flagged', detail: found.href });
  }

  // A card absorbed into one that was absorbed later points at the last one. Resolved once here,
  // not by rescanning every alias on each merge: that was quadratic (10 s of a 100-note build).
  flattenAliases(aliases);

  // Related cards: follow merges, drop what is gone.
  const alive = new Set(items.map((a) => a.card.id));
  for (const a of items) {
    const related = a.card.related
      .map((id) => aliases[id] ?? id)
      .filter((id) => id !== a.card.id && alive.has(id));
    a.card.related = [...new Set(related)];
  }

  const byDeck = new Map<string, Card[]>();
  for (const a of items.sort((x, y) => x.order - y.order))
    byDeck.set(a.card.deck, [...(byDeck.get(a.card.deck) ?? []), a.card]);
  return {
    decks: decks.flatMap((d) => {
      const cards = byDeck.get(d.id) ?? [];
      return cards.length ? [{ ...d, cards }] : [];
    }),
    aliases,
    hits,
  };
}

/** Follows each alias chain (a → b → c) to its end, in place; a cycle stops where it closes. */
export function flattenAliases(aliases: Record<string, string>): void {
  for (const from of Object.keys(aliases)) {
    const seen = new Set([from]);
    let to = aliases[from] as string;
    while (aliases[to] !== undefined && !seen.has(to)) {
      seen.add(to);
      to = aliases[to] as string;
    }
    aliases[from] = to;
  }
}

/** Counts per rule and action, for the build's summary line. */
export function summarizeHits(hits: readonly RuleHit[]): string {
  const count = (rule: QualityRule) => hits.filter((h) => h.rule === rule).length;
  const tells = hits.filter((h) => h.rule === 'trivial' && h.detail.includes('which names')).length;
  return (
    `card quality: ${count('trivial')} trivial dropped (${tells} by a telling word), ` +
    `${count('reason')} reason prompts dropped, ${count('vague')} vague fronts given context, ` +
    `${count('near-duplicate')} near-duplicates merged, ${count('same-answer')} same question+answer merged, ` +
    `${count('contradiction')} contradictions flagged`
  );
}
