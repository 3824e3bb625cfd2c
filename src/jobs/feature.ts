import type { Feature } from '../http/types.js';
import type { JobQueue } from './queue.js';

/**
 * Starts the job queue once every feature has defined its jobs, and stops it last (features
 * stop in reverse order, and this one comes first), waiting for jobs under way.
 */
export function createJobsFeature(queue: JobQueue): Feature {
  return {
    routes() {},
    start: () => queue.start(),
    stop: () => queue.stop(),
  };
}
