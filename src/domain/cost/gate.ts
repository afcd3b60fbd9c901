/**
 * What the schema alone cannot see in `content/pricing.yaml`: that `source` points at a real
 * note section, and that this section's worked example still says what the data says. The
 * /cost/ page claims to reproduce the note's example (~$90 and ~$1.03 a month); if someone edits
 * the prices in the note, or here, without the other, the build names the field, the note line
 * and both numbers instead of publishing a page that disagrees with its note.
 */
import { type Pricing, PricingSchema } from '../../schemas/pricing.ts';
import type { ContentError, ContentFile } from '../content/errors.ts';
import { gbSeconds, serverMonthly, serverlessMonthly } from './model.ts';
import { type AnchorIndex, SOURCE_REF, noteSection } from '../notes/anchors.ts';
import type { NoteText } from '../notes/collection.ts';
import { type CheckedYaml, type Path, checkYamlWith, sourceErrors } from '../content/yaml.ts';

/** A number the example states, where it states it (line within the text searched, 1-based). */
interface Stated {
  values: number[];
  line: number;
  quote: string;
}

const NUM = String.raw`(\d[\d,]*(?:\.\d+)?|\.\d+)`;
/** "= ~$90" at the end of a sum: the total the note states. */
const STATED_TOTAL = /=\s*~?\s*\$\s*(\d[\d,]*(?:\.\d+)?)(?!.*=)/;
const toNumber = (text: string) => Number(text.replace(/,/g, ''));
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The first line matching the pattern, with its captured numbers. */
function find(text: string, pattern: RegExp, convert = (m: RegExpExecArray) => [toNumber(m[1]!)]) {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const match = pattern.exec(line);
    if (match) return { values: convert(match), line: i + 1, quote: line.trim() } satisfies Stated;
  }
  return undefined;
}

const SCALE: Record<string, number> = { thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, billion: 1e9, b: 1e9 };

/** Equal within float noise (the note and the data write the same decimal). */
const equal = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

/** A total the note rounds ("~$90", "~$1.03"): right when it rounds to what the note shows. */
function roundsTo(computed: number, stated: string): boolean {
  const decimals = stated.split('.')[1]?.length ?? 0;
  return Math.abs(computed - toNumber(stated)) <= 0.5 * 10 ** -decimals + 1e-12;
}

export interface ExampleProblem {
  /** The field of the pricing file the problem is about. */
  path: Path;
  message: string;
}

/**
 * Compares the worked example in a note section (its Markdown) with the pricing data.
 * `where(line)` names a line of the section for messages (file:line of the note).
 */
