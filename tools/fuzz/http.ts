/** The admin fuzz's HTTP client: one request under a role, a raw lying Content-Length, readiness wait. */
import * as http from 'node:http';
import * as net from 'node:net';
import { KEYS, type Sent } from './types';

export interface Answer {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}
export const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

export function send(port: number, r: Sent): Promise<Answer> {
  const headers: Record<string, string> = { ...(r.headers ?? {}) };
  if (r.role === 'badkey') headers.authorization = 'Bearer not-a-real-key-xxxxxxxx';
  else if (r.role !== 'none') headers.authorization = `Bearer ${KEYS[r.role]}`;
  if (r.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
    headers['content-type'] = 'application/json';
  // Always declared: Node's client sends a DELETE body without a length otherwise.
  if (r.body !== undefined) headers['content-length'] = String(Buffer.byteLength(r.body));
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: r.method, path: r.path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
      res.on('error', reject);
    });
    req.setTimeout(30_000, () => req.destroy(new Error('client timeout after 30 s')));
    req.on('error', reject);
    req.end(r.body);
  });
}

/** A raw request whose Content-Length announces far more than is sent: the answer must come at once. */
export function declaredHuge(port: number): Promise<{ status: number; closed: boolean }> {
  return new Promise((resolve, reject) => {
    const sock = net.connect(port, '127.0.0.1');
    let data = '';
    const timer = setTimeout(() => {
      sock.destroy();
      reject(new Error('no answer within 8 s to a declared Content-Length of 10^12'));
    }, 8000);
    sock.on('data', (d) => (data += d.toString('latin1')));
    sock.on('close', () => {
      clearTimeout(timer);
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0), closed: true });
    });
    sock.on('error', () => undefined);
    sock.write(
      `POST /v1/articles HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${KEYS.operator}\r\nContent-Type: application/json\r\nContent-Length: 1000000000000\r\n\r\n{"url":`,
    );
  });
}

export async function waitKb(port: number): Promise<void> {
  for (let i = 0; i < 240; i++) {
    const r = await send(port, { method: 'GET', path: '/health/ready', role: 'none' });
    if (r.status === 200) return;
    await new Promise((res) => setTimeout(res, 250));
  }
}
