// Adding files: drop them anywhere on the library page or choose them; each uploads with its own progress bar and
// ends with its episode or the reason it was not added.
import { uploadFile, type UploadResult } from './api.js';
import { h } from './dom.js';

export interface UploadArea {
  element: HTMLElement;
  destroy(): void;
}

export function uploadArea(onDone: () => void): UploadArea {
  const list = h('ul', { class: 'upload-list', 'aria-live': 'polite', 'aria-label': 'Uploads' });
  const input = h('input', { type: 'file', multiple: true, accept: '.txt,.md,.markdown,.vtt,.webvtt,.srt,.json,.html,.htm,text/*,application/json', 'aria-label': 'Choose transcript files' });
  const zone = h(
    'div',
    { class: 'dropzone' },
    h('span', null, 'Drop transcript files here (WebVTT, SRT, JSON, Markdown, HTML, text), or'),
    h('label', { class: 'btn file-button' }, input, 'Choose files…'),
  );
  const element = h('section', { class: 'upload card', 'aria-labelledby': 'upload-title' }, h('h2', { id: 'upload-title' }, 'Add transcripts'), zone, list);

  let queue: Promise<void> = Promise.resolve();
  const send = (files: File[]) => {
    for (const file of files) {
      const progress = h('progress', { max: '100', value: '0', 'aria-label': `Uploading ${file.name}` });
      const outcome = h('div', { class: 'outcome small muted' }, 'Waiting…');
      const item = h('li', { class: 'upload-item' }, h('span', { class: 'name' }, file.name), progress, outcome);
      list.prepend(item);
      queue = queue.then(async () => {
        outcome.textContent = 'Uploading…';
        try {
          const { results } = await uploadFile(file, (f) => (progress.value = Math.round(f * 100)));
          progress.value = 100;
          outcome.replaceChildren(...results.map(resultView));
          item.classList.add(results.every((r) => r.ok) ? 'done' : 'failed');
        } catch (error) {
          outcome.replaceChildren(h('span', { class: 'error' }, `✗ ${error instanceof Error ? error.message : String(error)}`));
          item.classList.add('failed');
        }
      });
    }
    void queue.then(onDone);
  };

  input.addEventListener('change', () => {
    if (input.files?.length) send([...input.files]);
    input.value = '';
  });
  let depth = 0;
  const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');
  const onEnter = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    depth++;
    document.body.classList.add('dragging');
  };
  const onLeave = () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) document.body.classList.remove('dragging');
  };
  const onOver = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth = 0;
    document.body.classList.remove('dragging');
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length) send(files);
  };
  document.addEventListener('dragenter', onEnter);
  document.addEventListener('dragleave', onLeave);
  document.addEventListener('dragover', onOver);
  document.addEventListener('drop', onDrop);
  return {
    element,
    destroy() {
      document.removeEventListener('dragenter', onEnter);
      document.removeEventListener('dragleave', onLeave);
      document.removeEventListener('dragover', onOver);
      document.removeEventListener('drop', onDrop);
      document.body.classList.remove('dragging');
    },
  };
}

function resultView(r: UploadResult): HTMLElement {
  if (!r.ok) return h('div', { class: 'error' }, `✗ ${r.error ?? 'not added'}`);
  const status = r.status === 'unchanged' || r.status === 'duplicate' ? 'already in the library' : r.status === 'replaced' ? 'replaced' : 'added';
  return h('div', { class: 'ok' }, `✓ ${r.format ?? ''} ${status} → `, r.episode ? h('a', { href: `/episodes/${encodeURIComponent(r.episode)}`, class: 'upload-episode' }, r.episode) : null);
}
