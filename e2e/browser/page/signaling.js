// protoo signaling for one page: connect with a deadline, requests with a deadline, and a log of
// everything that crossed the wire, so a failed run says which step the server never answered.
import protooClient from 'protoo-client';

const OPEN_TIMEOUT_MS = 10_000;
// Shorter than protoo's own ~22.5 s so a stuck request fails the step that sent it, not the test.
const REQUEST_TIMEOUT_MS = 10_000;

export const log = [];
export const notifications = [];

export function note(what, detail) {
  log.push({ t: Math.round(performance.now()), what, ...(detail === undefined ? {} : { detail }) });
}

export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Opens a protoo peer on `url` (ws:// or wss://, any path) for roomId/peerId; resolves once open. */
export async function connect(url, { roomId, peerId }) {
  const wsUrl = new URL(url);
  wsUrl.searchParams.set('roomId', roomId);
  wsUrl.searchParams.set('peerId', peerId);
  // One attempt: a test wants a refused connection to fail now, not after protoo's 10 retries.
  const transport = new protooClient.WebSocketTransport(wsUrl.toString(), { retry: { retries: 0 } });
  const peer = new protooClient.Peer(transport);
  peer.on('notification', ({ method, data }) => {
    notifications.push({ t: Math.round(performance.now()), method, data });
    note(`notification ${method}`, data);
  });
  peer.on('disconnected', () => note('protoo disconnected'));
  peer.on('close', () => note('protoo closed'));
  await withTimeout(new Promise((resolve, reject) => {
    peer.on('open', resolve);
    peer.on('failed', () => reject(new Error(`protoo connection to ${wsUrl} failed`)));
  }), OPEN_TIMEOUT_MS, `protoo open ${wsUrl}`);
  note('protoo open', wsUrl.toString());
  return {
    peer,
    async request(method, data = {}) {
      const started = performance.now();
      try {
        const answer = await withTimeout(peer.request(method, data), REQUEST_TIMEOUT_MS, `protoo request ${method}`);
        note(`request ${method} ok`, { ms: Math.round(performance.now() - started) });
        return answer;
      } catch (error) {
        note(`request ${method} failed`, String(error));
        throw new Error(`${method}: ${error.message ?? error}`);
      }
    },
  };
}
