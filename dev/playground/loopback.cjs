/**
 * Preloaded (`node --require`) into the Microsoft 365 Agents Playground, whose CLI has no
 * option for the address it listens on and listens on every interface. This makes every
 * server in that process that does not name a host listen on 127.0.0.1 only: a local tool
 * that talks to a bot in local anonymous mode must not be reachable from the network.
 */
const net = require('node:net');

const LOOPBACK = '127.0.0.1';
const listen = net.Server.prototype.listen;

net.Server.prototype.listen = function listenOnLoopback(...args) {
  const first = args[0];
  if (first !== null && typeof first === 'object' && !Array.isArray(first)) {
    // listen({ port, host?, path?, ... }[, callback]); a handle or an IPC path is left alone.
    if (first.path === undefined && first.handle === undefined && first._handle === undefined && first.fd === undefined && !first.host) args[0] = { ...first, host: LOOPBACK };
  } else if (first === undefined || typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    // listen([port][, host][, backlog][, callback])
    if (args.length === 0) args.push(0, LOOPBACK);
    else if (args[1] === undefined && args.length > 1) args[1] = LOOPBACK;
    else if (typeof args[1] !== 'string') args.splice(1, 0, LOOPBACK);
  }
  return listen.apply(this, args);
};
