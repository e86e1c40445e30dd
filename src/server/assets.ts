// The web app's files, served from memory under fixed names (a URL never becomes a file path).
// The browser modules are src/web/client/*.ts. Built (`npm run build`, run by `npm ci`), they are the .js files
// tsc wrote to dist/web/client/; run from source (tsx, tests), they are transpiled here once, on first use.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { css } from '../web/styles.js';
import { ICON_SVG } from '../web/page.js';

export interface Asset {
  body: string;
  /** The body gzipped once, for browsers that take it. */
  gzip: Uint8Array<ArrayBuffer>;
  type: string;
  etag: string;
}

const CLIENT_DIR = new URL('../web/client/', import.meta.url);
export const ENTRY = 'main.js';

function asset(body: string, type: string): Asset {
  return { body, gzip: new Uint8Array(gzipSync(body, { level: 9 })), type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
}

async function loadModules(): Promise<Map<string, string>> {
  const modules = new Map<string, string>();
  const files = existsSync(CLIENT_DIR) ? readdirSync(CLIENT_DIR) : [];
  const built = files.filter((f) => /^[a-z0-9-]+\.js$/.test(f));
  if (built.length > 0) {
    for (const f of built) modules.set(f, readFileSync(new URL(f, CLIENT_DIR), 'utf8'));
    return modules;
  }
  const sources = files.filter((f) => /^[a-z0-9-]+\.ts$/.test(f) && !f.endsWith('.d.ts'));
  if (sources.length === 0) throw new Error(`no web app modules in ${CLIENT_DIR.pathname}`);
  const ts = (await import('typescript')).default;
  for (const f of sources) {
    const out = ts.transpileModule(readFileSync(new URL(f, CLIENT_DIR), 'utf8'), {
      fileName: f,
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, sourceMap: false, removeComments: false, verbatimModuleSyntax: true },
    });
    modules.set(f.replace(/\.ts$/, '.js'), out.outputText);
  }
  return modules;
}

let loading: Promise<Map<string, Asset>> | null = null;

/** Every asset by its name under /assets/. */
export function assets(): Promise<Map<string, Asset>> {
  loading ??= loadModules().then((modules) => {
    const all = new Map<string, Asset>();
    for (const [name, body] of modules) all.set(name, asset(body, 'text/javascript; charset=UTF-8'));
    all.set('app.css', asset(css, 'text/css; charset=UTF-8'));
    all.set('icon.svg', asset(ICON_SVG, 'image/svg+xml'));
    return all;
  });
  return loading;
}

/** Names of the browser modules, for `<link rel="modulepreload">`. */
export async function moduleNames(): Promise<string[]> {
  return [...(await assets()).keys()].filter((n) => n.endsWith('.js')).sort();
}
