import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeBytes } from '../../src/formats/decode.js';
import { InputError } from '../../src/model/errors.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

function utf16(s: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const out = new Uint8Array((s.length + (bom ? 1 : 0)) * 2);
  const codes = [...(bom ? [0xfeff] : []), ...Array.from(s, (c) => c.charCodeAt(0))];
  codes.forEach((code, i) => {
    out[i * 2 + (endian === 'le' ? 0 : 1)] = code & 0xff;
    out[i * 2 + (endian === 'le' ? 1 : 0)] = code >> 8;
  });
  return out;
}

function refuses(bytes: Uint8Array, reason: RegExp): void {
  assert.throws(() => decodeBytes(bytes), (e: unknown) => e instanceof InputError && reason.test(e.reason));
}

describe('decodeBytes', () => {
  it('reads UTF-8 and normalizes CRLF and lone CR to LF', () => {
    assert.equal(decodeBytes(utf8('one\r\ntwo\rthree\n')).text, 'one\ntwo\nthree\n');
  });

  it('strips a UTF-8 byte order mark', () => {
    const d = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('WEBVTT')]));
    assert.equal(d.text, 'WEBVTT');
    assert.equal(d.encoding, 'utf-8');
  });

  it('reads UTF-16 LE and BE, with or without a BOM', () => {
    for (const endian of ['le', 'be'] as const) {
      for (const bom of [true, false]) {
        const d = decodeBytes(utf16('WEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nCafé', endian, bom));
        assert.equal(d.text, 'WEBVTT\n\n00:01.000 --> 00:02.000\nCafé', `${endian} bom=${bom}`);
        assert.equal(d.encoding, `utf-16${endian}`);
      }
    }
  });

  it('falls back to Windows-1252 (Latin-1) when the bytes are not UTF-8', () => {
    const d = decodeBytes(new Uint8Array([...utf8('Caf'), 0xe9, ...utf8(' na'), 0xef, ...utf8('ve '), 0x80]));
    assert.equal(d.text, 'Café naïve €');
    assert.equal(d.encoding, 'windows-1252');
  });

  it('keeps mostly valid UTF-8 as UTF-8, replacing a rare broken sequence (whisper.cpp cuts characters)', () => {
    const good = utf8('Café, naïve, São Paulo, Zürich, 東京. '.repeat(40));
    const d = decodeBytes(new Uint8Array([...good, 0xe6, ...utf8(' end')]));
    assert.equal(d.encoding, 'utf-8');
    assert.ok(d.text.startsWith('Café, naïve, São Paulo'));
    assert.ok(d.text.endsWith('\uFFFD end'));
  });

  it('reads Windows-1252 when broken sequences are not rare, even with a few valid ones', () => {
    const latin = [...utf8('Caf'), 0xe9, ...utf8(' na'), 0xef, ...utf8('ve '), 0x93, ...utf8('ok'), 0x94];
    const d = decodeBytes(new Uint8Array([...utf8('déjà '), ...latin]));
    assert.equal(d.encoding, 'windows-1252');
    assert.ok(d.text.endsWith('Café naïve “ok”'));
  });

  it('composes Unicode to NFC so the same word always has the same bytes', () => {
    assert.equal(decodeBytes(utf8('Cafe\u0301')).text, 'Caf\u00e9');
  });

  it('refuses empty and whitespace-only files', () => {
    refuses(new Uint8Array(), /empty/);
    refuses(utf8(' \n\t\n'), /only whitespace/);
  });

  it('refuses binary files, naming what they look like', () => {
    refuses(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]), /PDF/);
    refuses(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), /PNG/);
    refuses(new Uint8Array([0x49, 0x44, 0x33, 3, 0, 0]), /MP3/);
    refuses(new Uint8Array([0x41, 0x00, 0x00, 0x00, 0x42, 0x43, 0x00, 0x01, 0x02, 0x03]), /binary/);
    refuses(new Uint8Array(Array.from({ length: 400 }, (_, i) => (i * 37) % 32)), /binary/);
  });

  it('refuses files over the size limit, naming the limit', () => {
    assert.throws(
      () => decodeBytes(utf8('x'.repeat(2048)), 1024),
      (e: unknown) => e instanceof InputError && /2\.0 KB, over the 1\.0 KB size limit/.test(e.reason),
    );
  });
});
