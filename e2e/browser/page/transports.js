// mediasoup-client Device and WebRtcTransports wired to protoo exactly as the mediasoup-demo v3 app
// does (app/lib/RoomClient.js), so the server sees the requests a real demo client sends.
import { Device } from 'mediasoup-client';
import { note } from './signaling.js';

export async function loadDevice(signaling) {
  const routerRtpCapabilities = await signaling.request('getRouterRtpCapabilities');
  const device = new Device();
  await device.load({ routerRtpCapabilities });
  note('device loaded', { handler: device.handlerName, canProduceVideo: device.canProduce('video') });
  return device;
}

/** direction 'send' or 'recv'. No sctpCapabilities: these pages use no DataChannels. */
export async function createTransport(signaling, device, direction) {
  const info = await signaling.request('createWebRtcTransport', {
    forceTcp: false,
    producing: direction === 'send',
    consuming: direction === 'recv',
  });
  const options = {
    id: info.id,
    iceParameters: info.iceParameters,
    iceCandidates: info.iceCandidates,
    dtlsParameters: info.dtlsParameters,
    sctpParameters: info.sctpParameters,
    iceServers: [],
  };
  const transport = direction === 'send' ? device.createSendTransport(options) : device.createRecvTransport(options);
  note(`${direction} transport created`, { id: info.id, candidates: info.iceCandidates });
  transport.on('connect', ({ dtlsParameters }, callback, errback) => {
    signaling.request('connectWebRtcTransport', { transportId: transport.id, dtlsParameters })
      .then(callback, errback);
  });
  transport.on('connectionstatechange', (state) => note(`${direction} transport ${state}`));
  if (direction === 'send') {
    transport.on('produce', ({ kind, rtpParameters, appData }, callback, errback) => {
      signaling.request('produce', { transportId: transport.id, kind, rtpParameters, appData })
        .then(({ id }) => callback({ id }), errback);
    });
  }
  return transport;
}

export function deviceInfo() {
  const version = /Chrom(?:e|ium)\/([\d.]+)/.exec(navigator.userAgent)?.[1] ?? 'unknown';
  return { flag: 'chrome', name: 'Chromium', version };
}
