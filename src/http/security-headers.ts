import helmet from 'helmet';

/**
 * Headers for every answer, pages first (certificates, the record download, /dev): helmet's set
 * (nosniff, no referrer, same-origin resource policy, ...) with HSTS always sent, since in Azure
 * TLS ends at the front end and this process only sees plain HTTP (browsers ignore HSTS over
 * plain HTTP, so a laptop is unaffected), and a policy that forbids framing our pages anywhere
 * (clickjacking). No script policy: the /dev page is for loopback use and has inline JSON.
 */
export function securityHeaders() {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { 'default-src': helmet.contentSecurityPolicy.dangerouslyDisableDefaultSrc, 'frame-ancestors': ["'none'"] } },
    frameguard: { action: 'deny' },
    strictTransportSecurity: { maxAge: 365 * 24 * 60 * 60, includeSubDomains: true },
  });
}
