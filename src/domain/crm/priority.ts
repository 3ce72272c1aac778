/** "The priority of the task/activity: low, medium or high" — any letter case is accepted. */
import { z } from 'zod';
import { stringEnum } from '../../registry/params.js';

export const PRIORITIES = ['low', 'medium', 'high'] as const;

export const priority = () =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v), stringEnum(PRIORITIES));
