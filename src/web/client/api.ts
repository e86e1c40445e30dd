// Talking to the server's JSON API. Types come from the server's own modules (type-only imports, erased).
import type { EpisodeJson } from '../../export/json.js';
import type { SearchHit } from '../../search/types.js';
import type { EpisodeSummary } from '../../store/library.js';

export type { EpisodeJson, SearchHit, EpisodeSummary };
export type Turn = EpisodeJson['turns'][number];

export interface TurnPage {
  offset: number;
  limit: number;
  total: number;
  pages: { offset: number; start: number; chars: number }[];
  /** For each chapter, the index of its first turn. */
  chapterTurns: number[];
}

export type PagedEpisode = EpisodeJson & { turnPage: TurnPage; transcriptSources: { source: string; turns: number }[] };

export interface UserHighlight {
  id: number;
  episodeId: string;
  start: number | null;
  end: number | null;
  title: string | null;
  text: string;
  note: string | null;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  episode: { id: string; show: string | null; number: number | null; title: string | null };
  link: string | null;
}

export interface SearchAnswer {
  q: string;
  offset: number;
  limit: number;
  hits: SearchHit[];
  more: boolean;
  warnings: string[];
}

export interface UploadResult {
  path: string;
  ok: boolean;
  format: string | null;
  episode: string | null;
  status?: string;
  turns?: number;
  error?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: unknown = null,
  ) {
    super(message);
  }
}

async function answer<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const message = (body as { error?: { message?: string } } | null)?.error?.message ?? `request failed (${response.status})`;
    throw new ApiError(response.status, message, body);
  }
  return body as T;
}

export function qs(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '' && v !== false) search.set(k, String(v));
  const s = search.toString();
  return s ? `?${s}` : '';
}

export async function get<T>(path: string, signal?: AbortSignal): Promise<T> {
  return answer<T>(await fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin', signal }));
}

export async function send<T>(method: 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  return answer<T>(
    await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
}

/** Uploads one file as the request body, reporting progress (0..1). */
export function uploadFile(file: File, onProgress: (fraction: number) => void): Promise<{ results: UploadResult[] }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/uploads${qs({ name: file.name })}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network error'));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      const results = (body as { results?: UploadResult[] } | null)?.results;
      if (xhr.status >= 200 && xhr.status < 300 && results) resolve({ results });
      else if (results) resolve({ results });
      else reject(new ApiError(xhr.status, (body as { error?: { message?: string } } | null)?.error?.message ?? `upload failed (${xhr.status})`));
    };
    xhr.send(file);
  });
}
