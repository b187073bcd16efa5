import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** `SLACK_TOKEN_KEY`: 32 bytes, base64; config.ts checks its length before anything starts. */
export function tokenKeyFrom(base64: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new Error('SLACK_TOKEN_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)');
  return key;
}

/**
 * Tokens at rest: AES-256-GCM with a fresh 12-byte IV per token, bound to the record they belong
 * to (`aad`), so a sealed token copied onto another workspace's record does not open.
 * Format: `v1.<iv>.<tag>.<ciphertext>`, each base64url.
 */
export function sealToken(key: Buffer, token: string, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), ciphertext].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

/** Throws on a wrong key, a tampered value, or a value sealed for another record. */
export function openToken(key: Buffer, sealed: string, aad: string): string {
  const [version, iv, tag, ciphertext] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || ciphertext === undefined) throw new Error('not a sealed token');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
}
