import { describe, expect, it } from 'vitest';
import { classifyLines } from '../../src/parser/classify.js';
import { pickPageLocale } from '../../src/parser/locale.js';
import { normalizeInput } from '../../src/parser/normalize.js';

describe('pickPageLocale', () => {
  const locale = (text: string): string | null => {
    const { lines, lastLineOpen } = normalizeInput(text);
    return pickPageLocale(classifyLines(lines, lastLineOpen));
  };

  it('prefers the edition line over other UI lines', () => {
    const page = [
      'Bu hikaye Mint Mumbai dergisinin January 20, 2024 sayısından alınmıştır.',
      'Start your 7-day Magzter GOLD free trial to access thousands of curated premium stories, and 9,000+ magazines and newspapers.',
      'Already a subscriber ? Giriş Yap',
    ].join('\n');
    expect(locale(page)).toBe('tr');
  });

  it('is null when no UI strings are printed', () => {
    expect(locale('Just a story.\nWith two lines.')).toBeNull();
  });
});
