// The optional language-model rewrite: the request it builds (quotes as context, JSON asked for), the checks an
// answer must pass (extractive text kept on any failure), and the HTTP shell against a real OpenAI-compatible server
// on 127.0.0.1: a good answer, garbage, an HTTP 500 and a server too slow to wait for.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Episode, Moment } from '../../src/model/episode.js';
import { buildRewriteRequest, checkSummary, checkTitle, jsonIn, parseRewriteResponse, RewriteError, type ChatRequest } from '../../src/enrich/llm.js';
import { completionsUrl, llmConfigFromEnv, rewriteWithLlm, type LlmConfig } from '../../src/ingest/llm-rewrite.js';
import { keyMoments } from '../../src/enrich/moments.js';
import { episodeOf, interview } from '../fixtures/enrich/moments/episode.js';

function enriched(): Episode {
  const base = episodeOf(interview().turns);
  const moments = keyMoments(base);
  return {
    ...base,
    moments,
    chapters: [
      { title: 'Gulf Stream and heat', start: 0, origin: 'derived' },
      { title: 'Argo floats and salinity', start: 1200, origin: 'derived' },
    ],
  };
}

const completion = (content: string) => ({ choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] });

function goodAnswer(episode: Episode): string {
  return JSON.stringify({
    chapters: [
      { id: 'c1', title: 'Why the Gulf Stream warms Europe' },
      { id: 'c2', title: 'Floats that watch the winter ocean' },
    ],
    moments: episode.moments.map((_, i) => ({ id: `m${i + 1}`, title: `Rewritten title ${i + 1}`, summary: `Tobias Fenwick explains point number ${i + 1} about the ocean.` })),
  });
}

