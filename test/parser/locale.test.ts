import { describe, expect, it } from 'vitest';
import { classifyLines } from '../../src/parser/classify.js';
import { detectUiLanguage } from '../../src/parser/language.js';
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

  it('lets a known wording in another language outvote an English edition line (English is the untranslated fallback)', () => {
    const page = [
      'This story is from the March 2, 2024 edition of Nikkei Asia.',
      'Magzter GOLD に登録すると、厳選された何千ものプレミアム記事と 9,000 以上の雑誌や新聞にアクセスできます。',
    ].join('\n');
    expect(locale(page)).toBe('ja');
  });

  it('is null when no UI strings are printed', () => {
    expect(locale('Just a story.\nWith two lines.')).toBeNull();
  });
});

describe('detectUiLanguage', () => {
  it('does not answer a language whose spelling lacks a letter of the sample', () => {
    // franc-min has no Catalan model; `ò` and `è` are not Spanish
    expect(
      detectUiLanguage([
        'Ja ets subscriptor? Inicia la sessió',
        "Més històries d'El Temps amb tots els detalls",
      ]),
    ).toBe('ca');
    // no Slovak model either; `ť` and `ý` are not Polish, `sa` and `ako` are not Czech
    expect(detectUiLanguage(['Už máte predplatné? Prihláste sa', 'Viac ako tisíc vybraných príbehov'])).toBe(
      'sk',
    );
  });

  it("keeps the models' answer when it fits the letters as well as any", () => {
    expect(detectUiLanguage(['Já é assinante? Inicie sessão para continuar a ler'])).toBe('pt');
    expect(detectUiLanguage(['Already a subscriber? Sign in to keep reading'])).toBe('en');
  });
});

describe('detectUiLanguage without function words', () => {
  it('never keeps a guess whose spelling lacks a letter of the sample when another language has them all', () => {
    // franc answers Spanish; Spanish never writes `à`
    expect(detectUiLanguage(['Diaris en català'])).not.toBe('es');
  });
});
