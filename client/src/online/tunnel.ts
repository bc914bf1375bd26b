// An HTTP CONNECT tunnel through a proxy, for https URLs. The same protocol as the API client's
// (client/src/cloud/transport.ts keeps its own private); kept here so the online check does not
// reach into the API client's internals. No vscode import.
import * as http from 'node:http';
import * as https from 'node:https';
import type { Socket } from 'node:net';

export function proxyAuthorization(proxy: URL): Record<string, string> {
  if (!proxy.username) return {};
  const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return { 'Proxy-Authorization': `Basic ${Buffer.from(credentials).toString('base64')}` };
}

/** Resolves with the raw socket once the proxy answered CONNECT with 200. */
export function openTunnel(proxy: URL, target: URL, strict: boolean, signal: AbortSignal): Promise<Socket> {
  return new Promise<Socket>((resolve, reject) => {
    const authority = `${target.hostname}:${target.port || 443}`;
    const module = proxy.protocol === 'https:' ? https : http;
    const request = module.request({
      host: proxy.hostname, port: proxy.port || undefined, method: 'CONNECT', path: authority,
      headers: { Host: authority, ...proxyAuthorization(proxy) },
      signal, agent: false, rejectUnauthorized: strict,
    });
    request.on('connect', (response: http.IncomingMessage, socket: Socket) => {
      if (response.statusCode === 200) return resolve(socket);
      socket.destroy();
      reject(Object.assign(new Error(`The proxy ${proxy.host} refused a tunnel to ${authority}: HTTP ${response.statusCode}`), { code: 'ProxyRefused' }));
    });
    request.on('response', (response: http.IncomingMessage) => {
      response.resume();
      reject(Object.assign(new Error(`The proxy ${proxy.host} did not open a tunnel to ${authority}: HTTP ${response.statusCode}`), { code: 'ProxyRefused' }));
    });
    request.on('error', reject);
    request.end();
  });
}
