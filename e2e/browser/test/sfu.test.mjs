// Browser → Hongyan SFU → browser. Peer A produces the fake camera and mic, peer B consumes, both
// mediasoup-client over protoo on pages served by Hongyan; assertions read B's RTCRtpReceiver stats.
// Needs HONGYAN_URL (the JUnit test BrowserSfuTest starts the server and sets it).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPeerPage } from './lib/browser.mjs';
import { Peer, serverUrls, sleep, step, waitFor } from './lib/peers.mjs';

const MIN_FRAMES = 60;
// Frames already in the jitter buffer or decoder when the SFU stops forwarding.
const PAUSE_SETTLE_MS = 1_500;
const PAUSE_WATCH_MS = 2_000;
const LOW_LAYER_MAX_WIDTH = 1280 / 4;

const urls = serverUrls();
let browser;

before(async () => {
  browser = await launch();
}, { timeout: 45_000 });

after(async () => {
  await browser?.close();
});

async function openPeers(label) {
  const context = await browser.newContext();
  const a = new Peer(await openPeerPage(context, urls.page, `${label} A`), `${label} A (producer)`);
  const b = new Peer(await openPeerPage(context, urls.page, `${label} B`), `${label} B (consumer)`);
  return { context, a, b };
}

async function flowing(b, peers, since = 0, frames = MIN_FRAMES, timeoutMs = 30_000) {
  return step(`B decodes ${frames} video frames and receives audio`, peers, () =>
    waitFor('decoded video and received audio at B', () => b.stats(),
      (s) => s.video?.framesDecoded >= since + frames && s.audio?.packetsReceived > 0, { timeoutMs }));
}

async function videoConsumerId(b) {
  const s = await b.stats();
  return s.consumers.find((c) => c.kind === 'video')?.id;
}

async function pauseAndResume(a, b, peers) {
  const consumerId = await videoConsumerId(b);
  await step('A pauses its video producer; B gets consumerPaused', peers, async () => {
    await a.call('pauseProducer', 'video');
    await b.notification('consumerPaused', (d) => d.consumerId === consumerId);
  });
  const stalled = await step('B stops decoding while paused', peers, async () => {
    await sleep(PAUSE_SETTLE_MS);
    const before = (await b.stats()).video.framesDecoded;
    await sleep(PAUSE_WATCH_MS);
    const after = (await b.stats()).video.framesDecoded;
    // A disabled track still sends black frames, so a stall here means the SFU stopped forwarding.
    assert.ok(after - before <= 1, `framesDecoded went ${before} → ${after} while the producer was paused`);
    return after;
  });
  await step('A resumes; B gets consumerResumed', peers, async () => {
    await a.call('resumeProducer', 'video');
    await b.notification('consumerResumed', (d) => d.consumerId === consumerId);
  });
  // Needs a fresh keyframe: the SFU must ask A for one when B's consumer resumes.
  await flowing(b, peers, stalled, 30, 15_000);
}

async function switchLayers(a, b, peers) {
  const consumerId = await videoConsumerId(b);
  const layersChanged = (since, accept) => waitFor('consumerLayersChanged', () => b.notifications(),
    (all) => all.slice(since).some((n) => n.method === 'consumerLayersChanged' && n.data.consumerId === consumerId
      && accept(n.data.spatialLayer)), { timeoutMs: 15_000 });
  // A switch down proves nothing if B is already at the bottom (A's encoder drops its upper layers
  // when its bandwidth estimate falls), so first B must be above layer 0.
  await step('B receives a layer above 0 (A sends at least two simulcast layers)', peers, () =>
    waitFor('B frameWidth above the low layer', () => b.stats(),
      (s) => s.video.frameWidth > LOW_LAYER_MAX_WIDTH, { timeoutMs: 20_000 }));
  await step('B prefers spatial layer 0: consumerLayersChanged and a low-resolution picture', peers, async () => {
    const since = (await b.notifications()).length;
    await b.call('setPreferredLayers', { spatialLayer: 0, temporalLayer: 2 });
    await layersChanged(since, (spatial) => spatial === 0);
    await waitFor('B frameWidth at the low layer', () => b.stats(),
      (s) => s.video.frameWidth > 0 && s.video.frameWidth <= LOW_LAYER_MAX_WIDTH, { timeoutMs: 15_000 });
  });
  await step('B prefers spatial layer 2: a higher layer comes back', peers, async () => {
    const since = (await b.notifications()).length;
    await b.call('setPreferredLayers', { spatialLayer: 2, temporalLayer: 2 });
    // How high it goes depends on A's bandwidth estimate; any layer above 0 shows the switch works.
    await layersChanged(since, (spatial) => spatial > 0);
    await waitFor('B frameWidth above the low layer', () => b.stats(),
      (s) => s.video.frameWidth > LOW_LAYER_MAX_WIDTH, { timeoutMs: 20_000 });
  });
  console.error(`simulcast: B back at ${(await b.stats()).video.frameWidth}px wide`);
}

async function closeProducer(a, b, peers) {
  const consumerId = await videoConsumerId(b);
  await step('A closes its video producer; B gets consumerClosed', peers, async () => {
    await a.call('closeProducer', 'video');
    await b.notification('consumerClosed', (d) => d.consumerId === consumerId);
  });
}

function sfuCase({ codec, simulcast }) {
  return async () => {
    const label = `${codec}${simulcast ? '-simulcast' : ''}`;
    const roomId = `e2e-${label}-${Date.now()}`;
    const { context, a, b } = await openPeers(label);
    const peers = [a, b];
    try {
      await step('B joins as consumer', peers, () =>
        b.call('joinAsConsumer', { url: urls.protoo, roomId, peerId: 'peer-b' }));
      const produced = await step('A joins and produces', peers, () =>
        a.call('joinAsProducer', { url: urls.protoo, roomId, peerId: 'peer-a', codec, simulcast }));
      assert.equal(produced.videoCodec.toLowerCase(), `video/${codec}`.toLowerCase());
      assert.equal(produced.encodings.length, simulcast ? 3 : 1, 'video encodings sent');

      const stats = await flowing(b, peers);
      console.error(`${label}: B ${JSON.stringify(stats.video)}`);
      assert.equal(stats.video.codec?.mimeType?.toLowerCase(), `video/${codec}`.toLowerCase(), 'codec B decodes');
      assert.equal(stats.consumers.find((c) => c.kind === 'video').type, simulcast ? 'simulcast' : 'simple');

      await pauseAndResume(a, b, peers);
      if (simulcast) await switchLayers(a, b, peers);
      await closeProducer(a, b, peers);
    } finally {
      await Promise.allSettled(peers.map((p) => p.call('leave')));
      await context.close();
    }
  };
}

describe('browser → Hongyan SFU → browser', () => {
  it('VP8', { timeout: 150_000 }, sfuCase({ codec: 'VP8', simulcast: false }));
  it('H264', { timeout: 150_000 }, sfuCase({ codec: 'H264', simulcast: false }));
  it('VP8 with 3 simulcast encodings', { timeout: 180_000 }, sfuCase({ codec: 'VP8', simulcast: true }));
});
