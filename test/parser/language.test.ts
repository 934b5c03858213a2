import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/parser/language.js';

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
