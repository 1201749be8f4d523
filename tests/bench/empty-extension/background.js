// The cost of having any MV3 extension at all: a service worker with no permission and no listener.
// launchWithExtension waits for this before it hands the browser over; the benches read its heap
// as the reference for the inspector's own, and `readyMs` (milliseconds from the worker's start to
// the end of this script) as the reference for the inspector's wake-up.
globalThis.jeejioInspector = { ready: Promise.resolve(), readyMs: performance.now() };
