// mediasoup-demo v3 protocol (shared/reference/mediasoup-demo-reference.md §1-§3) against a running Hongyan.
// Each test uses its own room, so tests do not see each other's peers.
import { afterEach, test as nodeTest } from 'node:test';
import assert from 'node:assert/strict';
import { TestPeer, closeAllPeers, newRoomId, rawUpgrade, metric, sleep } from './peer.mjs';

// A hung exchange fails its test instead of the whole run.
const test = (name, fn) => nodeTest(name, { timeout: 30_000 }, fn);
afterEach(closeAllPeers);

/** The metric once two readings 100 ms apart agree (at most ~5 s). */
async function stableMetric(name) {
  let previous = await metric(name);
  for (let i = 0; i < 50; i++) {
    await sleep(100);
    const current = await metric(name);
    if (current === previous) return current;
    previous = current;
  }
  assert.fail(`${name} did not settle: last ${previous}`);
}

/** Peers of one fresh room, connected, then prepared and joined in the order given; afterEach closes them. */
async function joinedPeers(...peers) {
  const roomId = newRoomId();
  const connected = [];
  for (const [peerId] of peers) connected.push(await TestPeer.connect(roomId, peerId));
  for (let i = 0; i < peers.length; i++) await connected[i].prepare(peers[i][1]);
  for (const peer of connected) await peer.join();
  return connected;
}

const NOT_JOINED = [
  ['produce', { transportId: 'x', kind: 'audio', rtpParameters: { codecs: [] } }],
  ['closeProducer', { producerId: 'x' }],
  ['pauseProducer', { producerId: 'x' }],
  ['resumeProducer', { producerId: 'x' }],
  ['pauseConsumer', { consumerId: 'x' }],
  ['resumeConsumer', { consumerId: 'x' }],
  ['setConsumerPreferredLayers', { consumerId: 'x', spatialLayer: 0, temporalLayer: 0 }],
  ['setConsumerPriority', { consumerId: 'x', priority: 1 }],
  ['requestConsumerKeyFrame', { consumerId: 'x' }],
  ['produceData', { transportId: 'x', sctpStreamParameters: { streamId: 0 }, label: 'chat', protocol: '', appData: {} }],
  ['changeDisplayName', { displayName: 'x' }],
];

test('handshake: roomId and peerId are required (400)', async () => {
  for (const path of ['/', '/?roomId=r', '/?peerId=p', '/?roomId=&peerId=p']) {
    const answer = await rawUpgrade(path);
    assert.equal(answer.status, 400, path);
    assert.match(answer.body, /Connection request without roomId and\/or peerId/);
  }
});

test('handshake: subprotocol protoo is required (403), and echoed on accept', async () => {
  const refused = await rawUpgrade(`/?roomId=${newRoomId()}&peerId=p`, { subprotocol: null });
  assert.equal(refused.status, 403);
  assert.match(refused.body, /invalid\/missing Sec-WebSocket-Protocol/);
  const accepted = await rawUpgrade(`/any/path?roomId=${newRoomId()}&peerId=p`);
  assert.equal(accepted.status, 101);
  assert.equal(accepted.protocol, 'protoo');
});

test('mediasoup-version comes first; router capabilities load a Device; transports come without SCTP', async () => {
  const peer = await TestPeer.connect(newRoomId());
  try {
    const first = await peer.notification('mediasoup-version');
    assert.equal(peer.notifications[0].method, 'mediasoup-version');
    assert.match(first.data.version, /^3\.\d+\.\d+$/);
    await peer.prepare();
    assert.ok(peer.device.loaded);
    assert.ok(peer.device.canProduce('audio'));
    assert.ok(peer.device.canProduce('video'));
    for (const info of [peer.sendInfo, peer.recvInfo]) {
      assert.equal(typeof info.id, 'string');
      assert.equal(info.iceParameters.iceLite, true);
      assert.ok(info.iceCandidates.length > 0);
      assert.ok(info.dtlsParameters.fingerprints.length > 0);
      // sctpCapabilities were sent, but there is no SCTP yet: no sctpParameters, and no failure.
      assert.equal(info.sctpParameters, undefined);
    }
    const ice = await peer.request('restartIce', { transportId: peer.sendInfo.id });
    assert.equal(typeof ice.usernameFragment, 'string');
    assert.notEqual(ice.usernameFragment, peer.sendInfo.iceParameters.usernameFragment);
    const stats = await peer.request('getTransportStats', { transportId: peer.sendInfo.id });
    assert.ok(Array.isArray(stats));
    assert.equal(stats[0].type, 'webrtc-transport');
  } finally {
    peer.close();
  }
});

