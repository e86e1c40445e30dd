import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuery, MAX_QUERY_CHARS } from '../../src/search/query.js';
import { ftsMatch } from '../../src/search/fts.js';

describe('parseQuery', () => {
  it('reads words, "phrases", prefix*, -excluded and filters', () => {
    const q = parseQuery('"thousand brains" neuro* -ads cortex speaker:"Jeff Hawkins" after:2020 show:lex');
    assert.deepEqual(q.terms, ['cortex']);
    assert.deepEqual(q.phrases, [['thousand', 'brains']]);
    assert.deepEqual(q.prefixes, ['neuro']);
    assert.deepEqual(q.excluded, ['ads']);
    assert.deepEqual(q.filters, { speaker: 'Jeff Hawkins', after: '2020-01-01', show: 'lex' });
  });

  it('never throws and never passes FTS5 syntax through', () => {
    const hostile = ['"unbalanced', 'NEAR(a b)', '*', '-', 'a OR b AND NOT c', '( ) : ^ "', '🦀🦀 emoji', '東京 大学', 'x'.repeat(10_000), '', '   ', 'col:value', '"""', 'a*b*c'];
    for (const text of hostile) {
      const q = parseQuery(text);
      const match = ftsMatch(q);
      if (match !== null) {
        // Every FTS5 string is a list of quoted words joined by OR (and NOT): no operator comes from the user.
        assert.match(match, /^(\(?"[^"]+"( \*)?( OR "[^"]+"( \*)?)*\)?)( NOT \("[^"]+"( OR "[^"]+")*\))?$/, `${text.slice(0, 20)} → ${match}`);
      }
    }
  });

  it('cuts a huge query and says so', () => {
    const q = parseQuery('word '.repeat(5000));
    assert.ok(q.warnings.some((w) => w.includes(String(MAX_QUERY_CHARS))));
    assert.ok(q.terms.length <= 64);
  });

  it('warns about a bad date or an empty filter but keeps the words', () => {
    const q = parseQuery('cortex after:yesterday speaker:');
    assert.deepEqual(q.terms, ['cortex']);
    assert.equal(q.warnings.length, 2);
  });

  it('keeps stopword-only queries searchable', () => {
    assert.equal(ftsMatch(parseQuery('to be or not to be')), '"to" OR "be" OR "or" OR "not"');
    assert.equal(ftsMatch(parseQuery('the cortex')), '"cortex"');
  });
});
