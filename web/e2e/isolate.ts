/**
 * Set up before every end-to-end file: when the file is done, nothing it started is still
 * running (files share one arena, one after another).
 */
import { afterAll } from 'vitest';
import { stopRunningMatches } from './harness';

afterAll(stopRunningMatches);