test('requests before join: "Peer not yet joined"; join twice: "Peer already joined"', async () => {
  const peer = await TestPeer.connect(newRoomId());
  try {
    for (const [method, data] of NOT_JOINED) {
      const error = await peer.refused(method, data);
      assert.deepEqual(error, { errorCode: 500, errorReason: 'Peer not yet joined' }, method);
    }
    await peer.prepare();
    assert.deepEqual(await peer.join(), []);
    const again = await peer.refused('join', { displayName: 'again', device: {}, rtpCapabilities: peer.device.rtpCapabilities });
    assert.deepEqual(again, { errorCode: 500, errorReason: 'Peer already joined' });
  } finally {
    peer.close();
  }
});

test('unknown ids, bad parameters, unknown method, throttle, data channels', async () => {
  const peer = await TestPeer.connect(newRoomId());
  try {
    await peer.prepare();
    await peer.join();
    const notFound = (what, id) => ({ errorCode: 500, errorReason: `${what} with id "${id}" not found` });
    const dtlsParameters = { role: 'client', fingerprints: [{ algorithm: 'sha-256', value: 'AA:BB' }] };
    assert.deepEqual(await peer.refused('connectWebRtcTransport', { transportId: 'nope', dtlsParameters }), notFound('transport', 'nope'));
    assert.deepEqual(await peer.refused('restartIce', { transportId: 'nope' }), notFound('transport', 'nope'));
    assert.deepEqual(await peer.refused('getTransportStats', { transportId: 'nope' }), notFound('transport', 'nope'));
    const audio = peer.device.rtpCapabilities.codecs.find((c) => c.mimeType === 'audio/opus');
    const goodRtp = { codecs: [{ mimeType: 'audio/opus', payloadType: 111, clockRate: 48000, channels: 2 }], encodings: [{ ssrc: 1111 }] };
    assert.ok(audio);
    assert.deepEqual(await peer.refused('produce', { transportId: 'nope', kind: 'audio', rtpParameters: goodRtp, appData: {} }), notFound('transport', 'nope'));
    for (const method of ['closeProducer', 'pauseProducer', 'resumeProducer', 'getProducerStats']) {
      assert.deepEqual(await peer.refused(method, { producerId: 'nope' }), notFound('producer', 'nope'), method);
    }
    for (const method of ['pauseConsumer', 'resumeConsumer', 'requestConsumerKeyFrame', 'getConsumerStats']) {
      assert.deepEqual(await peer.refused(method, { consumerId: 'nope' }), notFound('consumer', 'nope'), method);
    }
    assert.deepEqual(await peer.refused('setConsumerPreferredLayers', { consumerId: 'nope', spatialLayer: 1 }), notFound('consumer', 'nope'));
    assert.deepEqual(await peer.refused('setConsumerPriority', { consumerId: 'nope', priority: 2 }), notFound('consumer', 'nope'));
    assert.deepEqual(await peer.refused('getDataProducerStats', { dataProducerId: 'nope' }), notFound('dataProducer', 'nope'));
    assert.deepEqual(await peer.refused('getDataConsumerStats', { dataConsumerId: 'nope' }), notFound('dataConsumer', 'nope'));

    // Bad RTP parameters: refused with mediasoup's TypeError wording, the connection stays usable.
    const transportId = peer.sendInfo.id;
    const noCodecs = await peer.refused('produce', { transportId, kind: 'audio', rtpParameters: {}, appData: {} });
    assert.deepEqual(noCodecs, { errorCode: 500, errorReason: 'missing params.codecs' });
    const badKind = await peer.refused('produce', { transportId, kind: 'smell', rtpParameters: goodRtp, appData: {} });
    assert.deepEqual(badKind, { errorCode: 500, errorReason: 'invalid kind' });
    const badCodec = await peer.refused('produce', {
      transportId, kind: 'audio', appData: {},
      rtpParameters: { codecs: [{ mimeType: 'audio/opus', payloadType: 'x', clockRate: 48000 }] },
    });
    assert.equal(badCodec.errorCode, 500);
    assert.match(badCodec.errorReason, /payloadType/);
    const badDtls = await peer.refused('connectWebRtcTransport', { transportId, dtlsParameters: { role: 'boss', fingerprints: [] } });
    assert.equal(badDtls.errorCode, 500);
    assert.match(badDtls.errorReason, /dtlsParameters/);

    assert.deepEqual(await peer.refused('fooBar', {}), { errorCode: 500, errorReason: 'unknown request.method "fooBar"' });
    for (const method of ['applyNetworkThrottle', 'resetNetworkThrottle']) {
      const error = await peer.refused(method, { secret: 'guess', uplink: 100, downlink: 100, rtt: 10, packetLoss: 1 });
      assert.deepEqual(error, { errorCode: 403, errorReason: 'operation NOT allowed' }, method);
    }
    const data = await peer.refused('produceData', { transportId, sctpStreamParameters: { streamId: 0, ordered: true }, label: 'chat', protocol: '', appData: {} });
    assert.equal(data.errorCode, 500);
    assert.match(data.errorReason, /not supported yet/);
    assert.deepEqual(await peer.refused('produceData', { transportId: 'nope', label: 'chat' }), notFound('transport', 'nope'));

    // Garbage and non-protoo JSON are dropped without killing the connection.
    peer.transport._ws.send('this is not JSON');
    peer.transport._ws.send(JSON.stringify({ request: true, id: 'text-id', method: 'join', data: {} }));
    peer.transport._ws.send(JSON.stringify({ request: true, id: 7, method: 42 }));
    peer.transport._ws.send('[1,2,3]');
    const caps = await peer.request('getRouterRtpCapabilities');
    assert.ok(Array.isArray(caps.codecs));
  } finally {
    peer.close();
  }
});

