// Peer B: one recv transport; accepts every newConsumer and plays what arrives.
import { connect, note } from './signaling.js';
import { createTransport, deviceInfo, loadDevice } from './transports.js';
import { inbound, transport as transportDigest } from './stats.js';

let state = null;

function attach(consumer) {
  const element = document.createElement(consumer.kind);
  element.id = `consumer-${consumer.id}`;
  element.autoplay = true;
  element.muted = true; // autoplay policy; decoding does not depend on audibility
  element.playsInline = true;
  element.srcObject = new MediaStream([consumer.track]);
  document.getElementById('media').append(element);
  element.play().catch((error) => note('play() refused', String(error)));
  return element;
}

async function onNewConsumer(request, accept, reject) {
  const { peerId, producerId, id, kind, rtpParameters, type, appData, producerPaused } = request.data;
  try {
    const consumer = await state.recvTransport.consume({
      id, producerId, kind, rtpParameters,
      streamId: `${peerId}-mic-webcam`, // one stream so audio and video are lip-synced, as in the demo
      appData: { ...appData, peerId },
    });
    state.consumers.set(consumer.id, { consumer, type, producerPaused, element: attach(consumer) });
    note('consumer added', { id, kind, type, producerPaused, codec: rtpParameters.codecs[0], encodings: rtpParameters.encodings });
    // Answering lets the server resume its (paused) Consumer: media starts only after this.
    accept();
  } catch (error) {
    note('consume failed', String(error));
    reject(500, String(error));
  }
}

function onNotification({ method, data }) {
  // The demo app closes its Consumer on consumerClosed. It also pauses locally on consumerPaused,
  // which this page deliberately does not: frames stopping must be the SFU's doing.
  if (method === 'consumerClosed') {
    const entry = state?.consumers.get(data.consumerId);
    if (entry) {
      entry.consumer.close();
      entry.element.remove();
      state.consumers.delete(data.consumerId);
    }
  }
}

export async function joinAsConsumer({ url, roomId, peerId }) {
  if (state) throw new Error('this page already joined');
  const signaling = await connect(url, { roomId, peerId });
  state = { signaling, consumers: new Map() };
  signaling.peer.on('request', (request, accept, reject) => {
    note(`server request ${request.method}`);
    if (request.method === 'newConsumer') {
      onNewConsumer(request, accept, reject);
    } else {
      reject(403, 'not handled by the e2e page');
    }
  });
  signaling.peer.on('notification', onNotification);
  state.device = await loadDevice(signaling);
  // As the demo: the transport exists before join, since the server creates Consumers during join.
  state.recvTransport = await createTransport(signaling, state.device, 'recv');
  const { peers } = await signaling.request('join', {
    displayName: peerId,
    device: deviceInfo(),
    rtpCapabilities: state.device.rtpCapabilities,
  });
  return { peers };
}

function consumerOf(kind) {
  for (const entry of state?.consumers.values() ?? []) {
    if (entry.consumer.kind === kind) return entry;
  }
  return null;
}

export async function setPreferredLayers({ spatialLayer, temporalLayer, kind = 'video' }) {
  const entry = consumerOf(kind);
  if (!entry) throw new Error(`no ${kind} consumer`);
  await state.signaling.request('setConsumerPreferredLayers', { consumerId: entry.consumer.id, spatialLayer, temporalLayer });
}

/** {video, audio}: inbound-rtp digests of the current consumers (null when absent), plus their ids and types. */
export async function consumerStats() {
  const out = { video: null, audio: null, consumers: [] };
  for (const { consumer, type } of state?.consumers.values() ?? []) {
    out.consumers.push({ id: consumer.id, kind: consumer.kind, type, producerId: consumer.producerId });
    out[consumer.kind] = { id: consumer.id, ...(inbound(await consumer.getStats()) ?? {}) };
  }
  return out;
}

export async function recvTransportStats() {
  return state?.recvTransport ? transportDigest(await state.recvTransport.getStats()) : null;
}

/** The server's stats of B's recv transport (protoo getTransportStats): mediasoup's webrtc-transport entry. */
export async function serverRecvTransportStats() {
  if (!state?.recvTransport) throw new Error('no recv transport');
  const stats = await state.signaling.request('getTransportStats', { transportId: state.recvTransport.id });
  return stats[0];
}

export function leaveConsumer() {
  if (!state) return;
  state.recvTransport?.close();
  state.signaling.peer.close();
  state = null;
}
