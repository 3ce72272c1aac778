/**
 * The shape of `batch.run`'s `jobs` (getting-started/batch/run.md): an array of at most 200
 * objects, each with the keys namespace, action and params. A missing key or a value of the
 * wrong type is an incorrect format (24092); a key that is present but empty is 24093. Empty
 * `params` (`{}` or `[]`) are fine: actions without parameters take exactly that.
 */
import { emptyJobParameter, incorrectJobFormat, MAX_JOBS, tooManyJobs } from './errors.js';

export interface BatchJob {
  namespace: string;
  action: string;
  params: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseJobs(jobs: unknown): BatchJob[] {
  if (!Array.isArray(jobs)) throw incorrectJobFormat("'jobs' must be an array of jobs");
  if (jobs.length === 0) throw emptyJobParameter("'jobs' is empty");
  if (jobs.length > MAX_JOBS) throw tooManyJobs();
  return jobs.map((job, index) => {
    const at = `jobs[${index}]`;
    if (!isObject(job)) throw incorrectJobFormat(`${at} must be an object with the keys namespace, action and params`);
    for (const key of ['namespace', 'action', 'params'] as const) {
      if (!(key in job)) throw incorrectJobFormat(`${at} has no '${key}'`);
    }
    const { namespace, action, params } = job;
    for (const [key, value] of [['namespace', namespace], ['action', action]] as const) {
      if (value === null || value === '') throw emptyJobParameter(`${at}.${key} is empty`);
      if (typeof value !== 'string') throw incorrectJobFormat(`${at}.${key} must be a string`);
      if (value.trim() === '') throw emptyJobParameter(`${at}.${key} is empty`);
    }
    if (params === null || params === '') throw emptyJobParameter(`${at}.params is empty`);
    if (typeof params !== 'object') throw incorrectJobFormat(`${at}.params must be an object`);
    return { namespace: namespace as string, action: action as string, params };
  });
}