test('two peers: newPeer, newConsumer handshake, consumer controls, scores and stats', async () => {
  const roomId = newRoomId();
  const alice = await TestPeer.connect(roomId, 'alice');
  const bob = await TestPeer.connect(roomId, 'bob');
  try {
    await alice.prepare();
    await bob.prepare();
    assert.deepEqual(await alice.join('Alice'), []);
    const mic = await alice.produce('audio');
    const cam = await alice.produce('video', { share: true });
    const peers = await bob.join('Bob');
    assert.deepEqual(peers, [{ id: 'alice', displayName: 'Alice', device: { flag: 'node', name: 'FakeHandler', version: '3.24.1' } }]);
    const newPeer = await alice.notification('newPeer');
    assert.deepEqual(newPeer.data, { id: 'bob', displayName: 'Bob', device: { flag: 'node', name: 'FakeHandler', version: '3.24.1' } });

    // Existing producers are offered to the joining peer, paused, with the producer's appData and peerId.
    const offerMic = await bob.serverRequest('newConsumer', (d) => d.producerId === mic.id);
    const offerCam = await bob.serverRequest('newConsumer', (d) => d.producerId === cam.id);
    assert.equal(offerMic.data.peerId, 'alice');
    assert.equal(offerMic.data.kind, 'audio');
    assert.equal(offerMic.data.type, 'simple');
    assert.equal(offerMic.data.producerPaused, false);
    assert.deepEqual(offerMic.data.appData, { peerId: 'alice' });
    assert.deepEqual(offerCam.data.appData, { share: true, peerId: 'alice' });
    assert.equal(offerCam.data.kind, 'video');
    // The test peer sends one encoding (no simulcast), so the consumer is a simple one.
    assert.equal(offerCam.data.type, 'simple');
    assert.ok(offerMic.data.rtpParameters.codecs.length > 0);
    // After the accept the server resumes the consumer and sends its score.
    const score = await bob.notification('consumerScore', (d) => d.consumerId === offerMic.data.id);
    assert.equal(typeof score.data.score.score, 'number');
    assert.ok(Array.isArray(score.data.score.producerScores));
    assert.equal(bob.consumers.size, 2);

    // A producer made after both joined reaches the other peer too.
    const bobMic = await bob.produce('audio');
    const toAlice = await alice.serverRequest('newConsumer', (d) => d.producerId === bobMic.id);
    assert.equal(toAlice.data.peerId, 'bob');

    const consumerId = offerCam.data.id;
    assert.deepEqual(await bob.request('pauseConsumer', { consumerId }), {});
    assert.deepEqual(await bob.request('resumeConsumer', { consumerId }), {});
    assert.deepEqual(await bob.request('setConsumerPreferredLayers', { consumerId, spatialLayer: 0, temporalLayer: 0 }), {});
    assert.deepEqual(await bob.request('setConsumerPriority', { consumerId, priority: 2 }), {});
    assert.deepEqual(await bob.request('requestConsumerKeyFrame', { consumerId }), {});
    const consumerStats = await bob.request('getConsumerStats', { consumerId });
    assert.ok(Array.isArray(consumerStats));
    const producerStats = await alice.request('getProducerStats', { producerId: mic.id });
    assert.ok(Array.isArray(producerStats));
    // Consumers are the consuming peer's own: the producer's owner cannot touch them.
    assert.deepEqual(await alice.refused('pauseConsumer', { consumerId }),
      { errorCode: 500, errorReason: `consumer with id "${consumerId}" not found` });

    // Display names.
    assert.deepEqual(await bob.request('changeDisplayName', { displayName: 'Robert' }), {});
    const renamed = await alice.notification('peerDisplayNameChanged');
    assert.deepEqual(renamed.data, { peerId: 'bob', displayName: 'Robert', oldDisplayName: 'Bob' });
  } finally {
    alice.close();
    bob.close();
  }
});

