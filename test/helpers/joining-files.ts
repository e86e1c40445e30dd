// Three files of one episode that only the last shows to be one: a.json is known by its YouTube id, b.md by show
// and number, c.txt names both. Built from the format fixtures.
import { readFileSync } from 'node:fs';

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;

/** The episode all three end up in. */
export const JOINED_EPISODE = 'lex-fridman-999';

export function joiningFiles(): { name: string; text: string }[] {
  const lexicap = JSON.parse(readFileSync(`${FIXTURES}lexicap/episode.json`, 'utf8')) as { title: string };
  return [
    { name: 'a.json', text: JSON.stringify({ ...lexicap, title: 'Ada Example: Sound and Machines' }) },
    {
      name: 'b.md',
      text: readFileSync(`${FIXTURES}snipd/logseq.md`, 'utf8')
        .replace(/^title:: .*$/m, 'title:: 999 – Ada Example — Listening Machines (highlights)')
        .replace(/^author:: .*$/m, 'author:: [[Lex Fridman Podcast]]')
        .replace(/^full-title:: .*$/m, 'full-title:: "\\#999 – Ada Example — Listening Machines"'),
    },
    {
      name: 'c.txt',
      text: readFileSync(`${FIXTURES}key-moments/summify-copy.txt`, 'utf8').replace(/^Oda Lindqvist: Glaciers.*$/m, 'Ada Example: Sound and Machines | Lex Fridman Podcast #999'),
    },
  ];
}
