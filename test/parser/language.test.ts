import { readdirSync, readFileSync } from 'node:fs';
import { franc } from 'franc-min';
import { describe, expect, it } from 'vitest';
import { detectLanguage, detectUiLanguage, storyLanguage } from '../../src/parser/language.js';
import { LANGUAGE_CANDIDATES } from '../../src/parser/settings.js';

describe('detectLanguage', () => {
  it('detects English and German prose', () => {
    expect(
      detectLanguage([
        'As evidence mounts of North Korea’s plans to send as many as 12,000 of its special forces to aid Russia in the Ukraine war, the implications for South Korea are looking grave.',
      ]),
    ).toBe('en');
    expect(
      detectLanguage([
        'Die Bundesregierung hat am Mittwoch beschlossen, die Förderung für Elektroautos bis zum Ende des Jahres fortzusetzen, obwohl die Haushaltslage angespannt bleibt.',
      ]),
    ).toBe('de');
  });

  it('returns null for text too short to tell', () => {
    expect(detectLanguage(['Hi'])).toBeNull();
    expect(detectLanguage([])).toBeNull();
  });

  it('samples a bounded prefix of long text', () => {
    expect(
      detectLanguage(['This is plainly an English sentence about the weather today. '.repeat(50000)]),
    ).toBe('en');
  });
});

describe('detectLanguage, against franc-min itself', () => {
  const PAGES = new URL('../fixtures/pages/', import.meta.url);
  /** Lines of the fixture pages long enough to judge, in every script they are written in. */
  const LINES = readdirSync(PAGES)
    .flatMap((name) => readFileSync(new URL(`${name}/raw.txt`, PAGES), 'utf8').split('\n'))
    .filter((line) => line.length >= 40 && !/[\u3040-\u30FF]/u.test(line));

  /** franc's answer for the sample detectLanguage reads (its first 200 characters and a line break), in BCP 47. */
  function francOf(text: string): string | null {
    const code = franc(`${text.slice(0, 200)}\n`, { only: [...LANGUAGE_CANDIDATES], minLength: 1 });
    if (code === 'und') return null;
    return TAG_OF[code] ?? `unmapped ${code}`;
  }

  /** ISO 639-3 → BCP 47, as detectLanguage maps them. */
  const TAG_OF: Readonly<Record<string, string>> = {
    eng: 'en',
    deu: 'de',
    fra: 'fr',
    spa: 'es',
    por: 'pt',
    ita: 'it',
    nld: 'nl',
    swe: 'sv',
    pol: 'pl',
    ces: 'cs',
    hun: 'hu',
    ron: 'ro',
    hrv: 'hr',
    ell: 'el',
    tur: 'tr',
    rus: 'ru',
    ukr: 'uk',
    bul: 'bg',
    srp: 'sr',
    arb: 'ar',
    heb: 'he',
    pes: 'fa',
    urd: 'ur',
    hin: 'hi',
    mar: 'mr',
    ben: 'bn',
    tam: 'ta',
    tel: 'te',
    kan: 'kn',
    mal: 'ml',
    guj: 'gu',
    pan: 'pa',
    tha: 'th',
    vie: 'vi',
    ind: 'id',
    zlm: 'ms',
    tgl: 'tl',
    kor: 'ko',
    cmn: 'zh',
    swh: 'sw',
  };

  it("gives franc's answer on every fixture line", () => {
    expect(LINES.length).toBeGreaterThan(500);
    const differ = LINES.filter((line) => detectLanguage([line]) !== francOf(line));
    expect(differ).toEqual([]);
  });

  it("gives franc's answer with capital sigmas, dotted capitals and astral characters in the text", () => {
    for (const line of LINES.slice(0, 200)) {
      for (const text of [
        `${line.slice(0, 60)} ΑΣ'Β ΣΟΦΙΑ ${line.slice(60)}`,
        `İSTANBUL ${line}`,
        `${line.slice(0, 50)} 😀🎉 ${line.slice(50)}`,
        line.toUpperCase(),
      ])
        expect(detectLanguage([text]), JSON.stringify(text)).toBe(francOf(text));
    }
  });

  it('may lower-case before cleaning: no character lower-cases to or from what cleaning turns into a space', () => {
    const separator = /[\u0021-\u0040\s]/u;
    const differ: number[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const c = String.fromCodePoint(code);
      const lower = c.toLowerCase();
      if (lower !== c && (separator.test(c) || separator.test(lower))) differ.push(code);
    }
    expect(differ).toEqual([]);
  });

  it('may lower-case a whole sample: only the capital sigma lower-cases by its neighbours', () => {
    const differ: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const c = String.fromCharCode(code);
      const alone = c.toLowerCase();
      const contexts = [`A${c}`, `${c}A`, `A${c} `, `A${c}'A`, `a${c}.`];
      if (contexts.some((t) => t.toLowerCase() !== t.split(c).join(alone).toLowerCase())) differ.push(code);
    }
    expect(differ).toEqual([0x03a3]);
  });
});

describe('storyLanguage', () => {
  it("is franc's answer, else the language of a script one language writes that franc-min cannot name", () => {
    const english = 'The harbour town has changed more in six years than in the sixty before them.';
    expect(storyLanguage([english])).toBe(detectLanguage([english]));
    const khmer = 'ស្ពានថ្មីបានផ្លាស់ប្តូររបៀបដែលអ្នកភូមិធ្វើដំណើរទៅផ្សារ និងទៅសាលារៀនរៀងរាល់ថ្ងៃ';
    expect(detectLanguage([khmer])).toBeNull();
    expect(storyLanguage([khmer])).toBe('km');
    const hebrew = 'הגשר החדש שינה את הדרך שבה תושבי העיירה נוסעים לשוק ולבית הספר בכל יום';
    expect(storyLanguage([hebrew])).toBe('he');
  });
});

describe('stranger-8 locale class 43: Malay is not Indonesian', () => {
  it('reads Malay UI lines by the words only Malay writes', () => {
    expect(
      detectUiLanguage([
        'Cerita ini adalah daripada edisi Mei 2024 Dewan Pesisir.',
        'Mulakan percubaan percuma 7 hari Magzter GOLD anda untuk mengakses cerita premium pilihan, dan majalah dan akhbar.',
        'Sudah melanggan? Log masuk',
      ]),
    ).toBe('ms');
  });

  it('keeps Indonesian UI lines Indonesian', () => {
    expect(
      detectUiLanguage([
        'Mulai uji coba gratis Magzter GOLD 7 hari Anda untuk mengakses ribuan cerita premium pilihan, dan majalah dan surat kabar.',
        'Sudah berlangganan? Masuk',
      ]),
    ).toBe('id');
  });
});
