// JSON at the trust boundary: syntax errors name the line, shape errors name the field and say why.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { parseJsonInput, validated } from '../../src/formats/json-input.js';
import { InputError } from '../../src/model/errors.js';

function failure(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof InputError, `expected an InputError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected an InputError');
}

describe('parseJsonInput', () => {
  it('names the line of a syntax error and says when the file was cut short', () => {
    const bad = failure(() => parseJsonInput('{\n  "a": 1,\n  "b": tru\n}'));
    assert.equal(bad.line, 3);
    assert.match(bad.reason, /not valid JSON/);
    assert.match(failure(() => parseJsonInput('{"a": [1, 2')).reason, /ends too early/);
  });

  it('uses a repaired text when the repair parses, and reports the original error otherwise', () => {
    const raw = '{"model": "D:\\models\\x.bin"}';
    assert.deepEqual(parseJsonInput(raw, (text) => text.replace(/\\/g, '\\\\')), { model: 'D:\\models\\x.bin' });
    assert.match(failure(() => parseJsonInput('{"a": }', () => '{nope')).reason, /not valid JSON/);
  });
});

describe('validated', () => {
  const schema = z.object({ segments: z.array(z.object({ start: z.number().min(0), id: z.string().regex(/^\d+$/, 'must be digits') })) });

  it('names the field and the value in plain words', () => {
    const wrong = failure(() => validated(schema, { segments: [{ start: 'x', id: '1' }] }));
    assert.equal(wrong.field, 'segments[0].start');
    assert.equal(wrong.reason, 'expected a number, got the text "x"');
    assert.equal(failure(() => validated(schema, { segments: [{ start: -1, id: '1' }] })).reason, '-1 is negative; times are seconds from the start');
    assert.equal(failure(() => validated(schema, { segments: [{ start: 1, id: 'a' }] })).reason, 'must be digits, not the text "a"');
    assert.equal(failure(() => validated(schema, [])).reason, 'the document should be an object, got a list');
  });
});
