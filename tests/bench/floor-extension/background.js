// The least an extension can do and still see every response's Set-Cookie header, as #4 asks:
// one listener, for all URLs, with extraHeaders, that does nothing.
chrome.webRequest.onHeadersReceived.addListener(() => undefined, { urls: ['<all_urls>'] }, [
  'responseHeaders',
  'extraHeaders',
]);
// launchWithExtension waits for this before it hands the browser over.
globalThis.jeejioInspector = { ready: Promise.resolve() };
