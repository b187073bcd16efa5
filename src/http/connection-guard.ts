import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export interface ConnectionGuardLimits {
  /** Connections held at once; past it the oldest idle one makes room, and only if none is idle is the newcomer refused. */
  maxConnections: number;
  /** A connection that has sent not one byte by then is closed (one sending slowly meets the headers timeout, with its 408). */
  firstRequestTimeoutMs: number;
}

/**
 * Keeps one client from holding every connection. Node's own `maxConnections` refuses whoever
 * comes next, so 1,000 idle sockets from one client locked out everyone, the health probe included.
 * Here every connection is either busy (a request in flight) or idle (none yet, or between
 * keep-alive requests); at the cap the longest-idle one is closed to let the newcomer in, and a
 * connection that sends no byte is closed after a short first-request timeout instead of the
 * headers timeout. A newcomer is refused only when every connection is busy.
 */
export function guardConnections(server: Server, limits: ConnectionGuardLimits): void {
  const open = new Set<Socket>();
  // Idle connections in the order they became idle (a Map keeps insertion order), with their first-request timer if any.
  const idle = new Map<Socket, NodeJS.Timeout | undefined>();
  const inFlight = new Map<Socket, number>();

  const forget = (socket: Socket) => {
    const timer = idle.get(socket);
    if (timer) clearTimeout(timer);
    idle.delete(socket);
    inFlight.delete(socket);
    open.delete(socket);
  };
  const close = (socket: Socket) => {
    forget(socket);
    socket.destroy();
  };

  server.on('connection', (socket: Socket) => {
    socket.once('close', () => forget(socket));
    open.add(socket);
    while (open.size > limits.maxConnections && idle.size > 0) close(idle.keys().next().value!);
    if (open.size > limits.maxConnections) {
      close(socket);
      return;
    }
    // bytesRead counts what the HTTP parser took in natively (no 'data' events on a server socket).
    const timer = setTimeout(() => {
      if (!inFlight.has(socket) && idle.get(socket) === timer && socket.bytesRead === 0) close(socket);
    }, limits.firstRequestTimeoutMs);
    timer.unref();
    idle.set(socket, timer);
  });

  server.on('request', (req, res) => {
    const socket = req.socket;
    if (!open.has(socket)) return;
    const timer = idle.get(socket);
    if (timer) clearTimeout(timer);
    idle.delete(socket);
    inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
    res.once('close', () => {
      if (!open.has(socket)) return;
      const left = (inFlight.get(socket) ?? 1) - 1;
      if (left > 0) inFlight.set(socket, left);
      else {
        inFlight.delete(socket);
        // Idle again, between keep-alive requests: Node's keepAliveTimeout closes it; at the cap it goes first.
        if (!socket.destroyed) idle.set(socket, undefined);
      }
    });
  });
}
