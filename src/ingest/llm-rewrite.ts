// The optional language-model rewrite, I/O part: reads the endpoint from the environment, posts the request built by
// src/enrich/llm.ts to an OpenAI-compatible chat-completions endpoint (a local llama.cpp, vLLM or Ollama server, or a
// hosted one) and returns the patch. It never throws and never fails enrichment: any failure (unreachable, slow,
// HTTP error, an answer that is not what was asked) comes back as an error message with an empty patch, and the
// extractive titles and summaries stay.
import type { Episode } from '../model/episode.js';
import { buildRewriteRequest, parseRewriteResponse, RewriteError } from '../enrich/llm.js';
import type { EnrichmentPatch } from '../enrich/step.js';

export interface LlmConfig {
  /** Base URL of the API, e.g. "http://127.0.0.1:8080/v1" (a full ".../chat/completions" URL is accepted too). */
  url: string;
  model: string;
  /** Sent as "Authorization: Bearer <key>"; null for local servers that need none. */
  key: string | null;
  timeoutMs: number;
}

export interface LlmRewrite {
  patch: EnrichmentPatch;
  rewritten: { chapters: number; moments: number };
  /** Why nothing was rewritten, or null. */
  error: string | null;
  /** Single titles or summaries refused (the extractive text stays for those). */
  warnings: string[];
}

/** Local models on a laptop take tens of seconds for an episode's worth of titles; a minute is the default wait. */
const DEFAULT_TIMEOUT_MS = 60_000;
/** An answer larger than this is not titles and summaries. */
const MAX_RESPONSE_BYTES = 2_000_000;

/**
 * The endpoint configured by PODSIFT_LLM_URL, PODSIFT_LLM_MODEL (default "default": llama.cpp serves its one model
 * under any name), PODSIFT_LLM_KEY and PODSIFT_LLM_TIMEOUT (seconds); null when no URL is set.
 */
export function llmConfigFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): LlmConfig | null {
  const url = env.PODSIFT_LLM_URL?.trim();
  if (!url) return null;
  const seconds = Number(env.PODSIFT_LLM_TIMEOUT);
  return {
    url,
    model: env.PODSIFT_LLM_MODEL?.trim() || 'default',
    key: env.PODSIFT_LLM_KEY?.trim() || null,
    timeoutMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : DEFAULT_TIMEOUT_MS,
  };
}

/** The chat-completions URL for a configured base URL, or null when it is not an http(s) URL. */
export function completionsUrl(base: string): string | null {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const path = url.pathname.replace(/\/+$/, '');
  url.pathname = path.endsWith('/chat/completions') ? path : `${path}/chat/completions`;
  return url.toString();
}

/** Rewrites the episode's derived chapter titles and moment titles and summaries; never throws. */
export async function rewriteWithLlm(episode: Episode, config: LlmConfig, fetchImpl: typeof fetch = fetch): Promise<LlmRewrite> {
  const none = (error: string | null): LlmRewrite => ({ patch: {}, rewritten: { chapters: 0, moments: 0 }, error, warnings: [] });
  const endpoint = completionsUrl(config.url);
  if (!endpoint) return none(`PODSIFT_LLM_URL is not an http(s) URL: ${JSON.stringify(config.url)}`);
  let request;
  try {
    request = buildRewriteRequest(episode, config.model);
  } catch (error) {
    return none(`could not build the request: ${message(error)}`);
  }
  if (!request) return none(null);
  const where = safeUrl(endpoint);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), config.timeoutMs);
  try {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (config.key) headers.authorization = `Bearer ${config.key}`;
    const response = await fetchImpl(endpoint, { method: 'POST', headers, body: JSON.stringify(request.body), signal: controller.signal });
    const text = await readLimited(response, MAX_RESPONSE_BYTES);
    if (!response.ok) return none(`the language model at ${where} answered HTTP ${response.status}: ${snippet(text)}`);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return none(`the language model at ${where} did not answer JSON: ${snippet(text)}`);
    }
    const result = parseRewriteResponse(episode, request, body);
    return { patch: result.patch, rewritten: result.rewritten, error: null, warnings: result.warnings };
  } catch (error) {
    if (controller.signal.aborted) return none(`the language model at ${where} did not answer within ${Math.round(config.timeoutMs / 100) / 10} s`);
    if (error instanceof RewriteError) return none(`the language model at ${where}: ${error.message}`);
    return none(`could not reach the language model at ${where}: ${message(error)}`);
  } finally {
    clearTimeout(timer);
  }
}

/** The response body as text, refusing bodies over `max` bytes (read under the same timeout as the request). */
async function readLimited(response: Response, max: number): Promise<string> {
  if (!response.body) return await response.text();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new Error(`answer larger than ${max} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The endpoint for messages, without credentials a user may have put in the URL. */
function safeUrl(endpoint: string): string {
  const url = new URL(endpoint);
  url.username = '';
  url.password = '';
  url.search = '';
  return url.toString();
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${JSON.stringify(flat.slice(0, 160))}…` : JSON.stringify(flat);
}

function message(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}
