import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * Flags for a headless Chromium on a closed network: without the background-networking
 * flags Chromium keeps trying to reach Google's hosts and floods the log with refusals.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const ENV_VARS = ['CHROMIUM_PATH', 'CHROME_PATH', 'PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH'];
const COMMANDS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds the system Chromium that builds (mermaid) and tests (Playwright) drive.
 * We never let a tool download its own browser: the machines have no internet.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  for (const name of ENV_VARS) {
    const value = env[name];
    if (value) {
      if (!isExecutable(value)) throw new Error(`${name}=${value} is not an executable file`);
      return value;
    }
  }
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const command of COMMANDS) {
    for (const dir of dirs) {
      const candidate = join(dir, command);
      if (isExecutable(candidate)) return candidate;
    }
  }
  throw new Error(
    `No Chromium found. Install one (Debian: apt-get install chromium) or set CHROMIUM_PATH. ` +
      `Looked for ${COMMANDS.join(', ')} on PATH.`,
  );
}