test('the producer owner pauses, resumes and closes: consumerPaused, consumerResumed, consumerClosed; others get 403', async () => {
  const [alice, bob] = await joinedPeers(['alice'], ['bob']);
  const mic = await alice.produce('audio');
  const offer = await bob.serverRequest('newConsumer', (d) => d.producerId === mic.id);
  const consumerId = offer.data.id;
  await bob.notification('consumerScore', (d) => d.consumerId === consumerId);

  const forbidden = { errorCode: 403, errorReason: `producer with id "${mic.id}" belongs to another peer` };
  assert.deepEqual(await bob.refused('pauseProducer', { producerId: mic.id }), forbidden);
  assert.deepEqual(await bob.refused('closeProducer', { producerId: mic.id }), forbidden);

  assert.deepEqual(await alice.request('pauseProducer', { producerId: mic.id }), {});
  await bob.notification('consumerPaused', (d) => d.consumerId === consumerId);
  assert.deepEqual(await alice.request('resumeProducer', { producerId: mic.id }), {});
  await bob.notification('consumerResumed', (d) => d.consumerId === consumerId);
  assert.deepEqual(await alice.request('closeProducer', { producerId: mic.id }), {});
  await bob.notification('consumerClosed', (d) => d.consumerId === consumerId);
  assert.deepEqual(await bob.refused('pauseConsumer', { consumerId }),
    { errorCode: 500, errorReason: `consumer with id "${consumerId}" not found` });

  // A peer that refuses an offer (as the demo app does when not consuming) leaves it paused; nothing breaks.
  bob.onNewConsumer = 'reject';
  const cam = await alice.produce('video');
  const refusedOffer = await bob.serverRequest('newConsumer', (d) => d.producerId === cam.id);
  // Barrier: bob's refusal went out before this request on the same socket, so the server has handled it
  // by the time the answer comes back. The consumer is still there (refused offers are kept, paused)...
  assert.ok(Array.isArray(await bob.request('getConsumerStats', { consumerId: refusedOffer.data.id })));
  // ...and was never resumed, so no score follows.
  assert.ok(await bob.none('consumerScore', (d) => d.consumerId === refusedOffer.data.id, 300));
});

