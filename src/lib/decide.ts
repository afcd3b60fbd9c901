/**
 * What the /decide/ page renders, computed at build time: the decision tree read from the note's
 * flowchart, the reasons from content/decide/*.yaml as HTML, every `source` as a link to its note
 * heading, and where the note's own rendering of the diagram lives (figure and full-size SVG).
 */
import { getCollection } from 'astro:content';
import { formatContentError } from '../domain/content/errors.ts';
import { checkWalkerFiles } from '../domain/decide/gate.ts';
import type { DecisionTree } from '../domain/decide/tree.ts';
import { anchorIndex } from '../domain/notes/anchors.ts';
import { diagramFileName } from '../markdown/remark-mermaid.ts';
import { shortHash } from '../markdown/mermaid/svg.ts';
import { inlineMarkdown } from './markdown.ts';
import { readYamlFiles } from '../integrations/load-notes.ts';
import { noteText } from './notes.ts';
import { decideDir } from './paths.ts';
import { type SourceLink, sourceLink } from './quiz-view.ts';
import { href } from './url.ts';

export interface Reason {
  html: string;
  sources: SourceLink[];
}

/** The part the browser module needs (serialised into the page as JSON). */
export interface WalkerData {
  tree: DecisionTree;
  /** Question id → hint HTML. */
  hints: Record<string, string>;
  /** Question id → answer slug → reason. */
  answers: Record<string, Record<string, Reason>>;
  /** Leaf id → reason. */
  leaves: Record<string, Reason>;
  links: { href: string; text: string }[];
}

export interface WalkerView {
  id: string;
  title: string;
  summary: string;
  tags: string[];
  data: WalkerData;
  diagram: {
    /** The standalone SVG the build writes for "Open full size". */
    img: string;
    /** The figure on the note page. */
    figure: string;
    /** Its accessible name on the note page: "Diagram 7: Decision Framework". */
    name: string;
    section: SourceLink;
  };
}

async function load(): Promise<WalkerView | undefined> {
  const files = await readYamlFiles(process.cwd(), decideDir());
  if (!files.length) return undefined;
  const notes = await getCollection('notes');
  const index = anchorIndex(notes);
  const { walkers, errors } = checkWalkerFiles(files, notes.map(noteText), index);
  // The content gate has already stopped the build for these; this is a second line of defence.
  const walker = walkers[0];
  if (errors.length || !walker) throw new Error(errors.map(formatContentError).join('\n'));

  const { checked, tree, diagram } = walker;
  const w = checked.data;
  const answers: WalkerData['answers'] = {};
  const hints: WalkerData['hints'] = {};
  for (const q of w.questions) {
    const question = tree.questions[q.id];
    if (!question) continue;
    if (q.hint) hints[q.id] = inlineMarkdown(q.hint);
    answers[q.id] = Object.fromEntries(
      q.answers.map((a) => [
        question.answers.find((x) => x.label === a.answer)?.slug ?? a.answer,
        { html: inlineMarkdown(a.reason), sources: a.source ? [sourceLink(a.source, index)] : [] },
      ]),
    );
  }
  const leaves: WalkerData['leaves'] = Object.fromEntries(
    w.leaves.map((l) => [
      l.id,
      { html: inlineMarkdown(l.reason), sources: l.sources.map((ref) => sourceLink(ref, index)) },
    ]),
  );
  return {
    id: w.id,
    title: w.title,
    summary: w.summary,
    tags: w.tags,
    data: { tree, hints, answers, leaves, links: w.links.map((l) => ({ ...l, href: href(l.href) })) },
    diagram: {
      img: href(`/diagrams/${diagramFileName(diagram.source)}`),
      figure: href(`/notes/${diagram.note}/#diagram-${shortHash(diagram.source)}`),
      name: `Diagram ${diagram.index}: ${diagram.heading}`,
      section: sourceLink(w.diagram, index),
    },
  };
}

let loaded: Promise<WalkerView | undefined> | undefined;

/** The walker, computed once per build (its page, /compare/ and the home page all ask). */
export const loadWalker = (): Promise<WalkerView | undefined> => (loaded ??= load());
