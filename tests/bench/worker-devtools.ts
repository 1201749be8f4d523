import { createServer } from 'node:net';
import WebSocket from 'ws';

/**
 * DevTools on an extension's service worker, over Chromium's remote-debugging
 * port: Playwright opens CDP sessions on pages and frames only, and what a
 * bench asks of the worker (its heap after a collection) needs the worker's
 * own target.
 */
export interface WorkerDevtools {
  send<T = unknown>(method: string, params?: Record<string, unknown>): Promise<T>;
  close(): void;
}

/** A free loopback port for --remote-debugging-port. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) throw new Error('No free port.');
  return address.port;
}

interface TargetInfo {
  type: string;
  url: string;
  webSocketDebuggerUrl?: string;
}

/** Attaches to the running service worker of the extension `extensionId`. */
export async function attachToWorker(port: number, extensionId: string): Promise<WorkerDevtools> {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as TargetInfo[];
  const target = targets.find(
    (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`),
  );
  if (!target?.webSocketDebuggerUrl) throw new Error(`No running service worker for ${extensionId}.`);
  const socket = new WebSocket(target.webSocketDebuggerUrl, { perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as {
      id?: number;
      result?: unknown;
      error?: { message: string };
    };
    const waiting = message.id === undefined ? undefined : pending.get(message.id);
    if (!waiting || message.id === undefined) return;
    pending.delete(message.id);
    if (message.error) waiting.reject(new Error(message.error.message));
    else waiting.resolve(message.result);
  });
  socket.on('close', () => {
    for (const waiting of pending.values()) waiting.reject(new Error('The worker went away.'));
    pending.clear();
  });
  return {
    send<T>(method: string, params: Record<string, unknown> = {}) {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        socket.send(JSON.stringify({ id, method, params }));
      });
    },
    close: () => socket.close(),
  };
}

/** The worker's JavaScript heap in use, in bytes, after a full collection. */
export async function workerHeapBytes(devtools: WorkerDevtools): Promise<number> {
  await devtools.send('HeapProfiler.collectGarbage');
  const { usedSize } = await devtools.send<{ usedSize: number }>('Runtime.getHeapUsage');
  return usedSize;
}
