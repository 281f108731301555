import { afterEach, beforeEach, vi } from 'vitest';
import { useFakeClock } from './clock.js';
import { closeOpenServers } from './server.js';

beforeEach(() => useFakeClock());
afterEach(async () => {
  vi.useRealTimers();
  await closeOpenServers();
});
