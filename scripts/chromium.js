// @ts-check
// Debian's Chromium (or CHROMIUM_PATH), headless, driven by playwright-core: for the
// browser tests and the benchmark. Nothing is downloaded; a missing browser says how to get one.
// Debian's headless shell is preferred where it is installed: the same Blink without the
// browser's user interface, as playwright itself runs headless, it starts in a fraction of
// the CPU time and renders the docs for less.
import { existsSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

/**
 * Chromium keeps only the last --disable-features it is given, so this list repeats the
 * features playwright-core 1.65 turns off (see `assertFeaturesKept`), then turns off the
 * address bar's popups: a headless browser renders them in a page of their own, and renders
 * them again on every tab change, which costs seconds of CPU over a test run.
 */
const DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
  'WebUIOmniboxPopup',
  'WebUIOmniboxAimPopup',
  'WebUIOmniboxFullPopup',
];

/** Debian's headless shell, else its browser. */
const DEBIAN_CHROMIUMS = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'];

/** @returns {import('playwright-core').LaunchOptions} */
function launchOptions() {
  const executablePath = process.env.CHROMIUM_PATH ?? DEBIAN_CHROMIUMS.find((path) => existsSync(path));
  if (!executablePath || !existsSync(executablePath)) {
    throw new Error(
      `No Chromium at ${executablePath ?? DEBIAN_CHROMIUMS.join(' or ')}: install Debian's (apt-get install -y chromium-headless-shell, or chromium) or set CHROMIUM_PATH to another.`,
    );
  }
  return {
    executablePath,
    // No sandbox (root), no background calls home.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--disable-features=${DISABLED_FEATURES.join(',')}`,
    ],
  };
}

/** @returns {Promise<import('playwright-core').Browser>} */
export function launchChromium() {
  return chromium.launch(launchOptions());
}

/**
 * Chromium as a server that test files connect to (`connectChromium`), so that the files of
 * one test run share one browser: starting one costs seconds of CPU.
 * @returns {Promise<import('playwright-core').BrowserServer>}
 */
export async function launchChromiumServer() {
  const server = await chromium.launchServer(launchOptions());
  const { pid } = server.process();
  if (pid !== undefined && existsSync(`/proc/${pid}/cmdline`)) {
    try {
      assertFeaturesKept(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0'));
    } catch (error) {
      await server.close();
      throw error;
    }
  }
  return server;
}

/**
 * Fails when playwright-core turns off a feature that DISABLED_FEATURES, which replaces its
 * list, does not: a newer playwright-core's, say.
 * @param {string[]} commandLine the browser's, as it was started
 */
function assertFeaturesKept(commandLine) {
  const lists = commandLine
    .filter((arg) => arg.startsWith('--disable-features='))
    .map((arg) => arg.slice('--disable-features='.length).split(','));
  const kept = new Set(lists.at(-1));
  const dropped = lists
    .slice(0, -1)
    .flat()
    .filter((name) => !kept.has(name));
  if (dropped.length)
    throw new Error(
      `playwright-core turns off ${dropped.join(', ')}, which the --disable-features of scripts/chromium.js drops: add them to DISABLED_FEATURES.`,
    );
}

/**
 * @param {string} wsEndpoint a `launchChromiumServer` server's
 * @returns {Promise<import('playwright-core').Browser>}
 */
export function connectChromium(wsEndpoint) {
  return chromium.connect(wsEndpoint);
}
