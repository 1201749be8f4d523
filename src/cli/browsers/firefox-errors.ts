/**
 * Firefox's network and certificate error codes, as its automation reports a
 * failed navigation, in the words the audit uses for Chromium's (the code is
 * kept after them, for a search). Codes: netwerk/base/nsNetError.h and
 * security/nss's pkix and SEC errors.
 */
const FIREFOX_ERRORS: ReadonlyArray<[code: RegExp, words: string]> = [
  [
    /MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT|SEC_ERROR_UNKNOWN_ISSUER|SEC_ERROR_UNTRUSTED_ISSUER/,
    "the server's certificate is not trusted (self-signed or of an unknown issuer; --ignore-https-errors accepts it for a staging or fixture server)",
  ],
  [/SSL_ERROR_BAD_CERT_DOMAIN/, "the server's certificate is for another host name"],
  [/SEC_ERROR_EXPIRED_CERTIFICATE/, "the server's certificate has expired"],
  [
    /NS_ERROR_PROXY_BAD_GATEWAY|NS_ERROR_PROXY_CONNECTION_REFUSED/,
    'nothing answered at the address the host rules map the host to',
  ],
  [/NS_ERROR_CONNECTION_REFUSED/, 'the server refused the connection'],
  [/NS_ERROR_UNKNOWN_HOST/, 'the host name does not resolve'],
  [/NS_ERROR_NET_TIMEOUT/, 'the server did not answer in time'],
  [/NS_ERROR_NET_RESET|NS_ERROR_NET_INTERRUPT/, 'the connection was cut'],
];

/** A failed navigation's message in words, without the automation's own stack (`#onNavigationCommitted@chrome://…`). */
export function firefoxNavigationError(message: string): string {
  const firstLine = (message.split('\n')[0] ?? message).replace(/\s*#\w+@chrome:\/\/\S*/g, '').trim();
  for (const [code, words] of FIREFOX_ERRORS) {
    const found = code.exec(firstLine);
    if (found) return `${words} (${found[0]})`;
  }
  return firstLine;
}