describe('llm: the request', () => {
  const episode = enriched();
  const request = buildRewriteRequest(episode, 'local-model')!;
  const prompt = request.body.messages.map((m) => m.content).join('\n');

  it('is a chat-completions body for the configured model that asks for JSON', () => {
    assert.equal(request.body.model, 'local-model');
    assert.deepEqual(request.body.response_format, { type: 'json_object' });
    assert.deepEqual(request.body.messages.map((m) => m.role), ['system', 'user']);
    assert.match(prompt, /JSON/);
    assert.match(prompt, /"chapters": \[\{"id": "c1"/);
  });

  it('gives every moment with its quote as context, and every derived chapter with an excerpt', () => {
    episode.moments.forEach((m, i) => {
      assert.ok(prompt.includes(`[m${i + 1}]`));
      assert.ok(prompt.includes(JSON.stringify(m.title)));
      assert.ok(prompt.includes(m.quote.split(' ').slice(0, 12).join(' ')), 'the quote is in the prompt');
    });
    assert.ok(prompt.includes('[c1]') && prompt.includes('[c2]'));
    assert.equal(request.chapters.get('c2'), 1);
    assert.equal(request.moments.get('m1'), 0);
  });

  it('never sends given chapters, and is null when there is nothing to rewrite', () => {
    const given = { ...episode, chapters: episode.chapters.map((c) => ({ ...c, origin: 'given' as const })) };
    const r = buildRewriteRequest(given, 'm')!;
    assert.equal(r.chapters.size, 0);
    assert.ok(!r.body.messages[1]!.content.includes('[c1]'));
    assert.equal(buildRewriteRequest({ ...episode, chapters: [], moments: [] }, 'm'), null);
  });

  it('stays bounded for a long episode', () => {
    const many: Moment[] = Array.from({ length: 40 }, (_, i) => ({ ...episode.moments[0]!, start: i * 600, end: i * 600 + 60 }));
    const r = buildRewriteRequest({ ...episode, moments: many }, 'm')!;
    assert.ok(JSON.stringify(r.body).length < 60_000, `${JSON.stringify(r.body).length} chars`);
  });
});

describe('llm: reading the answer', () => {
  const episode = enriched();
  const request = buildRewriteRequest(episode, 'm')!;

  it('rewrites titles and summaries, keeping quotes, times, speakers and chapter starts', () => {
    const result = parseRewriteResponse(episode, request, completion(goodAnswer(episode)));
    assert.deepEqual(result.rewritten, { chapters: 2, moments: episode.moments.length });
    assert.deepEqual(result.warnings, []);
    assert.equal(result.patch.chapters![0]!.title, 'Why the Gulf Stream warms Europe');
    assert.equal(result.patch.chapters![1]!.start, 1200);
    assert.equal(result.patch.chapters![1]!.origin, 'derived');
    result.patch.moments!.forEach((m, i) => {
      const before = episode.moments[i]!;
      assert.equal(m.title, `Rewritten title ${i + 1}`);
      assert.match(m.summary, /^Tobias Fenwick explains/);
      assert.deepEqual([m.quote, m.start, m.end, m.speaker], [before.quote, before.start, before.end, before.speaker]);
    });
  });

  it('reads JSON inside code fences or with words around it', () => {
    const fenced = '```json\n' + goodAnswer(episode) + '\n```';
    assert.equal(parseRewriteResponse(episode, request, completion(fenced)).rewritten.chapters, 2);
    const chatty = `Sure! Here is the JSON you asked for:\n${goodAnswer(episode)}\nLet me know if you need anything else.`;
    assert.equal(parseRewriteResponse(episode, request, completion(chatty)).rewritten.chapters, 2);
    assert.deepEqual(jsonIn('{"a": 1}'), { a: 1 });
    assert.equal(jsonIn('no json here'), undefined);
    assert.equal(jsonIn('[1, 2]'), undefined);
  });

  it('refuses single items that break the limits, keeping the extractive text for them', () => {
    const answer = JSON.stringify({
      chapters: [
        { id: 'c1', title: 'A title that goes on and on and on for far too many words to be any kind of title' },
        { id: 'c2', title: '' },
        { id: 'c9', title: 'Not an item we sent' },
      ],
      moments: [
        { id: 'm1', title: 'Fine title', summary: 'One. Two. Three. Four sentences is more than a summary should have.' },
        { id: 'm2', title: 42, summary: 'Too short.' },
      ],
    });
    const result = parseRewriteResponse(episode, request, completion(answer));
    assert.deepEqual(result.rewritten, { chapters: 0, moments: 1 });
    assert.equal(result.patch.chapters, undefined, 'chapters untouched');
    assert.equal(result.patch.moments![0]!.title, 'Fine title');
    assert.equal(result.patch.moments![0]!.summary, episode.moments[0]!.summary, 'bad summary refused, extractive kept');
    assert.equal(result.patch.moments![1]!.title, episode.moments[1]!.title);
    assert.ok(result.warnings.length >= 4, result.warnings.join('; '));
  });

  it('refuses an answer that is not a completion, not JSON or not the asked shape', () => {
    assert.throws(() => parseRewriteResponse(episode, request, { error: 'nope' }), RewriteError);
    assert.throws(() => parseRewriteResponse(episode, request, completion('I cannot help with that.')), RewriteError);
    assert.throws(() => parseRewriteResponse(episode, request, completion('{"chapters": "none"}')), RewriteError);
  });

  it('checks titles and summaries', () => {
    assert.equal(checkTitle('  "Why the ocean warms Europe."  '), 'Why the ocean warms Europe');
    assert.equal(typeof checkTitle('<b>x</b>'), 'object');
    assert.equal(typeof checkTitle(null), 'object');
    assert.equal(checkSummary('He explains how salt water sinks.'), 'He explains how salt water sinks.');
    assert.equal(typeof checkSummary('word '.repeat(80)), 'object');
  });
});

describe('llm: configuration', () => {
  it('is off without PODSIFT_LLM_URL, and reads model, key and timeout', () => {
    assert.equal(llmConfigFromEnv({}), null);
    assert.deepEqual(llmConfigFromEnv({ PODSIFT_LLM_URL: 'http://127.0.0.1:8080/v1', PODSIFT_LLM_MODEL: 'qwen', PODSIFT_LLM_KEY: 'k', PODSIFT_LLM_TIMEOUT: '5' }), {
      url: 'http://127.0.0.1:8080/v1',
      model: 'qwen',
      key: 'k',
      timeoutMs: 5000,
    });
    assert.deepEqual(llmConfigFromEnv({ PODSIFT_LLM_URL: 'http://x/v1' }), { url: 'http://x/v1', model: 'default', key: null, timeoutMs: 60_000 });
  });

  it('posts to <base>/chat/completions', () => {
    assert.equal(completionsUrl('http://127.0.0.1:8080/v1'), 'http://127.0.0.1:8080/v1/chat/completions');
    assert.equal(completionsUrl('http://127.0.0.1:8080/v1/'), 'http://127.0.0.1:8080/v1/chat/completions');
    assert.equal(completionsUrl('https://api.example.com/v1/chat/completions'), 'https://api.example.com/v1/chat/completions');
    assert.equal(completionsUrl('ftp://x'), null);
    assert.equal(completionsUrl('not a url'), null);
  });
});

describe('llm: against a server speaking the API on 127.0.0.1', () => {
  const episode = enriched();
  let server: Server;
  let base = '';
  const seen: { path: string; auth: string | undefined; body: ChatRequest }[] = [];
  const pending = new Set<ServerResponse>();

  /** Each test picks the server's behaviour by the model name it configures. */
  function handle(req: IncomingMessage, res: ServerResponse): void {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const body = JSON.parse(raw) as ChatRequest;
      seen.push({ path: req.url ?? '', auth: req.headers.authorization, body });
      const json = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') return json(404, { error: 'not found' });
      switch (body.model) {
        case 'good':
          return json(200, completion(goodAnswer(episode)));
        case 'garbage':
          res.writeHead(200, { 'content-type': 'text/html' });
          return res.end('<html>502 Bad Gateway</html>');
        case 'prose':
          return json(200, completion('Here are some nice titles: Ocean Stuff, More Ocean Stuff.'));
        case 'error':
          return json(500, { error: { message: 'model crashed' } });
        case 'slow':
          pending.add(res);
          setTimeout(() => {
            pending.delete(res);
            if (!res.writableEnded) json(200, completion(goodAnswer(episode)));
          }, 3000).unref();
          return;
        default:
          return json(400, { error: 'unknown model' });
      }
    });
  }

  before(async () => {
    server = createServer(handle);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });

  after(async () => {
    for (const res of pending) res.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const config = (model: string, timeoutMs = 2000): LlmConfig => ({ url: base, model, key: 'secret-key', timeoutMs });

  it('rewrites through a working server, sending the request with the key', async () => {
    const result = await rewriteWithLlm(episode, config('good'));
    assert.equal(result.error, null);
    assert.deepEqual(result.rewritten, { chapters: 2, moments: episode.moments.length });
    assert.equal(result.patch.moments![0]!.quote, episode.moments[0]!.quote);
    const last = seen[seen.length - 1]!;
    assert.equal(last.path, '/v1/chat/completions');
    assert.equal(last.auth, 'Bearer secret-key');
    assert.equal(last.body.model, 'good');
    assert.ok(last.body.messages[1]!.content.includes(episode.moments[0]!.title));
  });

  it('reports garbage as an error and changes nothing', async () => {
    for (const model of ['garbage', 'prose']) {
      const result = await rewriteWithLlm(episode, config(model));
      assert.deepEqual(result.patch, {});
      assert.match(result.error ?? '', /JSON/, `${model}: ${result.error}`);
    }
  });

  it('reports an HTTP 500 with the status, and never leaks the key', async () => {
    const result = await rewriteWithLlm(episode, config('error'));
    assert.deepEqual(result.patch, {});
    assert.match(result.error ?? '', /HTTP 500/);
    assert.match(result.error ?? '', /model crashed/);
    assert.ok(!(result.error ?? '').includes('secret-key'));
  });

  it('gives up on a slow server after the timeout', async () => {
    const started = performance.now();
    const result = await rewriteWithLlm(episode, config('slow', 300));
    assert.ok(performance.now() - started < 2500, 'did not wait for the answer');
    assert.deepEqual(result.patch, {});
    assert.match(result.error ?? '', /did not answer within 0\.3 s/);
  });

  it('reports an unreachable server and a bad URL without throwing', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const unreachable = await rewriteWithLlm(episode, { ...config('good'), url: `http://127.0.0.1:${port}/v1` });
    assert.match(unreachable.error ?? '', /could not reach/);
    const bad = await rewriteWithLlm(episode, { ...config('good'), url: 'localhost:8080' });
    assert.match(bad.error ?? '', /not an http\(s\) URL/);
  });

  it('does nothing, without asking, when there is nothing to rewrite', async () => {
    const before = seen.length;
    const result = await rewriteWithLlm({ ...episode, chapters: [], moments: [] }, config('good'));
    assert.deepEqual(result, { patch: {}, rewritten: { chapters: 0, moments: 0 }, error: null, warnings: [] });
    assert.equal(seen.length, before);
  });
});
