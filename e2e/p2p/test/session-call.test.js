'use strict';
// Two real WebRTC peers set up a call through the native protocol's session::* signals, as taoyao's
// web client does: the caller calls, the callee offers, candidates trickle through session::exchange.
// The caller speaks "Android": upper-case types and candidates under "sdp"; the server must relay both
// unchanged, so the callee normalises them here exactly as a real web client facing Android would.
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const {
  Peer, firstMessage, openChannel, waitFor, withTimeout, exitCleanlyAfterTests, wrtc,
} = require('../lib/media');
const { NativeClient, credentials } = require('../lib/native');

exitCleanlyAfterTests(after);

test('a session::call connects two peers: data channel message and media frames arrive', async () => {
  const { username, password } = credentials();
  const suffix = `${process.pid}-${Date.now() % 100000}`;
  const alice = await NativeClient.connect();
  const bob = await NativeClient.connect();
  const caller = new Peer('caller');
  const callee = new Peer('callee');
  try {
    await alice.register(`e2e-caller-${suffix}`, username, password);
    await bob.register(`e2e-callee-${suffix}`, username, password);

    const ringing = bob.next('session::call');
    const call = await alice.request('session::call', { clientId: bob.clientId, audio: true, video: true });
    assert.equal(call.clientId, bob.clientId);
    const ring = (await ringing).body;
    assert.equal(ring.sessionId, call.sessionId);
    assert.equal(ring.clientId, alice.clientId);
    const { sessionId } = call;

    // Caller side, Android style.
    alice.onmessage = async (message) => {
      if (message.header.signal !== 'session::exchange') return;
      const body = message.body;
      assert.equal(body.sessionId, sessionId);
      if (body.type === 'offer') {
        await caller.pc.setRemoteDescription({ type: 'offer', sdp: body.sdp });
        await caller.pc.setLocalDescription(await caller.pc.createAnswer());
        alice.push('session::exchange', { sessionId, type: 'ANSWER', sdp: caller.pc.localDescription.sdp });
      } else if (body.type === 'candidate') {
        await caller.pc.addIceCandidate(new wrtc.RTCIceCandidate(body.candidate));
      }
    };
    caller.oncandidate = (candidate) => {
      if (!candidate) return;
      alice.push('session::exchange', {
        sessionId,
        type: 'CANDIDATE',
        candidate: { sdpMid: candidate.sdpMid, sdpMLineIndex: candidate.sdpMLineIndex, sdp: candidate.candidate },
      });
    };

    // Callee side, web style; it accepts the Android variants it receives.
    bob.onmessage = async (message) => {
      if (message.header.signal !== 'session::exchange') return;
      const body = message.body;
      const type = body.type.toLowerCase();
      if (type === 'answer') {
        await callee.pc.setRemoteDescription({ type: 'answer', sdp: body.sdp });
      } else if (type === 'candidate') {
        const { sdpMid, sdpMLineIndex } = body.candidate;
        const text = body.candidate.candidate ?? body.candidate.sdp;
        await callee.pc.addIceCandidate(new wrtc.RTCIceCandidate({ sdpMid, sdpMLineIndex, candidate: text }));
      }
    };
    callee.oncandidate = (candidate) => {
      if (!candidate) return;
      bob.push('session::exchange', {
        sessionId,
        type: 'candidate',
        candidate: { sdpMid: candidate.sdpMid, candidate: candidate.candidate, sdpMLineIndex: candidate.sdpMLineIndex },
      });
    };

    const channel = callee.pc.createDataChannel('chat');
    const incoming = new Promise((resolve) => { caller.pc.ondatachannel = ({ channel: ch }) => resolve(ch); });
    await callee.pc.setLocalDescription(await callee.pc.createOffer());
    bob.push('session::exchange', { sessionId, type: 'offer', sdp: callee.pc.localDescription.sdp });

    caller.startMedia();
    callee.startMedia();
    await withTimeout(openChannel(channel), 'the data channel to open');
    const callerChannel = await withTimeout(incoming, 'the data channel at the caller');
    const message = firstMessage(callerChannel);
    channel.send('hello through session::*');
    assert.equal(await withTimeout(message, 'the data message'), 'hello through session::*');

    await waitFor(() => caller.received.video >= 30 && callee.received.video >= 30,
      `30 video frames each way (caller ${caller.received.video}, callee ${callee.received.video})`);
    await waitFor(() => caller.received.audio >= 30 && callee.received.audio >= 30,
      `30 audio chunks each way (caller ${caller.received.audio}, callee ${callee.received.audio})`);

    // Pause/resume and hang-up reach the other party.
    const paused = bob.next('session::pause');
    alice.push('session::pause', { sessionId, type: 'video' });
    assert.deepEqual((await paused).body, { sessionId, type: 'video' });
    bob.onmessage = null;
    const closed = bob.next('session::close');
    alice.push('session::close', { sessionId });
    assert.deepEqual((await closed).body, { sessionId, reason: 'hangup' });
  } finally {
    caller.close();
    callee.close();
    alice.close();
    bob.close();
  }
});
