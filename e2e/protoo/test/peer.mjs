// A headless mediasoup-demo client for protocol tests: protoo-client for signaling and mediasoup-client's
// FakeHandler for the WebRTC side (no media, no ICE/DTLS; it makes real-looking RTP parameters and DTLS
// fingerprints, so the server sees what the demo app would send).
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import protooClient from 'protoo-client';
import { Device } from 'mediasoup-client';
import { FakeHandler } from 'mediasoup-client/handlers/FakeHandler';
import * as fakeParameters from 'mediasoup-client/fakeParameters';
import { FakeMediaStreamTrack } from 'fake-mediastreamtrack';

export const SERVER = process.env.HONGYAN_PROTOO_URL;
if (!SERVER) {
  throw new Error('HONGYAN_PROTOO_URL is not set (ws://host:port of a running Hongyan)');
}
export const HTTP = SERVER.replace(/^ws/, 'http');

// mediasoup-client 3.24 dropped SctpCapabilities; a v3 demo client sends these itself.
const SCTP_CAPABILITIES = { numStreams: { OS: 1024, MIS: 1024 } };

export function newRoomId() {
  return `room-${randomUUID()}`;
}

export function roomUrl(roomId, peerId) {
  return `${SERVER}/?roomId=${encodeURIComponent(roomId)}&peerId=${encodeURIComponent(peerId)}`;
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A WebSocket upgrade by hand, to see the HTTP answer of a refused handshake. */
export function rawUpgrade(path, { subprotocol = 'protoo' } = {}) {
  const url = new URL(HTTP);
  const headers = {
    Connection: 'Upgrade',
    Upgrade: 'websocket',
    'Sec-WebSocket-Version': '13',
    'Sec-WebSocket-Key': randomBytes(16).toString('base64'),
  };
  if (subprotocol) headers['Sec-WebSocket-Protocol'] = subprotocol;
  return new Promise((resolve, reject) => {
    const request = http.request({ host: url.hostname, port: url.port, path, headers });
    request.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => { body += chunk; });
      response.on('end', () => resolve({ status: response.statusCode, body }));
    });
    request.on('upgrade', (response, socket) => {
      socket.destroy();
      resolve({ status: response.statusCode, protocol: response.headers['sec-websocket-protocol'] });
    });
    request.on('error', reject);
    request.end();
  });
}

export async function metric(name) {
  const response = await fetch(`${HTTP}/metrics`);
  const text = await response.text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  return line === undefined ? undefined : Number(line.split(' ').pop());
}

// Every peer a test made, so a failing test cannot leave sockets open and keep node from exiting.
const livePeers = new Set();

export function closeAllPeers() {
  for (const peer of livePeers) peer.close();
  livePeers.clear();
}

export class TestPeer {
  /** Connects and waits for the socket to open. */
  static async connect(roomId, peerId = `peer-${randomUUID().slice(0, 8)}`) {
    const peer = new TestPeer(roomId, peerId);
    await peer.opened;
    return peer;
  }

  constructor(roomId, peerId) {
    this.roomId = roomId;
    this.peerId = peerId;
    livePeers.add(this);
    this.notifications = [];
    this.serverRequests = [];
    this.consumers = new Map();
    this.closeCode = undefined;
    // 'accept' consumes with mediasoup-client then accepts; 'reject' answers 403 as the demo app does.
    this.onNewConsumer = 'accept';
    this.transport = new protooClient.WebSocketTransport(roomUrl(roomId, peerId), { retry: { retries: 0 } });
    // protoo-client hides close codes; its socket (created synchronously above) is a W3C EventTarget.
    this.transport._ws.addEventListener('close', (event) => { this.closeCode = event.code; });
    this.protoo = new protooClient.Peer(this.transport);
    this.protoo.on('notification', (notification) => this.notifications.push(notification));
    this.protoo.on('request', (request, accept, reject) => this._onServerRequest(request, accept, reject));
    this.closed = new Promise((resolve) => this.protoo.on('close', resolve));
    this.disconnected = false;
    this.protoo.on('disconnected', () => { this.disconnected = true; });
    this.opened = new Promise((resolve, reject) => {
      this.protoo.on('open', resolve);
      this.protoo.on('failed', () => reject(new Error(`${peerId}: connection failed`)));
    });
  }

