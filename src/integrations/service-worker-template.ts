/** Worker thread: bundles the service worker's template (service-worker.ts, `startTemplate`). */
import { workerData } from 'node:worker_threads';
import { ensureTemplate } from './service-worker.ts';

await ensureTemplate((workerData as { cacheDir: string }).cacheDir);
