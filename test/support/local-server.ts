import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A server whose `handle` is called once a request's body has arrived, whole. */
export function bodyServer(handle: (req: http.IncomingMessage, body: Buffer, res: http.ServerResponse) => void): http.Server {
  return http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, Buffer.concat(chunks), res));
  });
}

/** Starts `server` on a free port of 127.0.0.1 and resolves to its base URL (`http://127.0.0.1:<port>`). */
export async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Closes `server` with every connection it still holds (a hung reply would keep it open); no-op when not listening. */
export async function close(server: http.Server | undefined): Promise<void> {
  if (!server?.listening) return;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** A base URL on 127.0.0.1 whose port nothing listens on (taken, then released): connecting to it is refused. */
export async function closedPortUrl(): Promise<string> {
  const probe = http.createServer();
  const url = await listen(probe);
  await close(probe);
  return url;
}