  request(method, data) {
    return this.protoo.request(method, data);
  }

  /** Resolves to {errorCode, errorReason} of a refused request; throws if it succeeded. */
  async refused(method, data) {
    try {
      const answer = await this.protoo.request(method, data);
      throw new Error(`${method} succeeded: ${JSON.stringify(answer)}`);
    } catch (error) {
      if (error.code === undefined) throw error;
      return { errorCode: error.code, errorReason: error.message };
    }
  }

  /** The first notification matching, waiting up to timeoutMs. */
  async notification(method, match = () => true, timeoutMs = 5000) {
    return this._waitFor(() => this.notifications.find((n) => n.method === method && match(n.data)),
      `notification ${method}`, timeoutMs);
  }

  async serverRequest(method, match = () => true, timeoutMs = 5000) {
    return this._waitFor(() => this.serverRequests.find((r) => r.method === method && match(r.data)),
      `server request ${method}`, timeoutMs);
  }

  async _waitFor(find, what, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found) return found;
      if (Date.now() > deadline) {
        throw new Error(`${this.peerId}: no ${what} within ${timeoutMs} ms; got ${JSON.stringify(this.notifications.map((n) => n.method))}`);
      }
      await sleep(20);
    }
  }

  /** Nothing matching arrives within ms. */
  async none(method, match = () => true, ms = 500) {
    await sleep(ms);
    return !this.notifications.some((n) => n.method === method && match(n.data));
  }

  /** The demo app's sequence before join: capabilities, device, send and receive transports. */
  async prepare({ produce = true, consume = true } = {}) {
    const routerRtpCapabilities = await this.request('getRouterRtpCapabilities');
    this.device = new Device({ handlerFactory: FakeHandler.createFactory(fakeParameters) });
    await this.device.load({ routerRtpCapabilities });
    if (produce) {
      const info = await this.request('createWebRtcTransport',
        { forceTcp: false, producing: true, consuming: false, sctpCapabilities: SCTP_CAPABILITIES });
      this.sendInfo = info;
      this.sendTransport = this.device.createSendTransport(info);
      this.sendTransport.on('connect', ({ dtlsParameters }, callback, errback) => {
        this.request('connectWebRtcTransport', { transportId: this.sendTransport.id, dtlsParameters })
          .then(callback, errback);
      });
      this.sendTransport.on('produce', ({ kind, rtpParameters, appData }, callback, errback) => {
        this.request('produce', { transportId: this.sendTransport.id, kind, rtpParameters, appData })
          .then(({ id }) => callback({ id }), errback);
      });
    }
    if (consume) {
      const info = await this.request('createWebRtcTransport',
        { forceTcp: false, producing: false, consuming: true, sctpCapabilities: SCTP_CAPABILITIES });
      this.recvInfo = info;
      this.recvTransport = this.device.createRecvTransport(info);
      this.recvTransport.on('connect', ({ dtlsParameters }, callback, errback) => {
        this.request('connectWebRtcTransport', { transportId: this.recvTransport.id, dtlsParameters })
          .then(callback, errback);
      });
    }
    this.consuming = consume;
  }

  async join(displayName = this.peerId) {
    const { peers } = await this.request('join', {
      displayName,
      device: { flag: 'node', name: 'FakeHandler', version: '3.24.1' },
      rtpCapabilities: this.consuming ? this.device.rtpCapabilities : undefined,
      sctpCapabilities: SCTP_CAPABILITIES,
    });
    return peers;
  }

  async produce(kind, appData = {}) {
    return this.sendTransport.produce({ track: new FakeMediaStreamTrack({ kind }), appData });
  }

  async _onServerRequest(request, accept, reject) {
    this.serverRequests.push(request);
    if (request.method !== 'newConsumer') {
      reject(403, 'not handled by the test peer');
      return;
    }
    if (this.onNewConsumer === 'reject') {
      reject(403, 'I do not want to consume');
      return;
    }
    if (this.onNewConsumer === 'ignore') return;
    try {
      const { id, producerId, kind, rtpParameters } = request.data;
      const consumer = await this.recvTransport.consume({ id, producerId, kind, rtpParameters });
      this.consumers.set(id, consumer);
      accept();
    } catch (error) {
      reject(500, String(error));
    }
  }

  close() {
    this.protoo.close();
  }
}
