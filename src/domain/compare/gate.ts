/**
 * What the schemas alone cannot see in `content/compare/`: labels listed for two aspects (or two
 * options), comparisons naming options the vocabulary lacks, and resolutions whose claims the
 * notes no longer make (an edited note turns its resolution stale, and the build says which).
 * Disagreements the notes contain but no resolution covers come back as warnings: the page shows
 * them as unresolved, and a content test keeps the shipped notes at zero.
 */
import {
  type Comparison,
  ComparisonSchema,
  type Vocabulary,
  VocabularySchema,
} from '../../schemas/compare.ts';
import {
  type Disagreement,
  type NoteSource,
  type NotesClaims,
  comparisonClaims,
  findDisagreements,
  notesClaims,
  resolutionFor,
  sectionTexts,
  staleClaim,
  vocabularyLookup,
} from './matrix.ts';
import type { ContentError, ContentFile } from '../content/errors.ts';
import type { AnchorIndex } from '../notes/anchors.ts';
import type { NoteText } from '../notes/collection.ts';
import {
  type CheckedYaml,
  type Path,
  checkYamlFile,
  duplicateIdErrors,
  idMatchesFileName,
  sourceErrors,
} from '../content/yaml.ts';
import { normalise } from '../content/text.ts';

export const VOCABULARY_FILE = 'vocabulary.yaml';

export interface CompareContent {
  vocabulary?: Vocabulary;
  comparisons: Comparison[];
  errors: ContentError[];
  /** Disagreements found in the notes that no resolution covers (one per disagreement). */
  warnings: ContentError[];
  /** Every table of the notes and the claims the vocabulary places (when the vocabulary is valid). */
  claims?: NotesClaims;
}

function checkVocabulary(checked: CheckedYaml<Vocabulary>): ContentError[] {
  const errors: ContentError[] = [];
  for (const list of ['aspects', 'options'] as const) {
    const items = checked.data[list];
    const owner = new Map<string, string>();
    items.forEach((item, i) =>
      item.aliases.forEach((alias, j) => {
        const key = normalise(alias);
        const other = owner.get(key);
        if (other !== undefined && other !== item.id)
          errors.push(
            checked.at(
              [list, i, 'aliases', j],
              `"${alias}" is already an alias of "${other}": a label can mean only one thing`,
            ),
          );
        owner.set(key, item.id);
      }),
    );
  }
  return [...errors, ...duplicateIdErrors(checked)];
}

function checkComparison(
  checked: CheckedYaml<Comparison>,
  vocabulary: Vocabulary,
  index: AnchorIndex,
  claims: ReturnType<typeof notesClaims>,
  sections: Map<string, Map<string, string>>,
): ContentError[] {
  const comparison = checked.data;
  const errors: ContentError[] = idMatchesFileName(checked, 'comparison');
  const at = (path: Path, message: string) => errors.push(checked.at(path, message));
  const optionIds = vocabulary.options.map((o) => o.id);
  comparison.options.forEach((option, i) => {
    if (!optionIds.includes(option))
      at(
        ['options', i],
        `"${option}" is not an option of ${VOCABULARY_FILE} (options: ${optionIds.join(', ')})`,
      );
    if (comparison.options.indexOf(option) !== i) at(['options', i], `"${option}" is listed twice`);
  });
  errors.push(...duplicateIdErrors(checked));
  const aspectIds = vocabulary.aspects.map((a) => a.id);
  comparison.disagreements.forEach((d, i) => {
    if (!aspectIds.includes(d.aspect))
      at(['disagreements', i, 'aspect'], `"${d.aspect}" is not an aspect of ${VOCABULARY_FILE}`);
    d.claims.forEach((ref, j) => {
      const path = ['disagreements', i, 'claims', j];
      const unresolved = sourceErrors(checked, index, [{ path: [...path, 'source'], ref: ref.source }]);
      if (unresolved.length) errors.push(...unresolved);
      else if (ref.option !== undefined && !comparison.options.includes(ref.option))
        at([...path, 'option'], `"${ref.option}" is not one of this comparison's options`);
      else {
        const stale = staleClaim(ref, claims.claims, sections, d.aspect);
        if (stale) at([...path, ref.quote === undefined ? 'value' : 'quote'], stale);
      }
    });
  });
  return errors;
}

/** One line naming the aspect, both sides and where each side is said. */
export function describeDisagreement(d: Disagreement): string {
  const side = (orders: Disagreement['above']) =>
    orders.map((o) => `${o.first.source} ("${o.first.value}" vs "${o.second.value}")`).join(', ');
  return `${d.aspect}: ${d.options[0]} above ${d.options[1]} in ${side(d.above)}; below in ${side(d.below)}`;
}

/**
 * Checks the vocabulary and every comparison file against each other and the notes.
 * `files` are all YAML files of `content/compare/` (the vocabulary among them).
 */
export function checkCompareContent(
  files: readonly ContentFile[],
  notes: readonly NoteText[],
  index: AnchorIndex,
): CompareContent {
  const vocabularyFile = files.find((f) => f.path.endsWith(VOCABULARY_FILE));
  const comparisonFiles = files.filter((f) => f !== vocabularyFile);
  if (!comparisonFiles.length) return { comparisons: [], errors: [], warnings: [] };
  if (!vocabularyFile)
    return {
      comparisons: [],
      errors: [
        {
          file: comparisonFiles[0]?.path ?? VOCABULARY_FILE,
          message: `comparisons need ${VOCABULARY_FILE} beside them (the aspect and option synonyms)`,
        },
      ],
      warnings: [],
    };
  const vocab = checkYamlFile(vocabularyFile, VocabularySchema);
  if (!vocab.checked) return { comparisons: [], errors: vocab.errors, warnings: [] };
  const vocabErrors = checkVocabulary(vocab.checked);
  if (vocabErrors.length) return { comparisons: [], errors: vocabErrors, warnings: [] };
  const vocabulary = vocab.checked.data;

  const sources: NoteSource[] = notes.map((n) => ({ slug: n.data.slug, title: n.data.title, body: n.body }));
  const claims = notesClaims(sources, vocabularyLookup(vocabulary));
  const sections = new Map(sources.map((n) => [n.slug, sectionTexts(n.body)]));
  const errors: ContentError[] = [];
  const warnings: ContentError[] = [];
  const comparisons: Comparison[] = [];
  for (const file of comparisonFiles) {
    const { checked, errors: parseErrors } = checkYamlFile(file, ComparisonSchema);
    if (!checked) {
      errors.push(...parseErrors);
      continue;
    }
    const problems = checkComparison(checked, vocabulary, index, claims, sections);
    errors.push(...problems);
    if (problems.length) continue;
    comparisons.push(checked.data);
    const { claims: shown } = comparisonClaims(claims, checked.data);
    for (const d of findDisagreements(shown, vocabulary, checked.data.options))
      if (!resolutionFor(d, checked.data.disagreements))
        warnings.push({ file: file.path, message: `unresolved disagreement on ${describeDisagreement(d)}` });
  }
  return { vocabulary, comparisons, errors, warnings, claims };
}
