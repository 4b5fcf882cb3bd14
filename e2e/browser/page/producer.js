// Peer A: fake camera and microphone, one send transport, audio + video producers.
import { connect, note } from './signaling.js';
import { createTransport, deviceInfo, loadDevice } from './transports.js';
import { outbound, transport as transportDigest } from './stats.js';

// Three layers at 1/4, 1/2 and full size of 1280x720, as the mediasoup demo's webcam simulcast.
const SIMULCAST_ENCODINGS = [
  { rid: 'r0', scaleResolutionDownBy: 4, maxBitrate: 150_000 },
  { rid: 'r1', scaleResolutionDownBy: 2, maxBitrate: 500_000 },
  { rid: 'r2', scaleResolutionDownBy: 1, maxBitrate: 1_500_000 },
];

let state = null;

/** Picks the router codec to force: VP8, or H264 constrained baseline (what Chromium's encoder makes). */
function chooseCodec(device, name) {
  const mime = `video/${name}`.toLowerCase();
  const codecs = device.rtpCapabilities.codecs.filter((c) => c.mimeType.toLowerCase() === mime);
  if (codecs.length === 0) {
    throw new Error(`router/browser have no common ${name} codec; got ${device.rtpCapabilities.codecs.map((c) => c.mimeType)}`);
  }
  if (name === 'H264') {
    const baseline = codecs.find((c) => String(c.parameters?.['profile-level-id'] ?? '').startsWith('42e0')
      && Number(c.parameters?.['packetization-mode']) === 1);
    if (baseline) return baseline;
  }
  return codecs[0];
}

export async function joinAsProducer({ url, roomId, peerId, codec = 'VP8', simulcast = false }) {
  if (state) throw new Error('this page already joined');
  const signaling = await connect(url, { roomId, peerId });
  // It consumes nothing, so a server request (newConsumer...) is a protocol surprise worth a log line.
  signaling.peer.on('request', (request, accept, reject) => {
    note(`unexpected server request ${request.method}`);
    reject(403, 'producer page does not consume');
  });
  const device = await loadDevice(signaling);
  const sendTransport = await createTransport(signaling, device, 'send');
  // No rtpCapabilities: the demo app leaves them out when it does not consume.
  await signaling.request('join', { displayName: peerId, device: deviceInfo() });
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: true,
    video: { width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 30 } },
  });
  const audioTrack = stream.getAudioTracks()[0];
  const videoTrack = stream.getVideoTracks()[0];
  note('camera', videoTrack.getSettings());
  state = { signaling, device, sendTransport, stream, producers: {} };
  state.producers.audio = await sendTransport.produce({ track: audioTrack, stopTracks: false });
  state.producers.video = await sendTransport.produce({
    track: videoTrack,
    stopTracks: false,
    codec: chooseCodec(device, codec),
    encodings: simulcast ? SIMULCAST_ENCODINGS : undefined,
    codecOptions: { videoGoogleStartBitrate: 1000 },
  });
  const video = state.producers.video;
  note('produced', { audio: state.producers.audio.id, video: video.id, codec: video.rtpParameters.codecs[0] });
  return {
    audioProducerId: state.producers.audio.id,
    videoProducerId: video.id,
    videoCodec: video.rtpParameters.codecs[0].mimeType,
    encodings: video.rtpParameters.encodings,
    headerExtensions: video.rtpParameters.headerExtensions.map((e) => e.uri),
    rtcpFeedback: video.rtpParameters.codecs[0].rtcpFeedback.map((f) => `${f.type} ${f.parameter ?? ''}`.trim()),
    camera: videoTrack.getSettings(),
  };
}

function producer(kind) {
  const p = state?.producers[kind];
  if (!p) throw new Error(`no ${kind} producer on this page`);
  return p;
}

/** mediasoup-client's pause disables the track (black frames keep flowing), so if B stops decoding it is the SFU that stopped forwarding. */
export async function pauseProducer(kind = 'video') {
  const p = producer(kind);
  p.pause();
  await state.signaling.request('pauseProducer', { producerId: p.id });
}

export async function resumeProducer(kind = 'video') {
  const p = producer(kind);
  p.resume();
  await state.signaling.request('resumeProducer', { producerId: p.id });
}

export async function closeProducer(kind = 'video') {
  const p = producer(kind);
  p.close();
  delete state.producers[kind];
  await state.signaling.request('closeProducer', { producerId: p.id });
}

export async function producerStats() {
  if (!state) return null;
  const out = { transport: transportDigest(await state.sendTransport.getStats()), producers: {} };
  for (const [kind, p] of Object.entries(state.producers)) {
    out.producers[kind] = { id: p.id, paused: p.paused, streams: outbound(await p.getStats()) };
  }
  return out;
}

export function leaveProducer() {
  if (!state) return;
  state.sendTransport.close();
  state.signaling.peer.close();
  state.stream.getTracks().forEach((t) => t.stop());
  state = null;
}
