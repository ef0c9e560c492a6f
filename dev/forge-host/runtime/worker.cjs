/**
 * One Forge function's sandbox (a worker thread): what Forge's Node runtime injects before it
 * loads the deployed bundle, and nothing else. The bundle is loaded once, with Node's own
 * `require`, as the runtime loads it; each invocation then calls the handler the manifest names.
 *
 * Injected, as @forge/api and @forge/kvs read them:
 * - `__forge_fetch__(target, path, init)`: the platform proxy (product REST as app or user, the
 *   Atlassian GraphQL gateway, the queue, KVS). Calls go to the host's thread, which answers as
 *   the platform does; the answer comes back as a fetch `Response`.
 * - `__forge_runtime__`: the invocation's context (app and environment ids, the context ARI,
 *   `lambdaContext.getRemainingTimeInMillis`, metrics sinks), replaced for each invocation.
 * - `fetch`: egress checked against the manifest's `permissions.external.fetch.backend`, as
 *   Forge's egress proxy does; anything else throws before a byte leaves.
 * Invocations run one at a time, as one Forge function instance runs them.
 */
/* global URL, Headers, MessageChannel, Response */
'use strict';
const { parentPort, workerData } = require('node:worker_threads');

const realFetch = globalThis.fetch;
// An address is a URL or a host name (any scheme); `*.` allows every subdomain.
const allowed = workerData.egress.map((a) => (/^[a-z]+:\/\//i.test(a) ? { protocol: new URL(a).protocol, host: new URL(a).host } : { protocol: null, host: a }));

function egressAllows(url) {
  const u = new URL(url);
  return allowed.some((a) => (a.protocol === null || a.protocol === u.protocol) && (a.host.startsWith('*.') ? u.host.endsWith(a.host.slice(1)) : a.host === u.host));
}

globalThis.fetch = async function forgeEgressFetch(input, init) {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (!egressAllows(url)) {
    throw new Error(`URL not included in the external fetch backend permissions: ${url}. Add it to permissions.external.fetch.backend in manifest.yml.`);
  }
  return realFetch(input, init);
};

function headersOf(headers) {
  return Object.fromEntries(new Headers(headers ?? {}).entries());
}

globalThis.__forge_fetch__ = function forgeFetch(target, path, init) {
  return new Promise((resolve, reject) => {
    const { port1, port2 } = new MessageChannel();
    port1.once('message', (answer) => {
      port1.close();
      if (answer.error) return reject(new Error(answer.error));
      const empty = answer.status === 204 || answer.status === 304;
      resolve(new Response(empty ? null : answer.body, { status: answer.status, statusText: answer.statusText ?? '', headers: answer.headers ?? {} }));
    });
    const body = init && init.body !== undefined && init.body !== null ? String(init.body) : undefined;
    parentPort.postMessage({ kind: 'fetch', target, path, init: { method: (init && init.method) || 'GET', headers: headersOf(init && init.headers), body }, port: port2 }, [port2]);
  });
};

// The host's clock: tests pin it to a moment (the Acme example is evaluated on 2026-11-15). Only
// Date is moved, by a fixed offset per invocation; timers run in real time.
const RealDate = Date;
let clockOffsetMs = 0;
const hostNow = () => RealDate.now() + clockOffsetMs;
globalThis.Date = new Proxy(RealDate, {
  construct: (target, args, newTarget) => (args.length === 0 ? Reflect.construct(target, [hostNow()], newTarget) : Reflect.construct(target, args, newTarget)),
  apply: () => new RealDate(hostNow()).toString(),
  get: (target, prop, receiver) => (prop === 'now' ? hostNow : Reflect.get(target, prop, receiver)),
});

const noMetric = { incr() {}, decr() {}, set() {}, measure: () => ({ stop() {} }) };
const metrics = { counter: () => noMetric, timing: () => noMetric, gauge: () => noMetric, histogram: () => noMetric };

let loaded;
let loadError;
try {
  loaded = require(workerData.bundle);
} catch (e) {
  loadError = e;
}

function errorOf(e) {
  return { name: e && e.name ? String(e.name) : 'Error', message: e && e.message ? String(e.message) : String(e), stack: e && e.stack ? String(e.stack) : undefined };
}

parentPort.on('message', async (m) => {
  if (m.kind !== 'invoke') return;
  clockOffsetMs = m.nowMs - RealDate.now();
  const deadline = RealDate.now() + m.timeoutMs;
  globalThis.__forge_runtime__ = {
    ...m.runtime,
    lambdaContext: { getRemainingTimeInMillis: () => Math.max(0, deadline - RealDate.now()) },
    metrics,
  };
  try {
    if (loadError) throw loadError;
    const handler = loaded[m.handler];
    if (typeof handler !== 'function') throw new Error(`the bundle exports no function "${m.handler}" (exports: ${Object.keys(loaded).join(', ')})`);
    const value = await handler(...m.args);
    // Forge returns what a function answers as JSON.
    parentPort.postMessage({ kind: 'result', id: m.id, ok: true, value: value === undefined ? undefined : JSON.parse(JSON.stringify(value)) });
  } catch (e) {
    parentPort.postMessage({ kind: 'result', id: m.id, ok: false, error: errorOf(e) });
  }
});
