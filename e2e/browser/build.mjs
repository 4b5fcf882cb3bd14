// Bundles page/ into dist/ (index.html + app.js) for Hongyan to serve via http.staticDir.
// dist/ is build output and not committed; the JUnit test runs this before every run.
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';

const here = new URL('.', import.meta.url);
const dist = new URL('dist/', here);

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
await build({
  entryPoints: [new URL('page/app.js', here).pathname],
  outfile: new URL('app.js', dist).pathname,
  bundle: true,
  format: 'esm',
  platform: 'browser', // picks the 'browser' build of websocket (native WebSocket) for protoo-client
  target: 'chrome111',
  sourcemap: true, // app.js.map beside it: the bundle stays small, DevTools still maps to page/*.js
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
});
await copyFile(new URL('page/index.html', here), new URL('index.html', dist));
console.log(`built ${dist.pathname}`);
