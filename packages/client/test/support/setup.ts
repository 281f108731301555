import { afterEach, beforeEach, vi } from 'vitest';
import { useFakeClock } from './clock.js';

beforeEach(() => useFakeClock());
afterEach(() => {
  vi.useRealTimers();
});
