import { describe, expect, it } from 'vitest';
import { namesLookAlike } from '../../api/services/core/lookalikes.js';
import { cleanName } from '../../api/services/core/text.js';

describe('a reader’s name as stored', () => {
  it('loses invisible, control and direction-changing characters, and blank letters', () => {
    expect(cleanName('So\u200bnia\u00ad')).toBe('Sonia');
    expect(cleanName('Ann\u202e nimda')).toBe('Ann nimda');
    expect(cleanName('\u3164\u115f\u2800\ufeff')).toBe('');
    expect(cleanName('  two\u00a0\u2003 spaces\n')).toBe('two spaces');
  });

  it('keeps the joiner that makes one emoji of two, and only there', () => {
    expect(cleanName('👩\u200d💻 Dev')).toBe('👩\u200d💻 Dev');
    expect(cleanName('a\u200db')).toBe('ab');
  });
});

describe('names that look alike', () => {
  it('are the same name in other letters, cases, widths and punctuation', () => {
    expect(namesLookAlike('Ѕоnіа', 'Sonia')).toBe(true);
    expect(namesLookAlike('ＳＯＮＩＡ', 'Sonia')).toBe(true);
    expect(namesLookAlike('Sonia.', 'sonia')).toBe(true);
    expect(namesLookAlike('Sonja', 'Sonia')).toBe(false);
    expect(namesLookAlike('Sonia Reader', 'Sonia')).toBe(false);
    expect(namesLookAlike('', '')).toBe(false);
  });
});
