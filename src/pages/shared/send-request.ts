import { browser } from 'wxt/browser';
import type { RequestMessage, Requests, RequestType, ResponseOf } from '../../protocol/worker-requests';

/** Typed request from an extension page to the background. */
export async function sendRequest<K extends RequestType>(
  type: K,
  request: Requests[K]['request'],
): Promise<ResponseOf<K>> {
  const message = { type, ...request } as RequestMessage;
  return (await browser.runtime.sendMessage(message)) as ResponseOf<K>;
}
