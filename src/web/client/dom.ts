// Building the DOM from untrusted data. Every string becomes a text node or an attribute value; nothing is ever
// parsed as HTML (the page's CSP forbids it anyway: require-trusted-types-for 'script'). URLs are checked.

export type Child = Node | string | number | null | undefined | false | readonly Child[];
type Handler = (event: never) => void;
export type AttrValue = string | number | boolean | null | undefined | Handler | Record<string, string>;
export type Attrs = Record<string, AttrValue>;

const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'poster', 'cite']);
const NAME = /^[a-z][a-z0-9-]*$/;

/** A URL safe to put in href/src: same-site paths and fragments, or http(s). Anything else (javascript:, data:…) is null. */
export function safeUrl(value: string, external = true): string | null {
  const v = value.trim();
  if (/^[#?]/.test(v)) return v;
  if (v.startsWith('/') && !v.startsWith('//') && !v.startsWith('/\\')) return v;
  if (!external) return null;
  try {
    const url = new URL(v);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, ...(child as Child[]));
    else if (child instanceof Node) parent.appendChild(child);
    else parent.appendChild(document.createTextNode(String(child)));
  }
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') {
      el.className = String(value);
    } else if (name === 'dataset') {
      for (const [k, v] of Object.entries(value as Record<string, string>)) el.dataset[k] = v;
    } else if (typeof value === 'function') {
      if (!/^on[a-z]+$/.test(name)) throw new Error(`bad event attribute ${name}`);
      el.addEventListener(name.slice(2), value as EventListener);
    } else {
      if (!NAME.test(name) || name.startsWith('on') || name === 'style' || name === 'srcdoc') throw new Error(`attribute not allowed: ${name}`);
      if (URL_ATTRS.has(name)) {
        const url = safeUrl(String(value));
        if (url !== null) el.setAttribute(name, url);
      } else {
        el.setAttribute(name, value === true ? '' : String(value));
      }
    }
  }
  append(el, ...children);
  return el;
}

/** Text with ** marks (as search snippets carry them; a literal * is \*) as text nodes and <mark> elements. */
export function marked(snippet: string): Node[] {
  const nodes: Node[] = [];
  let buffer = '';
  let inMark = false;
  let markEl: HTMLElement | null = null;
  const flush = () => {
    if (!buffer) return;
    const node = document.createTextNode(buffer);
    if (inMark && markEl) markEl.appendChild(node);
    else nodes.push(node);
    buffer = '';
  };
  for (let i = 0; i < snippet.length; i++) {
    const ch = snippet[i]!;
    if (ch === '\\' && snippet[i + 1] === '*') {
      buffer += '*';
      i++;
    } else if (ch === '*' && snippet[i + 1] === '*') {
      flush();
      if (inMark) {
        inMark = false;
        markEl = null;
      } else {
        inMark = true;
        markEl = document.createElement('mark');
        nodes.push(markEl);
      }
      i++;
    } else {
      buffer += ch;
    }
  }
  flush();
  return nodes;
}

export function clear(el: Element): void {
  el.replaceChildren();
}

/** Calls fn after `ms` of quiet. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): ((...args: A) => void) & { cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const wrapped = (...args: A) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  wrapped.cancel = () => clearTimeout(timer);
  return wrapped;
}

export function isNarrow(): boolean {
  return window.matchMedia('(max-width: 760px)').matches;
}
