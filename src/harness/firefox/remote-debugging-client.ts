import { connect, type Socket } from 'node:net';

/** A packet of Firefox's Remote Debugging Protocol: JSON with the actor it comes from. */
export interface Packet {
  from: string;
  type?: string;
  error?: string;
  message?: string;
  [field: string]: unknown;
}

export class RemoteDebuggingError extends Error {
  override name = 'RemoteDebuggingError';
}

/**
 * A client of Firefox's Remote Debugging Protocol (the one about:debugging and
 * web-ext speak, started with `--start-debugger-server`): it can install a
 * temporary add-on and evaluate code in the add-on's background page, which
 * WebDriver BiDi leaves out (Firefox's automation skips extension pages).
 *
 * Packets are `length:JSON`. Each actor answers its requests in order; a
 * packet with a `type` is an event, unless it carries an `error`.
 * https://firefox-source-docs.mozilla.org/devtools/backend/protocol.html
 */
export class RemoteDebuggingClient {
  private buffer = Buffer.alloc(0);
  private readonly waiting = new Map<string, Array<(packet: Packet) => void>>();
  private readonly eventListeners = new Set<(packet: Packet) => void>();
  private closedWith: Error | undefined;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.readPackets();
    });
    socket.on('close', () => this.fail(new RemoteDebuggingError('Firefox closed its debugging connection.')));
    socket.on('error', (error) => this.fail(new RemoteDebuggingError(error.message)));
  }

  /** Connects to the debugging server on this loopback port; resolves once the root actor has greeted. */
  static async connect(port: number, timeoutMs = 10_000): Promise<RemoteDebuggingClient> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        return await RemoteDebuggingClient.tryConnect(port);
      } catch (error) {
        // Firefox opens the port a moment after it says so on its output.
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  private static tryConnect(port: number): Promise<RemoteDebuggingClient> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('error', reject);
      const client = new RemoteDebuggingClient(socket);
      const greeted = (packet: Packet) => {
        if (packet.from !== 'root') return;
        client.eventListeners.delete(greeted);
        socket.off('error', reject);
        resolve(client);
      };
      client.eventListeners.add(greeted);
    });
  }

  /** Sends a request to an actor and resolves with its reply; an error reply rejects. */
  request(to: string, type: string, fields: Record<string, unknown> = {}): Promise<Packet> {
    if (this.closedWith) return Promise.reject(this.closedWith);
    return new Promise((resolve, reject) => {
      const queue = this.waiting.get(to) ?? [];
      queue.push((packet) =>
        packet.error
          ? reject(
              new RemoteDebuggingError(`${type} to ${to}: ${packet.error} ${packet.message ?? ''}`.trim()),
            )
          : resolve(packet),
      );
      this.waiting.set(to, queue);
      const text = JSON.stringify({ to, type, ...fields });
      this.socket.write(`${Buffer.byteLength(text)}:${text}`);
    });
  }

  /** Calls `listener` with every event from now on; returns how to stop. */
  onEvent(listener: (packet: Packet) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  close(): void {
    this.socket.destroy();
  }

  private readPackets(): void {
    for (;;) {
      const colon = this.buffer.indexOf(0x3a);
      if (colon < 0) return;
      const length = Number(this.buffer.subarray(0, colon).toString('latin1'));
      if (!Number.isSafeInteger(length)) {
        this.fail(new RemoteDebuggingError('Firefox sent a packet this client cannot frame.'));
        this.socket.destroy();
        return;
      }
      if (this.buffer.length < colon + 1 + length) return;
      const packet = JSON.parse(
        this.buffer.subarray(colon + 1, colon + 1 + length).toString('utf8'),
      ) as Packet;
      this.buffer = this.buffer.subarray(colon + 1 + length);
      this.deliver(packet);
    }
  }

  private deliver(packet: Packet): void {
    const queue = this.waiting.get(packet.from);
    if (queue?.length && (packet.type === undefined || packet.error !== undefined)) {
      queue.shift()?.(packet);
      return;
    }
    for (const listener of [...this.eventListeners]) listener(packet);
  }

  private fail(error: Error): void {
    if (this.closedWith) return;
    this.closedWith = error;
    for (const queue of this.waiting.values())
      for (const answer of queue.splice(0)) answer({ from: '', error: 'closed', message: error.message });
  }
}
