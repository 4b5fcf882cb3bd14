// The page's API for the driver (page.evaluate(() => window.hongyan.…)). A page plays one role:
// producer (peer A) or consumer (peer B). Everything returned is plain JSON.
import { log, notifications } from './signaling.js';
import { closeProducer, joinAsProducer, leaveProducer, pauseProducer, producerStats, resumeProducer } from './producer.js';
import { consumerStats, joinAsConsumer, leaveConsumer, recvTransportStats, serverRecvTransportStats, setPreferredLayers } from './consumer.js';

async function diagnose() {
  return {
    log,
    producer: await producerStats().catch((e) => String(e)),
    consumer: await consumerStats().catch((e) => String(e)),
    recvTransport: await recvTransportStats().catch((e) => String(e)),
  };
}

window.hongyan = {
  joinAsProducer,
  joinAsConsumer,
  pauseProducer,
  resumeProducer,
  closeProducer,
  setPreferredLayers,
  consumerStats,
  serverRecvTransportStats,
  producerStats,
  notifications: () => notifications,
  diagnose,
  leave() {
    leaveProducer();
    leaveConsumer();
  },
};
document.getElementById('status').textContent = 'ready';
