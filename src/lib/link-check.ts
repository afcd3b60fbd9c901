import { LinkChecker, type CrawlResult } from 'linkinator';

/**
 * Requests the site check keeps in flight at once. Every built page is a starting point (at
 * 1,000 notes, ~2,700 of them): linkinator before 8.0.3 started every starting page's request
 * at once whatever this said, and its server, in the same busy process, could not accept them
 * in time: valid pages failed with status 0 (`UND_ERR_CONNECT_TIMEOUT`, undici's 10 s connect
 * limit). test/unit/site/link-check.test.ts holds the checker to this number.
 */
export const LINK_CONCURRENCY = 20;

export interface LinkCheckOptions {
  /** Starting points: paths under `serverRoot`, or full URLs of a site served elsewhere. */
  paths: string[];
  /** A folder linkinator serves itself; without it, `paths` are URLs. */
  serverRoot?: string;
  linksToSkip?: string[];
}

/** Every link, asset and `#fragment` on every starting page, at most LINK_CONCURRENCY requests at a time. */
export function checkLinks({ paths, serverRoot, linksToSkip = [] }: LinkCheckOptions): Promise<CrawlResult> {
  return new LinkChecker().check({
    path: paths,
    ...(serverRoot === undefined ? {} : { serverRoot }),
    checkFragments: true,
    concurrency: LINK_CONCURRENCY,
    linksToSkip,
  });
}
