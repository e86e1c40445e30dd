// The OpenAPI document is true: every operation it lists answers as documented with its examples, and every API
// route the app has is in it.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createApp } from '../../src/server/app.js';
import { openApiDocument } from '../../src/server/openapi.js';
import { fixture, json, type Fixture } from './helpers.js';

type Operation = {
  operationId: string;
  parameters?: readonly { name: string; in: string; example?: unknown }[];
  requestBody?: { content: Record<string, { example?: unknown }> };
  responses: Record<string, unknown>;
};

let f: Fixture;
before(async () => {
  f = await fixture();
});
after(async () => {
  await f?.close();
});

/** Reads first, then the create, then what needs the created highlight, then the delete. */
const rank = (path: string, method: string) => (method === 'delete' ? 3 : method === 'post' ? 1 : path === '/api/highlights/{id}' ? 2 : 0);

describe('/api/openapi.json', () => {
  it('is served and is the document', async () => {
    const r = await fetch(`${f.url}/api/openapi.json`);
    assert.equal(r.status, 200);
    const doc = await json(r);
    assert.equal(doc.openapi, '3.1.0');
    assert.deepEqual(Object.keys(doc.paths).sort(), Object.keys(openApiDocument.paths).sort());
  });

  it('every operation answers with a documented success status, using the examples', async () => {
    const operations = Object.entries(openApiDocument.paths as unknown as Record<string, Record<string, Operation>>)
      .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })))
      .sort((a, b) => rank(a.path, a.method) - rank(b.path, b.method));
    let highlightId: number | null = null;
    for (const { path, method, op } of operations) {
      let url = path;
      const query = new URLSearchParams();
      for (const p of op.parameters ?? []) {
        let value = p.example;
        if (p.in === 'path' && path.startsWith('/api/highlights/{id}') && highlightId !== null) value = highlightId;
        if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(String(value)));
        else if (value !== undefined) query.set(p.name, String(value));
      }
      assert.doesNotMatch(url, /\{/, `${op.operationId}: every path parameter has an example`);
      const init: RequestInit = { method: method.toUpperCase() };
      const content = op.requestBody?.content;
      if (content?.['application/json']) {
        init.headers = { 'Content-Type': 'application/json' };
        init.body = JSON.stringify(content['application/json'].example);
      } else if (content?.['application/octet-stream']) {
        init.headers = { 'Content-Type': 'application/octet-stream' };
        init.body = String(content['application/octet-stream'].example);
      }
      const r = await fetch(`${f.url}${url}${query.size ? `?${query}` : ''}`, init);
      const documented = Object.keys(op.responses).filter((s) => s.startsWith('2'));
      const body = r.status === 204 ? null : await r.text();
      assert.ok(documented.includes(String(r.status)), `${method.toUpperCase()} ${url}: ${r.status} ${body?.slice(0, 200)} (documented: ${documented.join(', ')})`);
      if (op.operationId === 'createHighlight') highlightId = JSON.parse(body!).id;
    }
  });

  it('lists every API route the app has', () => {
    const app = createApp({ library: f.library, log: () => undefined });
    const documented = new Set(
      Object.entries(openApiDocument.paths as unknown as Record<string, Record<string, unknown>>).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`)),
    );
    const routes = app.routes.filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL').map((r) => `${r.method} ${r.path.replace(/:([A-Za-z]+)/g, '{$1}')}`);
    assert.ok(routes.length > 10, 'routes found');
    for (const route of routes) assert.ok(documented.has(route), `${route} is in the OpenAPI document`);
  });
});
