'use strict';
// Two real WebRTC peers connect through the domain P2P API (spec 003) the way webrtc-demo's
// offer-go/answer-go do: both open /ws/{domain}; the offerer POSTs /offer with base64(JSON(offer)) and
// its candidate lines after gathering; the answerer answers in a text frame on its own socket.
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const WebSocket = require('ws');
const {
  Peer, firstMessage, openChannel, waitFor, withTimeout, exitCleanlyAfterTests,
} = require('../lib/media');
const { baseUrl, wsUrl } = require('../lib/native');

exitCleanlyAfterTests(after);

const encode = (description) => Buffer.from(JSON.stringify({ type: description.type, sdp: description.sdp }))
  .toString('base64');
const decode = (base64) => JSON.parse(Buffer.from(base64, 'base64').toString('utf8'));

function open(domain) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl(`/ws/${domain}`));
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

function nextFrame(socket) {
  return new Promise((resolve) => socket.once('message', (data) => resolve(JSON.parse(data.toString()))));
}

test('an offer through POST /offer and an answer over the socket connect two peers', async () => {
  const suffix = `${process.pid}-${Date.now() % 100000}`;
  const offerDomain = `e2e-A-${suffix}`;
  const answerDomain = `e2e-B-${suffix}`;
  const socketA = await open(offerDomain);
  const socketB = await open(answerDomain);
  const offerer = new Peer('offerer');
  const answerer = new Peer('answerer');
  try {
    // Answerer: answers the pushed offer on its own socket.
    const answered = nextFrame(socketB).then(async (frame) => {
      assert.equal(frame.ty, 'offer');
      assert.equal(frame.answer_resp, null);
      const offer = frame.offer_req;
      await answerer.pc.setRemoteDescription(decode(offer.offer_sdp));
      for (const candidate of offer.candidate) {
        await answerer.pc.addIceCandidate({ candidate, sdpMLineIndex: 0 });
      }
      await answerer.pc.setLocalDescription(await answerer.pc.createAnswer());
      await answerer.gathered();
      socketB.send(JSON.stringify({
        ty: 'answer',
        answer_resp: {
          answer_sdp: encode(answerer.pc.localDescription),
          offer_domain: offer.offer_domain,
          candidate: answerer.candidates.map((c) => c.candidate),
        },
        offer_req: offer,
      }));
    });

    const channel = offerer.pc.createDataChannel('chat');
    const incoming = new Promise((resolve) => { answerer.pc.ondatachannel = ({ channel: ch }) => resolve(ch); });
    await offerer.pc.setLocalDescription(await offerer.pc.createOffer());
    await offerer.gathered();
    const answerFrame = nextFrame(socketA);
    const response = await fetch(`${baseUrl()}/offer`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        offer_sdp: encode(offerer.pc.localDescription),
        candidate: offerer.candidates.map((c) => c.candidate),
        answer_domain: answerDomain,
        offer_domain: offerDomain,
      }),
    });
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { code: 0, msg: 'success', data: null });

    await withTimeout(answered, 'the answerer to answer');
    const frame = await withTimeout(answerFrame, 'the answer frame at the offerer');
    assert.equal(frame.ty, 'answer');
    await offerer.pc.setRemoteDescription(decode(frame.answer_resp.answer_sdp));
    for (const candidate of frame.answer_resp.candidate) {
      await offerer.pc.addIceCandidate({ candidate, sdpMLineIndex: 0 });
    }

    offerer.startMedia();
    answerer.startMedia();
    await withTimeout(openChannel(channel), 'the data channel to open');
    const answererChannel = await withTimeout(incoming, 'the data channel at the answerer');
    const message = firstMessage(answererChannel);
    channel.send('hello through /offer');
    assert.equal(await withTimeout(message, 'the data message'), 'hello through /offer');

    await waitFor(() => offerer.received.video >= 30 && answerer.received.video >= 30,
      `30 video frames each way (offerer ${offerer.received.video}, answerer ${answerer.received.video})`);
    await waitFor(() => offerer.received.audio >= 30 && answerer.received.audio >= 30,
      `30 audio chunks each way (offerer ${offerer.received.audio}, answerer ${answerer.received.audio})`);
  } finally {
    offerer.close();
    answerer.close();
    socketA.close();
    socketB.close();
  }
});
