// Highlight exports: Obsidian and Logseq pages, Readwise CSV, Markdown, and the ZIP that carries many pages.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { inflateRawSync } from 'node:zlib';
import { episodeLabel, groupStored, highlightsMarkdown, pageName, tagName, type HighlightGroup } from '../../src/export/highlights.js';
import { logseqPage } from '../../src/export/logseq.js';
import { obsidianPage, obsidianPages } from '../../src/export/obsidian.js';
import { csvCell, readwiseCsv } from '../../src/export/readwise.js';
import { crc32, zip } from '../../src/server/zip.js';

const episode = { id: 'field-notes-3', show: 'Field Notes', number: 3, title: 'Lena Brandt: What Rivers Remember', guests: ['Lena Brandt'], published: '2025-09-14T08:00:00+00:00', youtubeId: 'Fn3RvR1vErs', mediaUrl: null };

const group: HighlightGroup = {
  episode,
  highlights: [
    { id: 7, start: 99, end: 126, title: 'Mill Lane', summary: null, text: 'The town just downstream of here has a street called Mill Lane.', note: 'Rivers remember.', tags: ['rivers', 'floods and memory'], origin: 'user', createdAt: '2025-10-01T12:30:00.000Z' },
    { start: null, end: null, title: null, summary: 'A summary', text: 'Untimed imported quote.', note: null, tags: [], origin: 'snipd', createdAt: null },
  ],
};

const hostile: HighlightGroup = {
  episode: { ...episode, title: 'Evil [[Page]] #tag ((block)) {{embed}} %%hidden%%', show: 'Show:: injected' },
  highlights: [
    {
      id: 1,
      start: 5,
      end: 9,
      title: '<script>alert(1)</script>',
      summary: null,
      text: 'see [x](javascript:alert(1)) and ![[secret]] and $math$ and key:: value\n- new block',
      note: '=cmd|"/c calc"!A1',
      tags: ['ok', '#[[evil]]', '  '],
      origin: 'user',
      createdAt: '2025-10-01T12:30:00.000Z',
    },
  ],
};

