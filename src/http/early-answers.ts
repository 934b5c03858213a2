import type { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * Answers sent before the request body has been read: a 413 on Content-Length, a 415, a 429.
 *
 * Closing the connection at once (fastify asks for it on body errors) resets it while the
 * client is still sending, and the reset discards the answer the client had not read yet:
 * Node's fetch (from another process) saw EPIPE instead of the 413 for a 5 MiB body in 13
 * of 20 tries. So the
 * connection stays open after such an answer and the rest of the body is read and thrown
 * away (a lingering close), up to `LINGER_BODY_FACTOR` times the route's body limit and
 * `LINGER_MS`; past either the connection is closed. A body drained to its end leaves a
 * clean connection, which node keeps alive as after any other response.
 *
 * A client that sent `Expect: 100-continue` holds its body back until told to continue: it
 * is told only once the request has reached body parsing with a Content-Length within the
 * route's limit, so an oversize one gets the 413 (from fastify's body reader) and sends
 * nothing; any answer given before continuing closes the connection, as no body will follow.
 */
const LINGER_BODY_FACTOR = 4;
const LINGER_MS = 5000;

/** Requests whose client waits for `100 Continue` before sending the body. */
const awaitingContinue = new WeakSet<IncomingMessage>();
/** Connections being drained after their answer: no second answer may be written on them. */
const lingering = new WeakSet<Socket>();

/** True while the connection's last answer is out and its request body is being discarded. */
export function isLingering(socket: Socket): boolean {
  return lingering.has(socket);
}

function hasBody(request: FastifyRequest): boolean {
  const headers = request.headers;
  return headers['transfer-encoding'] !== undefined || Number(headers['content-length'] ?? 0) > 0;
}

/** Reads and discards what is left of the body, then leaves the connection to node. */
function drainUnreadBody(request: IncomingMessage, maxBytes: number): void {
  const socket: unknown = request.socket;
  // `inject` has no connection to keep open.
  if (!(socket instanceof Socket) || request.complete || socket.destroyed) return;
  lingering.add(socket);
  let discarded = 0;
  const stop = (): void => {
    clearTimeout(timer);
    request.off('data', discard);
    request.off('end', stop);
    socket.off('close', stop);
    lingering.delete(socket);
  };
  const giveUp = (): void => {
    stop();
    socket.destroy();
  };
  const discard = (chunk: Buffer): void => {
    discarded += chunk.length;
    if (discarded > maxBytes) giveUp();
  };
  const timer = setTimeout(giveUp, LINGER_MS);
  timer.unref();
  // Whatever read the body (a decompressor, say) has given up on it.
  request.unpipe();
  request.on('data', discard);
  request.once('end', stop);
  socket.once('close', stop);
  request.resume();
}

export function registerEarlyAnswers(app: FastifyInstance): void {
  // Without a listener node sends `100 Continue` to every such request, oversize or not.
  app.server.on('checkContinue', (request: IncomingMessage, response: ServerResponse) => {
    awaitingContinue.add(request);
    app.server.emit('request', request, response);
  });

  app.addHook('preParsing', (request, reply, payload, done) => {
    if (awaitingContinue.has(request.raw)) {
      const length = Number(request.headers['content-length']);
      const limit = request.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit ?? 0;
      // An oversize Content-Length gets its 413 from fastify's body reader, before any read.
      if (!(length > limit)) {
        awaitingContinue.delete(request.raw);
        reply.raw.writeContinue();
      }
    }
    done(null, payload);
  });

  app.addHook('onSend', (request, reply, payload, done) => {
    if (!request.raw.complete && hasBody(request)) {
      if (awaitingContinue.has(request.raw)) {
        reply.header('connection', 'close');
      } else {
        reply.removeHeader('connection');
        const limit = request.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit ?? 0;
        // node's own 'finish' listener runs first and leaves the body flowing to nowhere.
        reply.raw.once('finish', () => drainUnreadBody(request.raw, LINGER_BODY_FACTOR * limit));
      }
    }
    done(null, payload);
  });
}
