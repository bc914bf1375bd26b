// A real local HTTP endpoint that answers every request with the body a test sets, and an SesClient
// pointed at it: how the unit tests feed the client hostile or malformed answers over real HTTP.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SesClient, type SesClientOptions } from '../../common/cloud/sesClient';
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '../emulator';

export interface CannedEndpoint {
  readonly client: SesClient;
  /** Another client of this endpoint, with more options (an error-code explainer, a timeout). */
  clientWith(extra: Partial<SesClientOptions>): SesClient;
  /** The JSON text of the next answers (HTTP 200). */
  body: string;
  close(): Promise<void>;
}

export async function startCannedEndpoint(): Promise<CannedEndpoint> {
  const server = http.createServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(endpoint.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const clientWith = (extra: Partial<SesClientOptions>) => new SesClient({
    credentials: async () => ({ secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY }),
    region: 'ap-guangzhou', endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    ...extra,
  });
  const endpoint: CannedEndpoint = {
    body: '',
    client: clientWith({}),
    clientWith,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return endpoint;
}
