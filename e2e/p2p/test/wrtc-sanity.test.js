'use strict';
// Checks the WebRTC stack itself (no server): if this fails, the signaling tests cannot pass either.
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const {
  Peer, firstMessage, openChannel, waitFor, withTimeout, exitCleanlyAfterTests,
} = require('../lib/media');

exitCleanlyAfterTests(after);

test('two in-process peers exchange data and media without any server', async () => {
  const a = new Peer('a');
  const b = new Peer('b');
  try {
    a.oncandidate = (c) => c && b.pc.addIceCandidate(c);
    b.oncandidate = (c) => c && a.pc.addIceCandidate(c);
    const channel = a.pc.createDataChannel('chat');
    const incoming = new Promise((resolve) => { b.pc.ondatachannel = ({ channel: ch }) => resolve(ch); });
    await a.pc.setLocalDescription(await a.pc.createOffer());
    await b.pc.setRemoteDescription(a.pc.localDescription);
    await b.pc.setLocalDescription(await b.pc.createAnswer());
    await a.pc.setRemoteDescription(b.pc.localDescription);
    a.startMedia();
    b.startMedia();
    const received = incoming.then(firstMessage);
    await withTimeout(openChannel(channel), 'data channel open');
    channel.send('hello');
    assert.equal(await withTimeout(received, 'data message'), 'hello');
    await waitFor(() => a.received.video >= 30 && b.received.video >= 30, '30 video frames each way');
    await waitFor(() => a.received.audio >= 30 && b.received.audio >= 30, '30 audio chunks each way');
  } finally {
    a.close();
    b.close();
  }
});
