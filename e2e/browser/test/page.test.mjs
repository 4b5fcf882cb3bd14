// Preconditions of the SFU test that involve no SFU: Hongyan serves the bundle, the fake camera gives
// 1280x720 (needed for three simulcast layers), and this Chromium can encode both codecs under test.
// When these pass and sfu.test.mjs fails, the fault is in the server, not the browser setup.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPeerPage } from './lib/browser.mjs';
import { serverUrls } from './lib/peers.mjs';

let browser;
let page;

before(async () => {
  browser = await launch();
  page = await openPeerPage(await browser.newContext(), serverUrls().page, 'page');
}, { timeout: 60_000 });

after(async () => {
  await browser?.close();
});

it('the bundle served by Hongyan exposes the driver API', async () => {
  const api = await page.evaluate(() => Object.keys(window.hongyan).sort());
  for (const name of ['joinAsProducer', 'joinAsConsumer', 'pauseProducer', 'resumeProducer', 'closeProducer',
    'setPreferredLayers', 'consumerStats', 'notifications']) {
    assert.ok(api.includes(name), `window.hongyan.${name}`);
  }
});

it('the fake camera delivers 1280x720 and the fake microphone a track', async () => {
  const settings = await page.evaluate(async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 1280, height: 720 } });
    const result = { video: stream.getVideoTracks()[0].getSettings(), audio: stream.getAudioTracks().length };
    stream.getTracks().forEach((t) => t.stop());
    return result;
  });
  assert.equal(settings.video.width, 1280);
  assert.equal(settings.video.height, 720);
  assert.equal(settings.audio, 1);
});

it('Chromium can send VP8 and H264 (constrained baseline)', async () => {
  const codecs = await page.evaluate(() => RTCRtpSender.getCapabilities('video').codecs
    .map((c) => `${c.mimeType} ${c.sdpFmtpLine ?? ''}`));
  assert.ok(codecs.some((c) => c.startsWith('video/VP8')), codecs.join('\n'));
  assert.ok(codecs.some((c) => c.startsWith('video/H264') && /profile-level-id=42e0/.test(c)), codecs.join('\n'));
});
