'use strict';
// A minimal native-protocol (spec 001) terminal: envelope, ids, request/reply matching, server pushes.
const WebSocket = require('ws');

const VERSION = '1.0.0';

function baseUrl() {
  const url = process.env.HONGYAN_URL;
  if (!url) throw new Error('HONGYAN_URL is not set (the server under test, e.g. http://127.0.0.1:8888)');
  return url.replace(/\/$/, '');
}

function wsUrl(path) {
  return baseUrl().replace(/^http/, 'ws') + path;
}

class NativeClient {
  constructor(socket) {
    this.socket = socket;
    this.index = 99999; // the spec's pre-register index
    this.counter = 0;
    this.pending = new Map();
    this.inbox = [];
    this.waiters = [];
    socket.on('message', (data) => this.receive(JSON.parse(data.toString())));
  }

  static connect() {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(wsUrl('/websocket.signal'));
      socket.once('open', () => resolve(new NativeClient(socket)));
      socket.once('error', reject);
    });
  }

  /** ddHHmmss + 5-digit index + 3-digit counter: the client half of the id space. */
  nextId() {
    const now = new Date();
    const prefix = now.getDate() * 1000000 + now.getHours() * 10000 + now.getMinutes() * 100 + now.getSeconds();
    this.counter = (this.counter + 1) % 1000;
    return prefix * 100000000 + this.index * 1000 + this.counter;
  }

  send(id, signal, body, extra = {}) {
    this.socket.send(JSON.stringify({ ...extra, header: { v: VERSION, id, signal }, body }));
  }

  /** Sends a request and resolves with the reply's body; rejects with the platform::error. */
  request(signal, body, timeoutMs = 10000) {
    const id = this.nextId();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no reply to ${signal} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { signal, resolve, reject, timer });
      this.send(id, signal, body);
    });
  }

  /** Sends a one-way message (no reply expected). */
  push(signal, body) {
    this.send(this.nextId(), signal, body);
  }

  /** Answers a server request with the same id and signal. */
  answer(message, body) {
    this.send(message.header.id, message.header.signal, body, { code: '0000', message: 'success' });
  }

  receive(message) {
    const waiting = this.pending.get(message.header.id);
    if (waiting && (message.header.signal === waiting.signal || message.header.signal === 'platform::error')) {
      this.pending.delete(message.header.id);
      clearTimeout(waiting.timer);
      if (message.header.signal === 'platform::error') {
        const error = new Error(`${message.code} ${message.message}`);
        error.code = message.code;
        waiting.reject(error);
      } else {
        waiting.resolve(message.body);
      }
      return;
    }
    const index = this.waiters.findIndex((w) => w.signal === message.header.signal);
    if (index >= 0) {
      const [waiter] = this.waiters.splice(index, 1);
      clearTimeout(waiter.timer);
      waiter.resolve(message);
      return;
    }
    if (this.onmessage) this.onmessage(message);
    else this.inbox.push(message);
  }

  /** The next message the server sends with that signal (taken from what already arrived first). */
  next(signal, timeoutMs = 10000) {
    const index = this.inbox.findIndex((m) => m.header.signal === signal);
    if (index >= 0) return Promise.resolve(this.inbox.splice(index, 1)[0]);
    return new Promise((resolve, reject) => {
      const waiter = { signal, resolve };
      waiter.timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`no ${signal} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  async register(clientId, username, password) {
    const body = await this.request('client::register', {
      username, password, clientId, clientType: 'WEB', name: clientId,
    });
    this.index = body.index;
    this.clientId = clientId;
    return body;
  }

  close() {
    this.socket.close();
  }
}

function credentials() {
  return {
    username: process.env.HONGYAN_E2E_USERNAME || 'alice',
    password: process.env.HONGYAN_E2E_PASSWORD || 'alice-pw',
  };
}

module.exports = { NativeClient, baseUrl, wsUrl, credentials };
