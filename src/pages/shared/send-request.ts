import { browser } from 'wxt/browser';
import type { RequestMessage, Requests, RequestType, ResponseOf } from '../../protocol/worker-requests';

/** Typed request from an extension page to the background. */
export async function sendRequest<K extends RequestType>(
  type: K,
  request: Requests[K]['request'],
): Promise<ResponseOf<K>> {
  const message = { type, ...request } as RequestMessage;
  const answer: unknown = await browser.runtime.sendMessage(message);
  // webextension-polyfill resolves a channel Chrome closed unanswered (the worker stopped meanwhile) as undefined.
  if (answer === undefined)
    throw new Error(`The inspector's background worker stopped before answering "${type}"; try again.`);
  return answer as ResponseOf<K>;
}
