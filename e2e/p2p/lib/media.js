'use strict';
// Real WebRTC peers for the end-to-end tests: @roamhq/wrtc (libwebrtc for Node) with synthetic
// audio and video fed through its nonstandard sources, and sinks that count what arrives decoded.
const wrtc = require('@roamhq/wrtc');

const { RTCPeerConnection, nonstandard } = wrtc;
const { RTCVideoSource, RTCVideoSink, RTCAudioSource, RTCAudioSink } = nonstandard;

const WIDTH = 320;
const HEIGHT = 240;
const SAMPLE_RATE = 48000;

/**
 * A peer that sends one synthetic video track and one synthetic audio track, and counts the decoded
 * frames of the tracks it receives. Loopback host candidates only: no STUN/TURN is needed between two
 * peers in one process.
 */
class Peer {
  constructor(name) {
    this.name = name;
    this.pc = new RTCPeerConnection({ iceServers: [] });
    this.received = { video: 0, audio: 0 };
    this.candidates = [];
    this.sinks = [];
    this.timers = [];
    this.videoSource = new RTCVideoSource();
    this.audioSource = new RTCAudioSource();
    const videoTrack = this.videoSource.createTrack();
    const audioTrack = this.audioSource.createTrack();
    this.tracks = [videoTrack, audioTrack];
    this.pc.addTrack(videoTrack);
    this.pc.addTrack(audioTrack);
    this.pc.ontrack = ({ track }) => this.count(track);
    this.pc.onicecandidate = ({ candidate }) => {
      if (candidate) this.candidates.push(candidate);
      if (this.oncandidate) this.oncandidate(candidate);
    };
  }

  count(track) {
    if (track.kind === 'video') {
      const sink = new RTCVideoSink(track);
      sink.onframe = () => { this.received.video += 1; };
      this.sinks.push(sink);
    } else {
      const sink = new RTCAudioSink(track);
      sink.ondata = () => { this.received.audio += 1; };
      this.sinks.push(sink);
    }
  }

  /** Feeds moving I420 video at ~30 fps and a 440 Hz tone in 10 ms chunks. */
  startMedia() {
    const frame = { width: WIDTH, height: HEIGHT, data: new Uint8ClampedArray(WIDTH * HEIGHT * 1.5) };
    let tick = 0;
    this.timers.push(setInterval(() => {
      tick += 1;
      frame.data.fill(tick % 255, 0, WIDTH * HEIGHT); // luma changes every frame: nothing to skip
      frame.data.fill(128, WIDTH * HEIGHT);
      this.videoSource.onFrame(frame);
    }, 33));
    const samplesPer10ms = SAMPLE_RATE / 100;
    let phase = 0;
    this.timers.push(setInterval(() => {
      const samples = new Int16Array(samplesPer10ms);
      for (let i = 0; i < samples.length; i += 1) {
        samples[i] = Math.round(8000 * Math.sin(phase));
        phase += (2 * Math.PI * 440) / SAMPLE_RATE;
      }
      this.audioSource.onData({
        samples, sampleRate: SAMPLE_RATE, bitsPerSample: 16, channelCount: 1, numberOfFrames: samplesPer10ms,
      });
    }, 10));
  }

  /** Resolves once ICE gathering is complete (for the non-trickle domain API). */
  gathered() {
    if (this.pc.iceGatheringState === 'complete') return Promise.resolve();
    return new Promise((resolve) => {
      const previous = this.pc.onicegatheringstatechange;
      this.pc.onicegatheringstatechange = () => {
        if (previous) previous();
        if (this.pc.iceGatheringState === 'complete') resolve();
      };
    });
  }

  close() {
    this.timers.forEach(clearInterval);
    this.sinks.forEach((sink) => sink.stop());
    this.tracks.forEach((track) => track.stop());
    this.pc.close();
  }
}

/** Resolves with the first message on the channel. */
function firstMessage(channel) {
  return new Promise((resolve) => {
    channel.onmessage = ({ data }) => resolve(typeof data === 'string' ? data : Buffer.from(data).toString());
  });
}

function openChannel(channel) {
  if (channel.readyState === 'open') return Promise.resolve(channel);
  return new Promise((resolve) => { channel.onopen = () => resolve(channel); });
}

/** Polls until the condition holds, or rejects with the description after the timeout. */
async function waitFor(condition, description, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function withTimeout(promise, description, timeoutMs = 20000) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out waiting for ${description}`)), timeoutMs);
    }),
  ]).finally(() => clearTimeout(timer));
}

module.exports = { Peer, firstMessage, openChannel, waitFor, withTimeout, wrtc };

/**
 * libwebrtc inside @roamhq/wrtc can crash (SIGSEGV) in Node's native-addon cleanup when the process
 * ends on its own after peer connections were used (node-webrtc issue #636; WonderInventions/node-webrtc
 * #35). Ending it with process.exit after the test file's last hook sidesteps that teardown. The exit
 * code the test runner has set (1 on any failure) is kept, so failures still fail.
 */
function exitCleanlyAfterTests(after) {
  after(() => {
    setTimeout(() => process.exit(process.exitCode ?? 0), 200);
  });
}

module.exports.exitCleanlyAfterTests = exitCleanlyAfterTests;
