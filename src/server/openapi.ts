// The API described for other tools (OpenAPI 3.1), written by hand and kept true by test/server/openapi.test.ts,
// which calls every operation listed here with the examples given.
import { MAX_TURN_PAGE } from './routes/episodes.js';
import { EPISODE_FORMATS, HIGHLIGHT_FORMATS } from './routes/exports.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ref('Error'), description);
const q = (name: string, schema: object, description: string, example?: unknown) => ({ name, in: 'query', required: false, description, schema, ...(example !== undefined ? { example } : {}) });
const path = (name: string, schema: object, example: unknown, description = '') => ({ name, in: 'path', required: true, schema, example, description });

const episodeIdParam = path('id', { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,159}$' }, 'field-notes-3', 'episode id');
const highlightIdParam = path('id', { type: 'integer', minimum: 1 }, 1, 'highlight id');
const common = { 400: error('Invalid request'), 401: error('Token missing or wrong (when the server has one)'), 404: error('Not found') };
const listFilters = [
  q('episode', { type: 'string' }, 'only highlights of this episode id'),
  q('tag', { type: 'string' }, 'only highlights with this tag'),
  q('q', { type: 'string' }, 'only highlights whose title, text or note contain this'),
  q('limit', { type: 'integer', minimum: 1, maximum: 10000 }, 'page size'),
  q('offset', { type: 'integer', minimum: 0 }, 'highlights to skip'),
];

const part = (name: string, summary: string) => ({
  get: {
    operationId: `episode_${name}`,
    summary,
    parameters: [episodeIdParam],
    responses: { 200: json({ type: 'object', properties: { [name]: { type: 'array', items: { type: 'object' } } } }), ...common },
  },
});

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'podsift',
    version: '0.1.0',
    description:
      'The local podcast library: episodes, transcripts, search, highlights, exports and uploads. Errors are JSON `{error: {status, message}}`. ' +
      'Writes (POST, PATCH, DELETE) are accepted from the app itself or from clients that are not browsers; with a token, every request carries `Authorization: Bearer <token>` or the cookie set by opening `/?token=<token>`.',
  },
  servers: [{ url: '/' }],
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'podsift_token' } },
    schemas: {
      Error: {
        type: 'object',
        required: ['error'],
        properties: { error: { type: 'object', required: ['status', 'message'], properties: { status: { type: 'integer' }, message: { type: 'string' } } } },
      },
      EpisodeSummary: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          show: { type: ['string', 'null'] },
          number: { type: ['integer', 'null'] },
          title: { type: ['string', 'null'] },
          guests: { type: 'array', items: { type: 'string' } },
          published: { type: ['string', 'null'] },
          youtubeId: { type: ['string', 'null'] },
          duration: { type: ['number', 'null'] },
          turns: { type: 'integer' },
          chapters: { type: 'integer' },
          highlights: { type: 'integer' },
          sources: { type: 'integer' },
        },
      },
      Turn: {
        type: 'object',
        properties: {
          speaker: { type: ['string', 'null'] },
          start: { type: 'number' },
          end: { type: 'number' },
          timing: { enum: ['exact', 'aligned', 'estimated'] },
          text: { type: 'string' },
          translations: { type: 'array', items: { type: 'object', properties: { lang: { type: 'string' }, text: { type: 'string' } } } },
        },
      },
      Episode: {
        type: 'object',
        description: 'The episode JSON contract (the same as `podsift show --json`): meta, sources, chapters, turns, transcripts, highlights, insights, sections, mentions, moments, ads, corrections, enrichment.',
        properties: { id: { type: 'string' }, title: { type: ['string', 'null'] }, turns: { type: 'array', items: ref('Turn') } },
        additionalProperties: true,
      },
      SearchHit: {
        type: 'object',
        properties: {
          episode: { type: 'string' },
          show: { type: ['string', 'null'] },
          number: { type: ['integer', 'null'] },
          title: { type: ['string', 'null'] },
          speaker: { type: ['string', 'null'] },
          start: { type: 'number' },
          end: { type: 'number' },
          timing: { type: 'string' },
          snippet: { type: 'string', description: 'matched words wrapped in **, a literal * written \\*' },
          link: { type: ['string', 'null'] },
          score: { type: 'number' },
          chapter: { type: ['string', 'null'] },
        },
      },
      Highlight: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          episodeId: { type: 'string' },
          start: { type: ['number', 'null'] },
          end: { type: ['number', 'null'] },
          title: { type: ['string', 'null'] },
          text: { type: 'string' },
          note: { type: ['string', 'null'] },
          tags: { type: 'array', items: { type: 'string' } },
          createdAt: { type: 'string' },
          updatedAt: { type: 'string' },
          episode: { type: 'object' },
          link: { type: ['string', 'null'] },
        },
      },
      NewHighlight: {
        type: 'object',
        required: ['episodeId', 'text'],
        additionalProperties: false,
        properties: {
          episodeId: { type: 'string' },
          start: { type: ['number', 'null'], minimum: 0 },
          end: { type: ['number', 'null'], minimum: 0 },
          title: { type: ['string', 'null'], maxLength: 500 },
          text: { type: 'string', minLength: 1, maxLength: 20000 },
          note: { type: ['string', 'null'], maxLength: 20000 },
          tags: { type: 'array', maxItems: 32, items: { type: 'string', maxLength: 64 } },
        },
      },
      UploadResult: {
        type: 'object',
        properties: {
          path: { type: 'string', description: 'the uploaded file name' },
          ok: { type: 'boolean' },
          format: { type: ['string', 'null'] },
          episode: { type: ['string', 'null'] },
          status: { enum: ['added', 'replaced', 'unchanged', 'duplicate'] },
          error: { type: 'string' },
        },
      },
    },
  },
  security: [{}, { bearer: [] }, { cookie: [] }],
  paths: {
    '/api/openapi.json': { get: { operationId: 'openapi', summary: 'This document', responses: { 200: json({ type: 'object' }) } } },
    '/api/status': { get: { operationId: 'status', summary: 'Counts of episodes and highlights', responses: { 200: json({ type: 'object' }), ...common } } },
    '/api/episodes': {
      get: {
        operationId: 'listEpisodes',
        summary: 'The episodes in the library',
        parameters: [q('show', { type: 'string' }, 'only this show'), q('q', { type: 'string' }, 'title, show, guest or id contains'), q('limit', { type: 'integer', minimum: 1, maximum: 5000 }, 'page size'), q('offset', { type: 'integer', minimum: 0 }, 'episodes to skip')],
        responses: { 200: json({ type: 'object', properties: { total: { type: 'integer' }, offset: { type: 'integer' }, episodes: { type: 'array', items: ref('EpisodeSummary') } } }), ...common },
      },
    },
    '/api/resolve': {
      get: {
        operationId: 'resolveEpisode',
        summary: 'Find an episode by id, YouTube id, show#number, #number or a unique piece of its title',
        parameters: [{ ...q('ref', { type: 'string' }, 'the reference', '#3'), required: true }],
        responses: { 200: json({ type: 'object', properties: { id: { type: 'string' } } }), ...common },
      },
    },
    '/api/episodes/{id}': {
      get: {
        operationId: 'getEpisode',
        summary: 'One episode (the episode JSON contract). With turnLimit/turnOffset, `turns` holds one page, `transcripts` is empty, and `turnPage` and `transcriptSources` are added.',
        parameters: [episodeIdParam, q('turnOffset', { type: 'integer', minimum: 0 }, 'first turn of the page'), q('turnLimit', { type: 'integer', minimum: 1, maximum: MAX_TURN_PAGE }, 'turns per page', 100)],
        responses: { 200: json(ref('Episode')), ...common },
      },
    },
    '/api/episodes/{id}/turns': {
      get: {
        operationId: 'episodeTurns',
        summary: 'One page of the best transcript, from `offset` or the page holding time `at`',
        parameters: [episodeIdParam, q('offset', { type: 'integer', minimum: 0 }, 'first turn'), q('limit', { type: 'integer', minimum: 1, maximum: MAX_TURN_PAGE }, 'turns per page'), q('at', { type: 'number', minimum: 0 }, 'seconds: the page holding this time', 60)],
        responses: { 200: json({ type: 'object', properties: { offset: { type: 'integer' }, limit: { type: 'integer' }, total: { type: 'integer' }, turns: { type: 'array', items: ref('Turn') } } }), ...common },
      },
    },
    '/api/episodes/{id}/chapters': part('chapters', 'Chapters (given by a source or derived)'),
    '/api/episodes/{id}/moments': part('moments', 'Key moments'),
    '/api/episodes/{id}/insights': part('insights', 'Key insights'),
    '/api/episodes/{id}/mentions': part('mentions', 'People, books, companies… mentioned'),
    '/api/episodes/{id}/highlights': part('highlights', 'Imported and own highlights of the episode'),
    '/api/episodes/{id}/export/{format}': {
      get: {
        operationId: 'exportEpisode',
        summary: 'Download the episode: Markdown, Obsidian page, Logseq page, Readwise CSV of its highlights, JSON, SRT, WebVTT',
        parameters: [episodeIdParam, path('format', { enum: [...EPISODE_FORMATS] }, 'markdown')],
        responses: { 200: { description: 'The file (Content-Disposition: attachment)' }, ...common },
      },
    },
    '/api/search': {
      get: {
        operationId: 'search',
        summary: 'Passages that answer the query, best first. The query may hold "phrases", -excluded, prefix*, and show:/episode:/speaker:/after:/before: filters; the filter parameters override those.',
        parameters: [
          q('q', { type: 'string', maxLength: 2000 }, 'the query as typed', 'river'),
          q('show', { type: 'string' }, 'show name'),
          q('episode', { type: 'string' }, 'episode reference (id, #number, show#number, title piece)'),
          q('speaker', { type: 'string' }, 'speaker name'),
          q('after', { type: 'string', pattern: '^\\d{4}(-\\d{1,2}(-\\d{1,2})?)?$' }, 'published on or after'),
          q('before', { type: 'string', pattern: '^\\d{4}(-\\d{1,2}(-\\d{1,2})?)?$' }, 'published before'),
          q('limit', { type: 'integer', minimum: 1, maximum: 100 }, 'results per page (10)'),
          q('offset', { type: 'integer', minimum: 0, maximum: 10000 }, 'results to skip'),
          q('ads', { enum: ['1', '0', 'true', 'false'] }, 'include sponsor reads'),
        ],
        responses: {
          200: json({ type: 'object', properties: { q: { type: 'string' }, filters: { type: 'object' }, offset: { type: 'integer' }, limit: { type: 'integer' }, hits: { type: 'array', items: ref('SearchHit') }, more: { type: 'boolean' }, warnings: { type: 'array', items: { type: 'string' } } } }),
          ...common,
        },
      },
    },
    '/api/entities/{name}': {
      get: {
        operationId: 'entity',
        summary: 'Every episode and time that mentions an entity, and the key moments around those times',
        parameters: [path('name', { type: 'string', maxLength: 200 }, 'Weirbeck')],
        responses: { 200: json({ type: 'object', properties: { name: { type: 'string' }, kind: { type: ['string', 'null'] }, episodes: { type: 'array', items: { type: 'object' } }, moments: { type: 'array', items: { type: 'object' } } } }), ...common },
      },
    },
    '/api/highlights': {
      get: {
        operationId: 'listHighlights',
        summary: "The user's highlights, newest first, with filters",
        parameters: listFilters,
        responses: { 200: json({ type: 'object', properties: { total: { type: 'integer' }, offset: { type: 'integer' }, tags: { type: 'array', items: { type: 'string' } }, highlights: { type: 'array', items: ref('Highlight') } } }), ...common },
      },
      post: {
        operationId: 'createHighlight',
        summary: 'Save a highlight',
        requestBody: { required: true, content: { 'application/json': { schema: ref('NewHighlight'), example: { episodeId: 'field-notes-3', start: 97, end: 120, text: 'Give me an example.', note: 'a note', tags: ['rivers'] } } } },
        responses: { 201: json(ref('Highlight'), 'Created'), 403: error('Cross-origin write refused'), 415: error('Not JSON'), ...common },
      },
    },
    '/api/highlights/{id}': {
      get: { operationId: 'getHighlight', summary: 'One highlight', parameters: [highlightIdParam], responses: { 200: json(ref('Highlight')), ...common } },
      patch: {
        operationId: 'updateHighlight',
        summary: 'Change a highlight (any of start, end, title, text, note, tags)',
        parameters: [highlightIdParam],
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' }, example: { note: 'changed note', tags: ['rivers', 'floods'] } } } },
        responses: { 200: json(ref('Highlight')), 403: error('Cross-origin write refused'), 415: error('Not JSON'), ...common },
      },
      delete: { operationId: 'deleteHighlight', summary: 'Delete a highlight', parameters: [highlightIdParam], responses: { 204: { description: 'Deleted' }, 403: error('Cross-origin write refused'), ...common } },
    },
    '/api/highlights/export/{format}': {
      get: {
        operationId: 'exportHighlights',
        summary: 'Download highlights: Markdown, Obsidian or Logseq pages (ZIP, one page per episode), Readwise CSV, JSON',
        parameters: [path('format', { enum: [...HIGHLIGHT_FORMATS] }, 'readwise'), ...listFilters.slice(0, 3)],
        responses: { 200: { description: 'The file (Content-Disposition: attachment)' }, ...common },
      },
    },
    '/api/uploads': {
      post: {
        operationId: 'upload',
        summary: 'Add transcript files: the body is the file (name in ?name=), or multipart/form-data with `file` fields. Stored under the library folder by content hash; the same bytes again change nothing.',
        parameters: [q('name', { type: 'string', maxLength: 255 }, 'file name of a raw body (no folders)', 'notes.srt')],
        requestBody: {
          required: true,
          content: {
            'application/octet-stream': { schema: { type: 'string', format: 'binary' }, example: '1\n00:00:01,000 --> 00:00:03,000\nHello there, this is an uploaded transcript.\n' },
            'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'array', items: { type: 'string', format: 'binary' } } } } },
          },
        },
        responses: {
          200: json({ type: 'object', properties: { results: { type: 'array', items: ref('UploadResult') } } }),
          403: error('Cross-origin write refused'),
          413: error('Over the size limit'),
          415: error('A form post, not a file'),
          422: json({ type: 'object', properties: { error: ref('Error'), results: { type: 'array', items: ref('UploadResult') } } }, 'No file could be added'),
          ...common,
        },
      },
    },
  },
} as const;
