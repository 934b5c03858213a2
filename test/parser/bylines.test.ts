import { describe, expect, it } from 'vitest';
import { extractByline, isJoinedNames, isNameLike } from '../../src/parser/bylines.js';

describe('bylines', () => {
  it.each([
    ['By Jane Doe', 'Jane Doe'],
    ['JETHRO BOVINGDON', 'JETHRO BOVINGDON'],
    ['WORDS by SIRISH CHANDRAN PHOTOGRAPHY by ROHIT G MANE', 'SIRISH CHANDRAN'],
    ['Words by Ana de Souza, photos by Lee Kim', 'Ana de Souza'],
    ['Por Henrique Rodrigues', 'Henrique Rodrigues'],
    ['By Clara Teo and Daniel Koh', 'Clara Teo and Daniel Koh'],
    // right-to-left bylines (issue 11, second stranger: the 2025 header in Arabic, Hebrew, Urdu)
    ['بقلم مارتا كوالتشيك', 'مارتا كوالتشيك'],
    ['מאת מרתה קובלצ׳יק', 'מרתה קובלצ׳יק'],
    ['تحریر: مارتا کوالچک', 'مارتا کوالچک'],
    // prefixes in more shapes, and what follows the name (stranger-6 class 9)
    ['بقلم: ليلى منصور', 'ليلى منصور'],
    ['Na AMINA JUMA', 'AMINA JUMA'],
    ['Nā Hēmi Tāwhiri', 'Hēmi Tāwhiri'],
    ['Testo e foto di Paolo Bianchi', 'Paolo Bianchi'],
    ['Por Inês Carvalho, de Coimbra', 'Inês Carvalho'],
    ['Dr Ana Ruiz', 'Dr Ana Ruiz'],
    ['Master Danny Gorgonia', 'Master Danny Gorgonia'],
    ['', null],
  ])('%s → %s', (text, name) => {
    expect(extractByline(text)).toBe(name);
  });

  it('knows a name from a sentence', () => {
    expect(isNameLike('Sree Kumar')).toBe(true);
    expect(isNameLike('Master Danny Gorgonia')).toBe(true);
    expect(isNameLike('By Madonna')).toBe(true);
    expect(isNameLike('Madonna')).toBe(false);
    expect(isNameLike('By Switching from V8 to electric with fake noise, has Dodge missed the point?')).toBe(
      false,
    );
    expect(isNameLike('No kidding!')).toBe(false);
    expect(isNameLike('Top 10 cars')).toBe(false);
  });

  // stranger-9 class 16: two writers joined by the local "and", no opener
  it.each([
    ['Anouk Verbeek en Joris Hendriks', true],
    ['Rina Kusumawati dan Bayu Pratama', true],
    ['Lena Berg och Per Anders Holm', true],
    ['Jan van Dijk en Piet de Vries', true],
    ['Madonna en Prince', false],
    ['Anouk Verbeek en Joris Hendriks.', false],
    ['Life in New York', false],
    // a title-case line can have the shape: why it is read only in a header's byline slot
    ['Seven Ways to Stay Calm', true],
    ['Anouk Verbeek en Joris', false],
  ])('reads %j as two joined names: %s', (text, joined) => {
    expect(isJoinedNames(text)).toBe(joined);
  });
});

describe("a byline's prefix in other languages (stranger-6 class 9)", () => {
  it.each([
    ['Troch Jan Jansen', 'Jan Jansen'],
    ['Troch JAN JANSEN', 'JAN JANSEN'],
    ['Na AMINA JUMA', 'AMINA JUMA'],
    ['Nā Hēmi Tāwhiri', 'Hēmi Tāwhiri'],
    ['Röportaj: Ayşe Kaya', 'Ayşe Kaya'],
    ['Беседовала Анна Петрова', 'Анна Петрова'],
    ['By Ana Maria Popescu', 'Ana Maria Popescu'],
    ['RATNA RAO', 'RATNA RAO'],
    ['Dr. Katrin Albers', 'Dr. Katrin Albers'],
    ['Eva de Boer', 'Eva de Boer'],
  ])('%s → %s', (detail, name) => {
    expect(extractByline(detail)).toBe(name);
  });

  it.each([
    // a name's first word is no prefix by its shape alone, however short
    'Võ Thị Sáu',
    'Li Wei Ming',
    'Oh Se Hoon',
    'Maria Luisa Fernández',
    'Ana María López Ruiz',
    'Анна Сергеевна Петрова',
  ])('%s is the whole name', (name) => {
    expect(extractByline(name)).toBe(name);
  });
});

describe("a byline's prefix and what follows the name (stranger-7 class 9)", () => {
  it.each([
    ['बातचीत: सुनीता मेहरा', 'सुनीता मेहरा'],
    ['글·사진 박서연', '박서연'],
    ['文・写真 佐藤 花子', '佐藤 花子'],
    ["Nosoratan'i Hery Rakotomalala", 'Hery Rakotomalala'],
    ['By Amara Nwosu in KISUMU', 'Amara Nwosu'],
    ['By Helen Marsh, PhD', 'Helen Marsh'],
    ['Por Jorge Castillo, MD', 'Jorge Castillo'],
    ['John Smith, Jr.', 'John Smith, Jr.'],
    ['Marcel·la Puig Serra', 'Marcel·la Puig Serra'],
    ['记者 陈晓东', '陈晓东'],
    ['Per Joan Castèth', 'Joan Castèth'],
    ['Per Olsen', 'Per Olsen'],
    ['Автор — Иван Петров', 'Иван Петров'],
    ['Redacción EFE', null],
    ['By Áine Ní Bhriain and Seán Ó Riada', 'Áine Ní Bhriain and Seán Ó Riada'],
  ])('%s → %s', (detail, name) => {
    expect(extractByline(detail)).toBe(name);
  });
});

describe('bare names in scripts without capitals (stranger-4 class 16)', () => {
  it.each([
    ['కె. శ్రీనివాస్', true],
    ['ಎಸ್. ರಮೇಶ್', true],
    ['Ana Ruiz', true],
    ['ana ruiz', false],
    ['నగర శివార్లలో నీటి కొరత తీవ్రమవుతోంది.', false],
  ])('%s → %s', (text, name) => {
    expect(isNameLike(text)).toBe(name);
  });
});