export function exampleProblems(
  section: string,
  pricing: Pricing,
  where: (line: number) => string,
): ExampleProblem[] {
  const problems: ExampleProblem[] = [];
  const { server, serverless, defaults } = pricing;
  const at = (found: Stated) => `the note's example at ${where(found.line)} ("${found.quote}")`;
  const missing = (path: Path, what: string, shape: string) =>
    problems.push({
      path,
      message: `the note's cost example no longer states ${what} (written like "${shape}"), so the page cannot claim to reproduce it; update the note or this file`,
    });
  const check = (path: Path, found: Stated | undefined, ours: number, what: string, shape: string) => {
    if (!found) missing(path, what, shape);
    else if (!equal(found.values[0]!, ours))
      problems.push({
        path,
        message: `differs from ${at(found)}: the note says ${found.values[0]}; received ${ours} (change the note and this file together)`,
      });
  };

  // The inputs: "3 x t3.medium", "$0.0416/hr × 720 hrs", "1 million requests/month", "200ms", "256MB".
  const count = find(section, new RegExp(String.raw`(\d+)\s*[x×]\s*${escapeRegExp(server.name)}\b`, 'i'));
  if (count) check(['defaults', 'servers'], count, defaults.servers, '', '');
  else missing(['server', 'name'], `the servers as a count of ${server.name}`, `3 x ${server.name}`);
  const hourly = find(section, new RegExp(String.raw`\$\s*${NUM}\s*/\s*(?:hr|hour|h)\b`, 'i'));
  check(['server', 'hourly'], hourly, server.hourly, 'the hourly server price', '$0.0416/hr');
  const hours = find(section, new RegExp(String.raw`[×x*]\s*${NUM}\s*(?:hrs|hours|h)\b`, 'i'));
  check(['server', 'hoursPerMonth'], hours, server.hoursPerMonth, 'the hours a month', '× 720 hrs');
  const requests = find(
    section,
    new RegExp(String.raw`${NUM}\s*(thousand|million|billion|[kmb])?\s+requests?\s*(?:/|per|a)\s*month`, 'i'),
    (m) => [toNumber(m[1]!) * (m[2] ? SCALE[m[2].toLowerCase()]! : 1)],
  );
  check(
    ['defaults', 'requestsPerMonth'],
    requests,
    defaults.requestsPerMonth,
    'the requests a month',
    '1 million requests/month',
  );
  const duration = find(section, new RegExp(String.raw`${NUM}\s*ms\b`, 'i'));
  check(
    ['defaults', 'durationMs'],
    duration,
    defaults.durationMs,
    'the average duration',
    '200ms average duration',
  );
  const memory = find(section, new RegExp(String.raw`${NUM}\s*MB\b`));
  check(['defaults', 'memoryMb'], memory, defaults.memoryMb, 'the memory', '256MB memory');
  // "Cost: $0.0000166667 × 50,000 + $0.20 = ~$1.03/month"
  const lambda = find(
    section,
    new RegExp(String.raw`\$\s*${NUM}\s*[×x*]\s*${NUM}\s*\+\s*\$\s*${NUM}\s*=\s*~?\s*\$\s*${NUM}`, 'i'),
    (m) => [1, 2, 3].map((i) => toNumber(m[i]!)),
  );
  check(
    ['serverless', 'perGbSecond'],
    lambda,
    serverless.perGbSecond,
    'the serverless sum',
    'Cost: $0.0000166667 × 50,000 + $0.20 = ~$1.03/month',
  );
  const seconds = find(section, new RegExp(String.raw`=\s*${NUM}\s*GB-?s(?:ec(?:ond)?s?)?\b`, 'i'));
  if (!seconds) missing(['serverless', 'mbPerGb'], 'the GB-seconds', '= 50,000 GB-seconds');
  if (problems.length) return problems;

  // The results, only once the inputs agree (otherwise the input's own message says what differs):
  // the note's arithmetic redone with this file's numbers must give what the note says.
  const cost = serverlessMonthly(defaults, pricing);
  const ours = {
    gbSeconds: gbSeconds(defaults, pricing),
    server: serverMonthly(defaults, pricing),
  };
  const mismatch = (path: Path, found: Stated, message: string) =>
    problems.push({ path, message: `${at(found)} ${message}` });
  if (!equal(seconds!.values[0]!, ours.gbSeconds))
    mismatch(
      ['serverless', 'mbPerGb'],
      seconds!,
      `comes to ${seconds!.values[0]} GB-seconds, but its inputs with ${serverless.mbPerGb} MB per GB give ${ours.gbSeconds}`,
    );
  const serverTotal = STATED_TOTAL.exec(hourly!.quote)?.[1];
  if (serverTotal && !roundsTo(ours.server, serverTotal))
    mismatch(
      ['server', 'hourly'],
      hourly!,
      `comes to $${serverTotal} a month, but its inputs give $${ours.server.toFixed(2)}`,
    );
  // The "+ $0.20" is the request fee of the example's volume, not the price per million.
  const fee = lambda!.values[2]!;
  if (!equal(fee, cost.requests))
    mismatch(
      ['serverless', 'perMillionRequests'],
      lambda!,
      `has a request fee of $${fee}, but ${defaults.requestsPerMonth} requests at $${serverless.perMillionRequests} per million come to $${cost.requests}`,
    );
  const lambdaStated = STATED_TOTAL.exec(lambda!.quote)![1]!;
  if (!roundsTo(cost.total, lambdaStated))
    mismatch(
      ['serverless', 'perGbSecond'],
      lambda!,
      `comes to $${lambdaStated} a month, but its inputs give $${cost.total.toFixed(4)}`,
    );
  return problems;
}

/**
 * Checks the pricing file: schema, `source`, and the note's example. `notes` are the checked
 * notes (file, slug, body), so messages can name the note's file and line.
 */
export function checkPricingFile(
  file: ContentFile,
  index: AnchorIndex,
  notes: readonly NoteText[],
): { checked?: CheckedYaml<Pricing>; errors: ContentError[] } {
  return checkYamlWith(file, PricingSchema, (checked) => {
    const refErrors = sourceErrors(checked, index, [{ path: ['source'], ref: checked.data.source }]);
    if (refErrors.length) return refErrors;
    const [, slug = '', id = ''] = SOURCE_REF.exec(checked.data.source) ?? [];
    const note = notes.find((n) => n.data.slug === slug);
    const section = note && noteSection(note.body, id);
    if (!note || !section) return []; // resolved above: the index came from these notes
    const firstLine = note.bodyLine + section.line - 1;
    return exampleProblems(section.text, checked.data, (line) => `${note.file}:${firstLine + line - 1}`).map(
      (p) => checked.at(p.path, p.message),
    );
  });
}

/**
 * The pricing file as the build finds it: checked when it is there; when it is not, an error if
 * the site needs it (`content/pricing.yaml` feeds /cost/) and nothing otherwise (a build over
 * other notes that names no prices has no calculator).
 */
export function checkPricing(
  file: ContentFile | undefined,
  missing: { path: string; required: boolean },
  index: AnchorIndex,
  notes: readonly NoteText[],
): { checked?: CheckedYaml<Pricing>; errors: ContentError[] } {
  if (file) return checkPricingFile(file, index, notes);
  return {
    errors: missing.required
      ? [
          {
            file: missing.path,
            message: 'the file is missing: the cost calculator (/cost/) takes its prices from it',
          },
        ]
      : [],
  };
}
