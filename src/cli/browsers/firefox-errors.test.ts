import { describe, expect, it } from 'vitest';
import { firefoxNavigationError } from './firefox-errors';

describe('firefoxNavigationError', () => {
  it('says a certificate error in words, with the code, without the automation stack', () => {
    expect(
      firefoxNavigationError(
        'Protocol error (browsingContext.navigate): unknown error NS_ERROR_GENERATE_FAILURE(NS_ERROR_MODULE_SECURITY, MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT) #onNavigationCommitted@chrome://remote/content/shared/Navigate.sys.mjs:123:45\nmore',
      ),
    ).toBe(
      "the server's certificate is not trusted (self-signed or of an unknown issuer; --ignore-https-errors accepts it for a staging or fixture server) (MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT)",
    );
  });

  it('says a proxy that reached nothing as the host rules', () => {
    expect(
      firefoxNavigationError(
        'unknown error NS_ERROR_PROXY_BAD_GATEWAY #onNavigationCommitted@chrome://remote/x',
      ),
    ).toBe('nothing answered at the address the host rules map the host to (NS_ERROR_PROXY_BAD_GATEWAY)');
  });

  it('leaves a message it does not know as it came, on one line, stack removed', () => {
    expect(firefoxNavigationError('Navigation timeout of 30000 ms exceeded\n at …')).toBe(
      'Navigation timeout of 30000 ms exceeded',
    );
  });
});
