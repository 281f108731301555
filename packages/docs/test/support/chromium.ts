// One Chromium for the docs' test run: started before the first file and stopped after the
// last, each file connecting to it with contexts of its own (a start costs seconds of CPU).
import { inject } from 'vitest';
import type { TestProject } from 'vitest/node';
import { connectChromium, launchChromiumServer } from '../../../../scripts/chromium.js';

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await launchChromiumServer();
  project.provide('chromiumEndpoint', server.wsEndpoint());
  return () => server.close();
}

/** This run's Chromium, for a test file. */
export function sharedChromium() {
  return connectChromium(inject('chromiumEndpoint'));
}
