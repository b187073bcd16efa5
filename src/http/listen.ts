import { createServer, type Server } from 'node:http';
import type { Express } from 'express';
import { guardConnections } from './connection-guard';

/**
 * How long a client may take, and how many may be connected at once. Without these an idle or
 * slow-body connection stayed open for 330 s+ and every one of them held a socket.
 */
export interface ServerLimits {
  /** The request line and headers must arrive within this (a silent connection is closed after it too). */
  headersTimeoutMs: number;
  /** The whole request, body included, must arrive within this. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** Connections held at once: past it the longest-idle one is closed to make room (connection-guard.ts); a newcomer is refused only when all are busy. */
  maxConnections: number;
  /** A connection that has sent no byte by then is closed: idle sockets cannot sit on the cap for the whole headers timeout. */
  firstRequestTimeoutMs: number;
  /** How often Node checks the two request timeouts (its default of 30 s would let them overrun by that much). */
  checkIntervalMs: number;
}

/** Slack and Teams send small bodies at once; 512 kB at a slow 50 kB/s still fits in 30 s. */
export const SERVER_LIMITS: ServerLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  // Longer than Azure's front ends keep an idle upstream connection (4 min there is the far side's choice), short enough to shed idle clients.
  keepAliveTimeoutMs: 5_000,
  maxConnections: 1_000,
  // Slack, Teams and the health probe send their request as soon as they connect.
  firstRequestTimeoutMs: 2_000,
  checkIntervalMs: 1_000,
};

/** An HTTP server for the app with the limits applied. Listening is the caller's step (see `listen`). */
export function createLimitedServer(app: Express, limits: ServerLimits = SERVER_LIMITS): Server {
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: limits.checkIntervalMs,
    },
    app,
  );
  // Not Node's maxConnections: it refuses the newcomer, so one client's idle sockets locked out the health probe.
  guardConnections(server, limits);
  return server;
}

/**
 * Listens, and rejects if the port cannot be had (EADDRINUSE, EACCES) instead of logging
 * "listening" with no server, as `app.listen` does when nobody handles its 'error' event.
 */
export function listen(app: Express, port: number, host: string, limits: ServerLimits = SERVER_LIMITS): Promise<Server> {
  const server = createLimitedServer(app, limits);
  return new Promise((resolve, reject) => {
    const failed = (error: Error) => reject(error);
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve(server);
    });
  });
}
