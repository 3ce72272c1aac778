/** The specific codes of the batch pages (getting-started/batch/*). */
import { ApiError } from '../protocol/errors.js';

export const BatchCodes = {
  notSaved: 24091,
  incorrectFormat: 24092,
  emptyParameter: 24093,
  progressNotFound: 24105,
  notCompleted: 24114,
  resultsNotFound: 24115,
  tooManyJobs: 24448,
} as const;

export const MAX_JOBS = 200;

export const incorrectJobFormat = (detail: string): ApiError =>
  new ApiError(400, BatchCodes.incorrectFormat, 'Incorrect Job Format', [detail]);

export const emptyJobParameter = (detail: string): ApiError =>
  new ApiError(400, BatchCodes.emptyParameter, 'Empty job parameter found', [detail]);

export const tooManyJobs = (): ApiError =>
  new ApiError(400, BatchCodes.tooManyJobs, `The maximum number of jobs can be put on a single request is ${MAX_JOBS}`);

export const notSaved = (): ApiError => new ApiError(500, BatchCodes.notSaved, 'The information was not saved');

/** progress, restart and repost name an unknown batch with 24105; results with 24115. */
export const batchNotFound = (code: number = BatchCodes.progressNotFound): ApiError =>
  new ApiError(404, code, 'Could not find batch');

export const batchNotCompleted = (): ApiError => new ApiError(400, BatchCodes.notCompleted, 'Batch job not completed');
