/**
 * The cost calculator's prices, read at build time from `content/pricing.yaml` (the content gate
 * has already checked them against their schema and the note's example), with the link to the
 * note section they come from.
 */
import { getCollection } from 'astro:content';
import { anchorIndex } from '../domain/notes/anchors.ts';
import { formatContentError } from '../domain/content/errors.ts';
import { checkYamlFile } from '../domain/content/yaml.ts';
import { readPricingFile } from '../integrations/load-notes.ts';
import { PricingSchema, type Pricing } from '../schemas/pricing.ts';
import { type SourceLink, sourceLink } from './quiz-view.ts';

type PricingView = { pricing: Pricing; source: SourceLink };

async function load(): Promise<PricingView | undefined> {
  const file = await readPricingFile();
  if (!file) return undefined;
  const { checked, errors } = checkYamlFile(file, PricingSchema);
  if (!checked) throw new Error(errors.map(formatContentError).join('\n'));
  const index = anchorIndex(await getCollection('notes'));
  return { pricing: checked.data, source: sourceLink(checked.data.source, index) };
}

let loaded: Promise<PricingView | undefined> | undefined;

/** The prices and their note section, once per build; undefined when the build has no pricing file (no /cost/ page). */
export const loadPricing = (): Promise<PricingView | undefined> => (loaded ??= load());
