// Driver-side handles on the two pages, polling with deadlines, and a diagnosis dump when a step fails.
import { setTimeout as sleep } from 'node:timers/promises';

export { sleep };

/** Server location from the environment (set by the JUnit test, or by hand against a running server). */
export function serverUrls() {
  const base = process.env.HONGYAN_URL;
  if (!base) throw new Error('HONGYAN_URL is not set (e.g. http://127.0.0.1:8080)');
  const http = new URL(base);
  const ws = new URL(process.env.HONGYAN_PROTOO_URL ?? '/', http);
  ws.protocol = http.protocol === 'https:' ? 'wss:' : 'ws:';
  const page = new URL(process.env.HONGYAN_PAGE_PATH ?? '/web/index.html', http);
  return { page: page.toString(), protoo: ws.toString() };
}

/** Polls `probe` until `accept(value)` holds; throws with the last value on the deadline. */
export async function waitFor(what, probe, accept, { timeoutMs = 20_000, everyMs = 250 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await probe();
    if (accept(last)) return last;
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${JSON.stringify(last)}`);
    }
    await sleep(everyMs);
  }
}

export class Peer {
  constructor(page, label) {
    this.page = page;
    this.label = label;
  }

  call(name, arg) {
    return this.page.evaluate(([n, a]) => window.hongyan[n](a), [name, arg]);
  }

  stats() {
    return this.call('consumerStats');
  }

  notifications() {
    return this.call('notifications');
  }

  /** Waits for a protoo notification `method` whose data satisfies `match`. */
  async notification(method, match = () => true, timeoutMs = 10_000) {
    const list = await waitFor(`${this.label}: notification ${method}`, () => this.notifications(),
      (all) => all.some((n) => n.method === method && match(n.data)), { timeoutMs });
    return list.find((n) => n.method === method && match(n.data)).data;
  }

  async diagnose() {
    try {
      return await this.call('diagnose');
    } catch (error) {
      return `diagnose failed: ${error.message}`;
    }
  }
}

/** One line per protoo/transport event, then the stats digests as compact JSON. */
function format(diagnosis) {
  if (typeof diagnosis === 'string') return diagnosis;
  const { log, ...stats } = diagnosis;
  const lines = log.map((e) => `  +${e.t}ms ${e.what}${e.detail === undefined ? '' : ` ${JSON.stringify(e.detail)}`}`);
  for (const [name, value] of Object.entries(stats)) {
    if (value !== null) lines.push(`  ${name}: ${JSON.stringify(value)}`);
  }
  return lines.join('\n');
}

/** Runs a named step; on failure prints both pages' state (protoo log, ICE/DTLS, RTP counters) first. */
export async function step(name, peers, fn) {
  try {
    return await fn();
  } catch (error) {
    console.error(`\n=== step failed: ${name}: ${error.message}`);
    for (const peer of peers) {
      console.error(`--- ${peer.label} diagnosis:\n${format(await peer.diagnose())}`);
    }
    error.message = `${name}: ${error.message}`;
    throw error;
  }
}