test('peers without a consuming transport or capabilities get no consumers', async () => {
  const [sender, viewer] = await joinedPeers(['sender', { produce: true, consume: false }],
    ['viewer', { produce: true, consume: true }]);
  const mic = await sender.produce('audio');
  await viewer.serverRequest('newConsumer', (d) => d.producerId === mic.id);
  // The viewer produces too: the sender, with no consuming transport and no capabilities, must not be offered it.
  const viewerMic = await viewer.produce('audio');
  // Barriers: the offers for viewerMic are made when its produce is handled, before the notification below
  // and before the sender's own request round trip.
  await viewer.request('changeDisplayName', { displayName: 'v' });
  await sender.notification('peerDisplayNameChanged');
  assert.ok(Array.isArray(await sender.request('getProducerStats', { producerId: mic.id })));
  // The producer exists server-side (its owner can read its stats), yet the sender got no newConsumer for it.
  assert.ok(Array.isArray(await viewer.request('getProducerStats', { producerId: viewerMic.id })));
  assert.equal(sender.serverRequests.filter((r) => r.method === 'newConsumer' && r.data.producerId === viewerMic.id).length, 0);
  assert.equal(sender.serverRequests.length, 0);
});

test('a leaving peer: peerClosed and consumerClosed for the others', async () => {
  const [alice, bob] = await joinedPeers(['alice'], ['bob']);
  const mic = await alice.produce('audio');
  const offer = await bob.serverRequest('newConsumer', (d) => d.producerId === mic.id);
  alice.close();
  await bob.notification('consumerClosed', (d) => d.consumerId === offer.data.id);
  await bob.notification('peerClosed', (d) => d.peerId === 'alice');
});

test('same peerId again: the old socket is closed with 4000, the new peer replaces it', async () => {
  const roomId = newRoomId();
  const watcher = await TestPeer.connect(roomId, 'watcher');
  const first = await TestPeer.connect(roomId, 'twin');
  try {
    await watcher.prepare();
    await watcher.join();
    await first.prepare();
    await first.join();
    await watcher.notification('newPeer', (d) => d.id === 'twin');
    const second = await TestPeer.connect(roomId, 'twin');
    try {
      await first.closed;
      assert.equal(first.closeCode, 4000);
      // protoo-client treats 4000 as final: no reconnect.
      assert.equal(first.disconnected, false);
      await watcher.notification('peerClosed', (d) => d.peerId === 'twin');
      await second.prepare();
      const peers = await second.join();
      assert.deepEqual(peers.map((p) => p.id), ['watcher']);
      await watcher.notification('newPeer', (d) => d.id === 'twin' && watcher.notifications.filter((n) => n.method === 'newPeer').length === 2);
    } finally {
      second.close();
    }
  } finally {
    watcher.close();
    first.close();
  }
});

test('the room closes with its last peer; the next peer gets a fresh room', async () => {
  const roomId = newRoomId();
  // The gauge is global: rooms of earlier tests may still be closing. Wait until it holds still.
  const before = await stableMetric('hongyan_media_rooms');
  assert.notEqual(before, undefined, 'the server exports hongyan_media_rooms');
  const alice = await TestPeer.connect(roomId, 'alice');
  await alice.prepare();
  await alice.join();
  const mic = await alice.produce('audio');
  assert.equal(await metric('hongyan_media_rooms'), before + 1);
  alice.close();
  for (let i = 0; i < 100 && (await metric('hongyan_media_rooms')) !== before; i++) await sleep(20);
  assert.equal(await metric('hongyan_media_rooms'), before);

  const bob = await TestPeer.connect(roomId, 'bob');
  try {
    await bob.prepare();
    assert.deepEqual(await bob.join(), []);
    // Nothing of the old room survives: alice's producer is gone with its router.
    assert.deepEqual(await bob.refused('getProducerStats', { producerId: mic.id }),
      { errorCode: 500, errorReason: `producer with id "${mic.id}" not found` });
    assert.equal(bob.serverRequests.length, 0);
  } finally {
    bob.close();
  }
});
