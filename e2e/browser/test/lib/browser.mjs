// Launches Debian's Chromium through playwright-core with the flags known to work on these machines
// (no downloads of its own browser, no background connections to Google, fake camera and mic).
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.HONGYAN_CHROMIUM ?? '/usr/bin/chromium';

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  // Both pages share one process and are never visible: don't let Chromium throttle the hidden one.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

// HONGYAN_WEBRTC_LOG=1: libwebrtc's own log on stderr (very noisy; for diagnosing the media path).
const WEBRTC_LOG_FLAGS = ['--enable-logging=stderr', '--vmodule=*/webrtc/*=1,*/media/*=1'];

/** `extraArgs`: more Chromium flags, e.g. --use-file-for-fake-audio-capture=<wav>. */
export async function launch({ extraArgs = [] } = {}) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM} (./hongyan test installs Debian's chromium)`);
  }
  const webrtcLog = process.env.HONGYAN_WEBRTC_LOG === '1';
  // playwright gives every launch a fresh, temporary --user-data-dir and removes it on close.
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...FLAGS, ...extraArgs, ...(webrtcLog ? WEBRTC_LOG_FLAGS : [])],
    timeout: 30_000,
    ...(webrtcLog ? { logger: { isEnabled: (name) => name === 'browser', log: (_n, _s, message) => process.stderr.write(`[chromium] ${message}\n`) } } : {}),
  });
}

/** A page of the e2e bundle, with its console and errors echoed (prefixed) for the test output. */
export async function openPeerPage(context, pageUrl, label) {
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') console.error(`[${label} ${msg.type()}] ${msg.text()}`);
  });
  page.on('pageerror', (error) => console.error(`[${label} pageerror] ${error.message}`));
  const response = await page.goto(pageUrl, { waitUntil: 'load' });
  if (!response || !response.ok()) {
    throw new Error(`GET ${pageUrl} answered ${response?.status()} (is http.staticDir set to e2e/browser/dist?)`);
  }
  await page.waitForFunction(() => window.hongyan !== undefined, null, { timeout: 15_000 });
  return page;
}