describe('Obsidian', () => {
  it('writes a page with front matter and a block per highlight with its time link', () => {
    const page = obsidianPage(group);
    assert.equal(page.name, 'Field Notes 3 Lena Brandt What Rivers Remember.md');
    assert.match(page.text, /^---\ntitle: "Field Notes #3: Lena Brandt: What Rivers Remember"\nshow: "Field Notes"\nepisode: 3\nguests: \["Lena Brandt"\]\npublished: "2025-09-14"\nurl: "https:\/\/youtube\.com\/watch\?v=Fn3RvR1vErs&t=0"\npodsift: "field-notes-3"\ntags: \[podcast\]\n---\n/);
    assert.match(page.text, /\n- \[1:39\]\(https:\/\/youtube\.com\/watch\?v=Fn3RvR1vErs&t=99\) \*\*Mill Lane\*\* The town just downstream of here has a street called Mill Lane\. \^hl-7\n\t- Note: Rivers remember\.\n\t- Tags: #rivers #floods-and-memory\n/);
    assert.match(page.text, /\n- Untimed imported quote\. \^h2\n\t- Summary: A summary\n\t- From: snipd\n/);
  });

  it('escapes everything a vault would read as links, embeds, tags, comments, math or HTML', () => {
    const page = obsidianPage(hostile);
    const body = page.text.split('---\n')[2]!;
    assert.doesNotMatch(body, /(?<!\\)\[\[|(?<!\\)!\[|(?<!\\)<script|(?<!\\)%%|(?<!\\)\$|\]\(javascript/);
    assert.doesNotMatch(body, /\n- new block/, 'a newline in the text does not start a new block');
    assert.match(page.text, /^---\ntitle: "Show:: injected #3: Evil \[\[Page\]\] #tag \(\(block\)\) \{\{embed\}\} %%hidden%%"\n/, 'front matter values are JSON-quoted');
    assert.match(body, /Tags: #ok #evil\n/);
    assert.equal(page.name, 'Show injected 3 Evil Page tag ((block)) embed hidden.md');
  });

  it('gives pages of episodes with the same name distinct file names', () => {
    const pages = obsidianPages([group, { ...group, episode: { ...episode, id: 'other' } }]);
    assert.deepEqual(pages.map((p) => p.name), ['Field Notes 3 Lena Brandt What Rivers Remember.md', 'Field Notes 3 Lena Brandt What Rivers Remember (2).md']);
  });
});

describe('Logseq', () => {
  it('writes page properties and a block per highlight, notes and tags as child blocks', () => {
    const page = logseqPage(group);
    assert.match(page.text, /^title:: Field Notes \\#3: Lena Brandt: What Rivers Remember\ntype:: podcast-episode\nshow:: Field Notes\nepisode:: 3\nguests:: Lena Brandt\npublished:: 2025-09-14\nurl:: https:\/\/youtube\.com\/watch\?v=Fn3RvR1vErs&t=0\npodsift-id:: field-notes-3\n\n/);
    assert.match(page.text, /\n- \[1:39\]\(https:\/\/youtube\.com\/watch\?v=Fn3RvR1vErs&t=99\) \*\*Mill Lane\*\* The town just downstream of here has a street called Mill Lane\.\n\t- Note: Rivers remember\.\n\t- Tags: #\[\[rivers\]\] #\[\[floods-and-memory\]\]\n/);
  });

  it('never lets text become a property, page ref, block ref or macro', () => {
    const page = logseqPage(hostile);
    const lines = page.text.split('\n');
    const properties = lines.filter((l) => /^[a-z-]+::/.test(l)).map((l) => l.split('::')[0]);
    assert.deepEqual(properties, ['title', 'type', 'show', 'episode', 'guests', 'published', 'url', 'podsift-id']);
    assert.match(page.text, /^title:: Show:\\: injected \\#3: Evil \\\[\\\[Page/);
    const blocks = lines.filter((l) => l.startsWith('- '));
    assert.equal(blocks.length, 1);
    assert.doesNotMatch(page.text, /(?<!\\)\[\[(?!ok\]\]|evil\]\])|(?<!\\)\(\(|(?<!\\)\{\{|key:: value/);
  });
});

describe('Readwise CSV', () => {
  it('writes the import columns, one row per highlight, with tags in the note', () => {
    const csv = readwiseCsv([group]);
    const rows = csv.trimEnd().split('\r\n');
    assert.equal(rows[0], '"Highlight","Title","Author","URL","Note","Location","Date"');
    assert.equal(rows[1], '"Mill Lane: The town just downstream of here has a street called Mill Lane.","Field Notes #3: Lena Brandt: What Rivers Remember","Field Notes","https://youtube.com/watch?v=Fn3RvR1vErs&t=99",".rivers .floods-and-memory Rivers remember.","99","2025-10-01 12:30:00"');
    assert.equal(rows[2], '"Untimed imported quote.","Field Notes #3: Lena Brandt: What Rivers Remember","Field Notes","https://youtube.com/watch?v=Fn3RvR1vErs&t=0","A summary","",""');
  });

  it('defuses spreadsheet formulas and quotes', () => {
    assert.equal(csvCell('=1+1'), `"'=1+1"`);
    assert.equal(csvCell('+x'), `"'+x"`);
    assert.equal(csvCell('-x'), `"'-x"`);
    assert.equal(csvCell('@x'), `"'@x"`);
    assert.equal(csvCell('a "b"'), '"a ""b"""');
    assert.equal(csvCell('line\nbreak'), '"line\nbreak"');
    assert.match(readwiseCsv([hostile]), /"'=cmd\|""\/c calc""!A1"|\.ok \.evil '?=cmd/);
  });
});

describe('Markdown and grouping', () => {
  it('groups stored highlights by episode, in time order', () => {
    const stored = [
      { id: 2, episodeId: 'a', start: 50, end: 60, title: null, text: 'second', note: null, tags: [], createdAt: 'x', updatedAt: 'x' },
      { id: 1, episodeId: 'a', start: 10, end: 20, title: null, text: 'first', note: null, tags: [], createdAt: 'x', updatedAt: 'x' },
      { id: 3, episodeId: 'gone', start: 1, end: 2, title: null, text: 'orphan', note: null, tags: [], createdAt: 'x', updatedAt: 'x' },
    ];
    const groups = groupStored(stored, (id) => (id === 'a' ? { ...episode, id: 'a' } : null));
    assert.equal(groups.length, 1);
    assert.deepEqual(groups[0]!.highlights.map((h) => h.text), ['first', 'second']);
    const md = highlightsMarkdown(groups);
    assert.match(md, /^# Highlights\n\n## Field Notes \\#3: Lena Brandt: What Rivers Remember\n\n- \[0:10\]\(https:\/\/youtube\.com\/watch\?v=Fn3RvR1vErs&t=10\) first\n- \[0:50\]/);
  });

  it('names pages safely', () => {
    assert.equal(pageName('../../etc/passwd'), 'etc passwd');
    assert.equal(pageName('CON'), 'Untitled');
    assert.equal(pageName('...'), 'Untitled');
    assert.equal(pageName('a\u0000b/c\\d:e*f?g"h<i>j|k'), 'ab c d e f g h i j k');
    assert.equal(tagName(' two words '), 'two-words');
    assert.equal(episodeLabel({ ...episode, show: null, number: null, title: null }), 'field-notes-3');
  });
});

describe('zip', () => {
  it('writes entries a ZIP reader can read back', () => {
    const entries = [
      { name: 'pages/Ünïcode page.md', data: 'héllo\n'.repeat(100) },
      { name: 'b.md', data: new Uint8Array([1, 2, 3]) },
    ];
    const archive = zip(entries);
    // Walk the central directory.
    const end = archive.length - 22;
    assert.equal(archive.readUInt32LE(end), 0x06054b50);
    assert.equal(archive.readUInt16LE(end + 10), 2);
    let at = archive.readUInt32LE(end + 16);
    for (const entry of entries) {
      assert.equal(archive.readUInt32LE(at), 0x02014b50);
      const packed = archive.readUInt32LE(at + 20);
      const size = archive.readUInt32LE(at + 24);
      const nameLength = archive.readUInt16LE(at + 28);
      const local = archive.readUInt32LE(at + 42);
      const name = archive.subarray(at + 46, at + 46 + nameLength).toString('utf8');
      assert.equal(name, entry.name);
      const localName = archive.readUInt16LE(local + 26);
      const data = inflateRawSync(archive.subarray(local + 30 + localName, local + 30 + localName + packed));
      const expected = typeof entry.data === 'string' ? Buffer.from(entry.data) : Buffer.from(entry.data);
      assert.equal(data.length, size);
      assert.deepEqual(data, expected);
      assert.equal(archive.readUInt32LE(at + 16), crc32(expected));
      at += 46 + nameLength;
    }
    assert.throws(() => zip([{ name: '../evil.md', data: 'x' }]), /bad zip entry/);
    assert.throws(() => zip([{ name: '/abs.md', data: 'x' }]), /bad zip entry/);
    assert.equal(crc32(Buffer.from('123456789')), 0xcbf43926);
  });
});
