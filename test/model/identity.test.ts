import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { identityKeys, keysConflict, preferredEpisodeId, titleKey } from '../../src/model/identity.js';

describe('identity keys', () => {
  it('names an episode by show and number, YouTube id and title', () => {
    assert.deepEqual(identityKeys({ show: 'The Lex Fridman Podcast', number: 333, youtubeId: 'abcdefghijk', title: 'Andrej Karpathy: Tesla AI and AGI' }), [
      'num:lexfridman#333',
      'yt:abcdefghijk',
      'title:andrej karpathy tesla ai and agi',
    ]);
  });

  it('compares titles loosely but ignores titles too short to identify anything', () => {
    assert.equal(titleKey('Andrej Karpathy — Tesla AI and AGI'), titleKey('andrej karpathy: Tesla AI & AGI!'));
    assert.equal(titleKey('Introduction'), null);
  });

  it('gives readable ids: show-number, yt-id, title slug', () => {
    assert.equal(preferredEpisodeId([{ show: 'Lex Fridman Podcast', number: 215 }]), 'lex-fridman-215');
    assert.equal(preferredEpisodeId([{ show: 'The Show', number: 2 }]), 'the-show-2');
    assert.equal(preferredEpisodeId([{ youtubeId: 'U5OD8MjYnOM' }]), 'yt-U5OD8MjYnOM');
    assert.equal(preferredEpisodeId([{ title: 'Café & Crème: a story' }]), 'cafe-creme-a-story');
    assert.equal(preferredEpisodeId([{}]), null);
  });

  it('sees a conflict in different YouTube ids or different numbers of one show, not in missing keys', () => {
    assert.equal(keysConflict(['yt:aaaaaaaaaaa'], ['yt:bbbbbbbbbbb']), true);
    assert.equal(keysConflict(['num:bread#5'], ['num:bread#6']), true);
    assert.equal(keysConflict(['num:bread#5'], ['num:cake#6']), false);
    assert.equal(keysConflict([], ['num:bread#6', 'yt:bbbbbbbbbbb']), false);
  });
});
