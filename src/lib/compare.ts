/**
 * Build-time data of the comparison pages: the checked `content/compare/` files (the content
 * gate has already stopped the build on any error) merged with the notes' tables.
 */
import { getCollection } from 'astro:content';
import { checkCompareContent } from '../domain/compare/gate.ts';
import {
  type Disagreement,
  type MatrixClaim,
  type MatrixRow,
  comparisonClaims,
  findDisagreements,
  matchClaim,
  mergeMatrix,
  resolutionFor,
} from '../domain/compare/matrix.ts';
import { anchorIndex } from '../domain/notes/anchors.ts';
import { sortNotes } from '../domain/notes/collection.ts';
import type { ClaimRef, Comparison } from '../schemas/compare.ts';
import { readYamlFiles } from '../integrations/load-notes.ts';
import { noteText } from './notes.ts';
import { compareDir } from './paths.ts';
import { inlineMarkdown } from './markdown.ts';
import { sourceLink } from './quiz-view.ts';
import { href } from './url.ts';
import { normalise } from '../domain/content/text.ts';

/** A note as a source of claims: a short letter, so a cell can cite it in a few characters. */
export interface SourceNote {
  slug: string;
  title: string;
  letter: string;
  claims: number;
}

export interface ShownClaim extends MatrixClaim {
  href: string;
  letter: string;
  noteTitle: string;
  /** The note's own words for the aspect / option, when they differ from the row / column. */
  saysAspect?: string;
  saysOption?: string;
  /** Id of the disagreement that cites this claim. */
  disputed?: string;
}

export interface ShownRef {
  href: string;
  letter: string;
  noteTitle: string;
  heading: string;
  option?: string;
  text: string;
  quote: boolean;
}

export interface ShownDisagreement {
  id: string;
  title: string;
  aspect: string;
  aspectLabel: string;
  claims: ShownRef[];
  resolutionHtml: string;
}

export interface TableLeftOut {
  note: string;
  noteTitle: string;
  href: string;
  heading: string;
  header: string;
}

export interface ComparePage {
  comparison: Comparison;
  options: { id: string; label: string }[];
  rows: (Omit<MatrixRow, 'cells'> & { cells: Record<string, ShownClaim[]>; disputed?: string })[];
  disagreements: ShownDisagreement[];
  unresolved: (Disagreement & { aspectLabel: string })[];
  sources: SourceNote[];
  claimCount: number;
  tableCount: number;
}

export interface CompareData {
  pages: ComparePage[];
  /** Tables of the notes that no comparison uses (listed on /compare/, so nothing is hidden). */
  leftOut: TableLeftOut[];
}

let loaded: Promise<CompareData> | undefined;

async function load(): Promise<CompareData> {
  const collection = sortNotes(await getCollection('notes'));
  const notes = collection.map((n) => ({ ...n.data, body: n.body ?? '' }));
  const files = await readYamlFiles(process.cwd(), compareDir());
  const index = anchorIndex(collection);
  const content = checkCompareContent(files, collection.map(noteText), index);
  // The content gate reports these with file and line before the build starts.
  if (content.errors.length || !content.vocabulary || !content.claims) return { pages: [], leftOut: [] };
  const { vocabulary, claims: all } = content;
  const letters = new Map(notes.map((n, i) => [n.slug, String.fromCharCode(65 + i)]));
  const titles = new Map(notes.map((n) => [n.slug, n.title]));
  const optionLabel = (id: string) => vocabulary.options.find((o) => o.id === id)?.label ?? id;
  const aspectLabel = (id: string) => vocabulary.aspects.find((a) => a.id === id)?.label ?? id;

  const usedTables = new Set<string>();
  const pages = content.comparisons.map((comparison): ComparePage => {
    const { claims, used } = comparisonClaims(all, comparison);
    for (const t of used) usedTables.add(`${t.note}/${t.index}`);
    const detected = findDisagreements(claims, vocabulary, comparison.options);
    const disputedBy = (claim: MatrixClaim) =>
      comparison.disagreements.find((d) => d.claims.some((ref) => matchClaim(ref, [claim])))?.id;
    const show = (claim: MatrixClaim): ShownClaim => {
      const rowLabel = aspectLabel(claim.aspect);
      const disputed = disputedBy(claim);
      return {
        ...claim,
        href: sourceLink(claim.source, index).href,
        letter: letters.get(claim.note) ?? '?',
        noteTitle: titles.get(claim.note) ?? claim.note,
        ...(normalise(claim.aspectLabel) !== normalise(rowLabel) ? { saysAspect: claim.aspectLabel } : {}),
        // "Stateful Architecture" is just the column's name; "Monolith" is worth showing.
        ...(normalise(claim.optionLabel).includes(normalise(optionLabel(claim.option)).split(' ')[0] ?? '')
          ? {}
          : { saysOption: claim.optionLabel }),
        ...(disputed ? { disputed } : {}),
      };
    };
    const rows = mergeMatrix(claims, vocabulary, comparison.options).map((row) => ({
      ...row,
      cells: Object.fromEntries(Object.entries(row.cells).map(([o, list]) => [o, list.map(show)])),
      ...((id) => (id ? { disputed: id } : {}))(
        comparison.disagreements.find((d) => d.aspect === row.aspect)?.id,
      ),
    }));
    const showRef = (ref: ClaimRef): ShownRef => {
      const [slug = ''] = ref.source.split('#');
      const { href, heading } = sourceLink(ref.source, index);
      return {
        href,
        letter: letters.get(slug) ?? '?',
        noteTitle: titles.get(slug) ?? slug,
        heading,
        ...(ref.option ? { option: optionLabel(ref.option) } : {}),
        text: ref.quote ?? ref.value ?? '',
        quote: ref.quote !== undefined,
      };
    };
    const counted = new Map<string, number>();
    for (const c of claims) counted.set(c.note, (counted.get(c.note) ?? 0) + 1);
    return {
      comparison,
      options: comparison.options.map((id) => ({ id, label: optionLabel(id) })),
      rows,
      disagreements: comparison.disagreements.map((d) => ({
        id: d.id,
        title: d.title,
        aspect: d.aspect,
        aspectLabel: aspectLabel(d.aspect),
        claims: d.claims.map(showRef),
        resolutionHtml: inlineMarkdown(d.resolution),
      })),
      unresolved: detected
        .filter((d) => !resolutionFor(d, comparison.disagreements))
        .map((d) => ({ ...d, aspectLabel: aspectLabel(d.aspect) })),
      sources: notes
        .filter((n) => counted.has(n.slug))
        .map((n) => ({
          slug: n.slug,
          title: n.title,
          letter: letters.get(n.slug) ?? '?',
          claims: counted.get(n.slug) ?? 0,
        })),
      claimCount: claims.length,
      tableCount: used.length,
    };
  });
  const leftOut = all.tables
    .filter((t) => !usedTables.has(`${t.note}/${t.index}`))
    .map((t) => ({
      note: t.note,
      noteTitle: titles.get(t.note) ?? t.note,
      href: href(`/notes/${t.note}/#${t.headings.at(-1)?.id ?? ''}`),
      heading: t.headings.at(-1)?.text ?? '',
      header: t.header.join(' | '),
    }));
  return { pages, leftOut };
}

/** Every comparison page, computed once per build. */
export const loadComparisons = (): Promise<CompareData> => (loaded ??= load());
