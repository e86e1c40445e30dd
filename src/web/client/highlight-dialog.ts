// The dialog that saves or edits a highlight: the quoted passage, an optional title, note and tags.
import { h } from './dom.js';
import { clock } from './format.js';

export interface HighlightDraft {
  text: string;
  start: number | null;
  end: number | null;
  title?: string | null;
  note?: string | null;
  tags?: string[];
}

export interface HighlightValues {
  title: string | null;
  note: string | null;
  tags: string[];
}

export function parseTags(input: string): string[] {
  return [...new Set(input.split(/[,\n]/).map((t) => t.trim().replace(/^#/, '')).filter(Boolean))].slice(0, 32).map((t) => t.slice(0, 64));
}

/** Opens the dialog; resolves with the values, or null when cancelled. */
export function highlightDialog(draft: HighlightDraft, heading: string): Promise<HighlightValues | null> {
  return new Promise((resolve) => {
    const title = h('input', { name: 'title', type: 'text', maxlength: '500', value: draft.title ?? '', autocomplete: 'off' });
    const note = h('textarea', { name: 'note', rows: '4', maxlength: '20000' });
    note.value = draft.note ?? '';
    const tags = h('input', { name: 'tags', type: 'text', value: (draft.tags ?? []).join(', '), placeholder: 'comma, separated', autocomplete: 'off' });
    const when = draft.start !== null ? `${clock(draft.start)}${draft.end !== null && draft.end > draft.start ? `–${clock(draft.end)}` : ''}` : '';
    const dialog = h(
      'dialog',
      { class: 'highlight-dialog', 'aria-labelledby': 'hl-dialog-title' },
      h(
        'form',
        { method: 'dialog' },
        h('h2', { id: 'hl-dialog-title' }, heading),
        when ? h('p', { class: 'muted small' }, when) : null,
        h('blockquote', { class: 'quote' }, draft.text),
        h('label', { class: 'field' }, 'Title (optional)', title),
        h('label', { class: 'field' }, 'Note', note),
        h('label', { class: 'field' }, 'Tags', tags),
        h(
          'div',
          { class: 'dialog-actions' },
          h('button', { type: 'submit', value: 'cancel', class: 'btn', formnovalidate: true }, 'Cancel'),
          h('button', { type: 'submit', value: 'save', class: 'btn primary' }, 'Save highlight'),
        ),
      ),
    );
    dialog.addEventListener('close', () => {
      const saved = dialog.returnValue === 'save';
      dialog.remove();
      resolve(saved ? { title: title.value.trim() || null, note: note.value.trim() || null, tags: parseTags(tags.value) } : null);
    });
    document.body.append(dialog);
    dialog.showModal();
    note.focus();
  });
}
