import { describe, expect, it } from 'vitest';
import { classifyLines } from '../../src/parser/classify.js';
import { detectUiLanguage, wordHits } from '../../src/parser/language.js';
import { pickPageLocale } from '../../src/parser/locale.js';
import { parsePage } from '../../src/parser/index.js';
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

describe('detectUiLanguage in languages no locale table lists', () => {
  // made-up UI sentences ("this story is from the issue", "subscribe to read on")
  it('names the language of a script only one UI language writes, also one franc-min cannot see', () => {
    expect(detectUiLanguage(['រឿងនេះគឺមកពីការបោះពុម្ពផ្សាយ'])).toBe('km');
    expect(detectUiLanguage(['ເລື່ອງນີ້ມາຈາກສະບັບ'])).toBe('lo');
    expect(detectUiLanguage(['ଏହି କାହାଣୀଟି ସଂସ୍କରଣରୁ ଆସିଛି'])).toBe('or');
    expect(detectUiLanguage(['මෙම කතාව සංස්කරණයෙනි'])).toBe('si');
    expect(detectUiLanguage(['ဤဇာတ်လမ်းသည် ထုတ်ဝေမှုမှ ဖြစ်သည်'])).toBe('my');
    expect(detectUiLanguage(['ይህ ታሪክ ከእትሙ የተወሰደ ነው'])).toBe('am');
    expect(detectUiLanguage(['הכתבה הזו היא מתוך המהדורה'])).toBe('he');
  });

  it('lets the script outweigh a Latin brand or month left in the line', () => {
    expect(detectUiLanguage(['រឿងនេះគឺមកពីការបោះពុម្ពផ្សាយ March 2024 Vogue'])).toBe('km');
  });

  it('names the language by a letter only it writes in a shared script', () => {
    expect(detectUiLanguage(['Гэты артыкул з выдання. Падпішыцеся, каб чытаць далей ў праграме'])).toBe('be');
    expect(detectUiLanguage(['Ин мақола аз нашри маҷалла аст. Барои хондан обуна шавед'])).toBe('tg');
    expect(detectUiLanguage(['دا کیسه د ګڼې څخه ده. د لوستلو لپاره ګډون وکړئ'])).toBe('ps');
    expect(detectUiLanguage(['یہ کہانی شمارے سے ہے۔ پڑھنے کے لیے سبسکرائب کریں'])).toBe('ur');
    expect(detectUiLanguage(['এই কাহিনীটো সংস্কৰণৰ পৰা লোৱা হৈছে'])).toBe('as');
    expect(detectUiLanguage(['এই গল্পটি সংস্করণ থেকে নেওয়া হয়েছে'])).toBe('bn');
    expect(detectUiLanguage(['Din l-istorja hija mill-ħarġa. Abbona biex taqra aktar'])).toBe('mt');
  });

  it('never answers a Cyrillic language whose alphabet lacks a letter of the sample', () => {
    // franc's trigrams answer Belarusian; Belarusian writes neither `и` nor `щ`
    expect(detectUiLanguage(['Эта статья из выпуска журнала. Подпишитесь, чтобы читать дальше'])).toBe('ru');
  });

  it("does not take a name's letter for the language's own", () => {
    // `ї` is Ukrainian's alone, but Ukrainian writes no `ы`: a Russian line naming a Ukrainian village
    expect(
      detectUiLanguage(['Эта статья из выпуска журнала о Їжакевичах. Подпишитесь, чтобы читать дальше']),
    ).toBe('ru');
  });

  it('reads UI languages franc-min has models for beyond the story languages', () => {
    expect(
      detectUiLanguage(['Wannan labarin daga bugun mujallar ne. Yi rajista domin ci gaba da karatu']),
    ).toBe('ha');
    expect(detectUiLanguage(['Lendaba ivela kushicilelo somagazini. Bhalisa ukuze uqhubeke ufunda'])).toBe(
      'zu',
    );
    expect(detectUiLanguage(['यो कथा पत्रिकाको अंकबाट लिइएको हो। पढ्न जारी राख्न सदस्यता लिनुहोस्'])).toBe('ne');
  });

  it('reads the languages of the sixth stranger set by their letters or models (Sindhi, Tatar, Māori, Sami, Cebuano, Quechua)', () => {
    expect(detectUiLanguage(['هي ڪهاڻي رسالي جي شماري مان ورتل آهي. پڙهڻ جاري رکڻ لاءِ رڪنيت وٺو'])).toBe(
      'sd',
    );
    expect(
      detectUiLanguage(['Бу мәкалә җәмгыять журналының чыгарылышыннан. Укуны дәвам итү өчен язылыгыз']),
    ).toBe('tt');
    expect(detectUiLanguage(['Nō te putanga o te moheni tēnei kōrero. Ohauru kia pānui tonu'])).toBe('mi');
    expect(detectUiLanguage(['Dát artihkal lea bláđi ođđa numiris. Diŋgo vai sáhtát lohkat'])).toBe('se');
    expect(
      detectUiLanguage([
        'Kini nga istorya gikan sa edisyon sa magasin. Pag-subscribe aron makapadayon sa pagbasa',
      ]),
    ).toBe('ceb');
    expect(
      detectUiLanguage([
        "Kay willakuyqa revistapa llamk'asqanmantam. Qatipaspa ñawinchanaykipaq suscribikuy",
      ]),
    ).toBe('qu');
    // their neighbours stay theirs
    expect(
      detectUiLanguage([
        'Ang kuwentong ito ay mula sa edisyon ng magasin. Mag-subscribe upang magpatuloy sa pagbabasa',
      ]),
    ).toBe('tl');
    expect(
      detectUiLanguage(['Esta historia es de la edición de la revista. Suscríbete para seguir leyendo']),
    ).toBe('es');
  });

  it("checks those guesses against the sample's letters (Faroese is not Uzbek) and keeps one that fits", () => {
    expect(detectUiLanguage(['Henda søgan er úr útgávuni. Tekna hald fyri at lesa víðari'])).toBe('fo');
    // `đ` is also Croatian's, but Croatian writes no `ư`
    expect(detectUiLanguage(['Câu chuyện này được lấy từ ấn bản của tạp chí'])).toBe('vi');
  });
});

describe('page_locale', () => {
  it('is read from a store breadcrumb of one word or two in a script of one language', () => {
    const page = [
      'ZINIO logo',
      '/ 뉴스 & 정치',
      'Seoul Weekly',
      'A quiet harbour town learns to live with its new bridge',
      'Residents say the crossing has changed how they shop, work and visit family on the mainland.',
      'The bridge opened in spring after six years of construction and two changes of contractor.',
    ].join('\n');
    expect(parsePage(page, { url: 'https://www.zinio.com/kr/seoul-weekly/story' }).page_locale).toBe('ko');
  });

  it('is null for text that is no newsstand page', () => {
    const calendar = [
      'BEGIN:VCALENDAR',
      'PRODID:-//Example Corp//Kalender 1.0//SV',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20240301',
      'SUMMARY:Nummer 12 av tidningen',
      'END:VEVENT',
    ].join('\n');
    const out = parsePage(calendar);
    expect(out.story).toBeNull();
    expect(out.page_locale).toBeNull();
  });
});

describe('Ethiopic is not one language (stranger-7 locale class 39)', () => {
  it('tells Tigrinya by its function words and its ኣ', () => {
    expect(detectUiLanguage(['እዚ ዛንታ ካብ ናይ March 2024 ሕታም ናይ Pub እዩ።', 'ድሮ ተመዝጋቢ ዲኹም? እቶ'])).toBe('ti');
    expect(detectUiLanguage(['ኣብ ዝሓለፈ ሰሙን'])).toBe('ti');
    expect(detectUiLanguage(['ቐዳማይ'])).toBe('ti');
  });
  it('keeps Amharic by its words, and when nothing decides', () => {
    expect(detectUiLanguage(['ይህ ታሪክ ከ March 2024 እትም ነው።', 'ቀድሞውኑ ተመዝጋቢ ነዎት? ይግቡ'])).toBe('am');
    expect(detectUiLanguage(['አዲስ አበባ'])).toBe('am');
  });
});

describe('letters and words of one language in a shared script (stranger-7 locale class 24)', () => {
  it('reads Uyghur by its own letters', () => {
    expect(detectUiLanguage(['GOLD نى سىناپ بېقىڭ - ھەقسىز'])).toBe('ug');
  });
  it('does not take the ʻokina alone for Uzbek: Samoan by its macrons and function words', () => {
    expect(
      detectUiLanguage(['© PressReader. ʻUa puipuia aiā tatau uma.', 'Nusipepa mai Amerika Samoa']),
    ).toBe('sm');
  });
  it('leaves an ASCII sample to the trigram guess', () => {
    expect(detectUiLanguage(['Nusipepa i le gagana Igilisi', 'Nusipepa mai Amerika Samoa'])).not.toBe('sm');
  });
});

describe('a short abbreviation a neighbour shares does not outvote its UI lines (stranger-7 locale class 33)', () => {
  const story = [
    '',
    'Яңы театр асыла',
    'access_time7 мин.',
    '',
    'Өфө үҙәгендә төҙөлгән яңы театр бинаһы апрелдә тамашасыларҙы ҡабул итә башлаясаҡ.',
    'Бинала ике зал, бәләкәй сәхнә һәм балалар өсөн студия урынлашҡан.',
  ];
  it('reads Bashkir from the breadcrumb beside a Russian `мин.`', () => {
    const text = ['category_outlined / Мәҙәниәт', 'АгиҙелАгиҙел', 'Агиҙел март 2024', ...story].join('\n');
    expect(parsePage(text, { url: 'https://www.zinio.com/ba/agidel/m1/s2' }).page_locale).toBe('ba');
  });
  it('keeps Russian when the breadcrumb is Russian', () => {
    const text = ['category_outlined / Культура', 'ОгонёкОгонёк', 'Огонёк март 2024', ...story].join('\n');
    expect(parsePage(text, { url: 'https://www.zinio.com/ru/ogonek/m1/s2' }).page_locale).toBe('ru');
  });
});

describe('one short particle does not overrule the trigram guess (stranger-9 locale class 47)', () => {
  it('keeps Lingala, whose possessive `ya` is also a Spanish word', () => {
    // made-up Lingala upsell lines ("read without limit", "get the way to read…", "try GOLD - free")
    const lines = [
      'Kotánga na ndelo te na',
      'Zwá nzela ya kotánga mikanda ya sango koleka 9.000, zulunale mpe masolo ya ntina mpo na',
      'Meka GOLD - Ofele',
    ];
    expect(detectUiLanguage(lines)).toBe('ln');
  });
  it('still lets a particle of a language no trigram model knows decide (Slovak `zo`)', () => {
    expect(
      detectUiLanguage(['© PressReader. Všetky práva vyhradené.', 'Noviny v slovenčine', 'Noviny zo Slove']),
    ).toBe('sk');
  });
});

describe('wordHits', () => {
  const known = new Set(['ya', 'para', 'los']);
  it('counts every function word printed', () => {
    expect(wordHits(['ya', 'x', 'ya', 'para'], known)).toBe(3);
    expect(wordHits(['ya', 'ya', 'ya'], known)).toBe(3);
  });
  it('counts nothing, where particles do not count, for one short particle alone however often printed', () => {
    expect(wordHits(['ya', 'x', 'ya', 'ya'], known, false)).toBe(0);
  });
  it('counts a particle beside another word, and one longer word alone', () => {
    expect(wordHits(['ya', 'los'], known, false)).toBe(2);
    expect(wordHits(['para'], known, false)).toBe(1);
  });
});

describe('Cyrillic languages franc-min has no model for, by their own letters (stranger-9 locale class 24)', () => {
  // made-up edition and sign-in lines ("this story is from the issue", "subscribed? sign in")
  it('reads Yakut by `ҕ` and `ҥ`, not as Kazakh', () => {
    expect(detectUiLanguage(['Бу кэпсээн таһаарыытыттан.', 'Суруйтарбыккыт дуо? Киириҥ саҕалааҥ'])).toBe(
      'sah',
    );
  });
  it('reads Ossetian by its ash, Cyrillic or typed as the Latin `æ`', () => {
    expect(detectUiLanguage(['Ацы таурӕгъ ис рауагъдӕй.', 'Абонент стут? Бахизут'])).toBe('os');
    expect(detectUiLanguage(['Ацы таурæгъ ис рауагъдæй.', 'Абонент стут? Бахизут'])).toBe('os');
    expect(detectUiLanguage(['ÆВЗАГ ӔМӔ ТАУРӔГЪ'])).toBe('os');
  });
  it('keeps Kazakh Kazakh, and a Latin `æ` outside Cyrillic text Latin', () => {
    expect(detectUiLanguage(['Бұл мақала басылымнан алынған.', 'Жазылушысыз ба? Кіру'])).toBe('kk');
    expect(
      detectUiLanguage(['Denne historie er fra udgaven. Prøv Magzter GOLD gratis i syv dage, læs mere']),
    ).not.toBe('os');
  });
});

describe('Konkani is not Marathi (stranger-9 locale class 24)', () => {
  // made-up trial and sign-in lines ("start your free trial and read…", "already a member? sign in")
  it('reads Konkani by the words Marathi does not write', () => {
    expect(
      detectUiLanguage(['फुकट चांचणी सुरू करात आनी 9,000 परस चड मासिकां वाचात.', 'आदींच सदस्य आसात? भितर सरात']),
    ).toBe('kok');
  });
  it('keeps Marathi by its own words, and when no word decides', () => {
    expect(
      detectUiLanguage(['मोफत चाचणी सुरू करा आणि 9,000 हून अधिक मासिके वाचा.', 'आधीच सदस्य आहात? साइन इन करा']),
    ).toBe('mr');
    expect(detectUiLanguage(['ही कथा आवृत्तीतून घेतली.'])).toBe('mr');
  });
});

describe('a guess whose spelling lacks the sample letters gives way to the listed language that writes them (stranger-9 locale class 24)', () => {
  it('reads Ewe by `ɖ ƒ ɣ ʋ`, not as Igbo', () => {
    expect(detectUiLanguage(['Nuŋlɔɖi sia tso ƒe tata me.', 'Èle agbalẽxlẽla xoxo a? Ge ɖe eme'])).toBe('ee');
  });
  it("keeps Lingala Lingala beside it (`ɛ ɔ` alone are both languages')", () => {
    expect(
      detectUiLanguage(['Zwá nzela ya kotánga masolo mpe zulunale mpo na yɔ̌', 'Meka GOLD - Ofele']),
    ).toBe('ln');
  });
});

describe('Latin-script UI languages franc-min has no model for, by letters and words (stranger-9 locale class 24)', () => {
  it('reads Upper Sorbian by `ř` beside `ń` and `ć`, which neither Czech nor Polish writes with it', () => {
    expect(detectUiLanguage(['Tutón nastawk je z wudaća.', 'Sće hižo abonent? Přizjewić so'])).toBe('hsb');
  });
  it('keeps Czech and Polish their own', () => {
    expect(detectUiLanguage(['Tento článek je z vydání. Již jste předplatitel? Přihlaste se'])).toBe('cs');
    expect(detectUiLanguage(['Ten artykuł pochodzi z wydania. Masz już subskrypcję? Zaloguj się'])).toBe(
      'pl',
    );
  });
  it('reads Friulian by its own words among French circumflexes', () => {
    expect(
      detectUiLanguage(['Cheste storie e je de edizion.', 'Sêstu za abonât? Jentre e lei plui storiis']),
    ).toBe('fur');
  });
  it('reads Twi by its own words among Lingala open vowels', () => {
    expect(detectUiLanguage(['Saa asɛm yi fi nsɛmma krataa mu.', 'Wo ayɛ ɔkyerɛwfo dedaw? Bra mu'])).toBe(
      'ak',
    );
  });
});

describe('Setswana, Sesotho and Manx by their own words, not a shared particle (stranger-9 locale class 24)', () => {
  it('tells Setswana from Sesotho, neither read as Spanish by `ya`', () => {
    expect(
      detectUiLanguage([
        'Kgang e e tswa mo kgatisong ya May 2024 ya Mmegi.',
        'Simolola teko ya gago ya mahala ya malatsi a 7',
      ]),
    ).toBe('tn');
    expect(
      detectUiLanguage([
        'Pale ena e tswa kgatisong ya May 2024 ya Pub.',
        'Qala teko ya hao ya mahala ya matsatsi a 7',
      ]),
    ).toBe('st');
  });
  it('reads Manx by its own words beside its `as`', () => {
    expect(
      detectUiLanguage([
        "Ta'n skeeal shoh veih'n chlowaghey jeh",
        'lhaih thousaneyn dy skeealyn reiht as ny smoo',
      ]),
    ).toBe('gv');
  });
});

describe('Tok Pisin is not Tagalog (stranger-9 locale class 24)', () => {
  it('reads Tok Pisin by its own words', () => {
    expect(detectUiLanguage(['Kisim rait long ritim ol stori bilong yu', 'Traim GOLD - Fri'])).toBe('tpi');
  });
  it('keeps Tagalog Tagalog', () => {
    expect(detectUiLanguage(['Nilalaman ng isyu ng magasin', 'Basahin ang mga kuwento online'])).toBe('tl');
  });
});

describe('Luganda and Limburgish by their own words (stranger-9 locale class 24)', () => {
  it('reads Luganda, not Kinyarwanda', () => {
    expect(detectUiLanguage(['Olugero luno luva mu katabo ka', 'Wewandiisa dda? Yingira'])).toBe('lg');
  });
  it('reads Limburgish by its own spellings, and keeps Dutch Dutch', () => {
    expect(
      detectUiLanguage(['Dit verhaol kömp oet de editie vaan', 'Begin uch gratis proefperiode vaan 7 daag']),
    ).toBe('li');
    expect(
      detectUiLanguage(['Dit verhaal komt uit de editie van', 'Begin je gratis proefperiode van 7 dagen']),
    ).toBe('nl');
  });
});

describe('Fijian by its own words, not its article (stranger-9 locale class 24)', () => {
  it('reads a Fijian PressReader footer as Fijian', () => {
    expect(
      detectUiLanguage([
        '© PressReader. E taqomaki na dodonu kece.',
        'Niusiveva ena vosa vakavavalagi',
        'Niusiveva mai Viti',
      ]),
    ).toBe('fj');
  });
});

describe('a neighbour listed only to be checked is not ruled out by a tone-marked vowel', () => {
  it('keeps the trigram answer of a Tagalog line with an accented vowel', () => {
    expect(detectUiLanguage(['Basahin ang mga kuwento ng isyung itó online'])).toBe('tl');
  });
});

describe('Finnish and Danish from the full franc models (stranger-11 locale class 24)', () => {
  it('reads Finnish UI lines as Finnish, not German', () => {
    expect(detectUiLanguage(['Tarina on lehden numerosta', 'Oletko jo tilaaja? Kirjaudu sisään'])).toBe('fi');
    expect(detectUiLanguage(['/ Tiede ja luonto', 'Lue lisää', '12 numeroa', 'Tässä numerossa'])).toBe('fi');
  });
  it('reads a Danish pair as Danish: the nearest model that writes `æ`, not the first listed', () => {
    expect(detectUiLanguage(['Fortsæt din historie i appen', 'Fortsæt din historie i magasinet'])).toBe('da');
  });
  it('tells Norwegian from Danish, and Swedish from both, by the words each spells its own way', () => {
    expect(
      detectUiLanguage([
        '© PressReader. Alle rettigheter forbeholdt.',
        'Aviser på norsk',
        'Aviser fra Norge',
      ]),
    ).toBe('nb');
    expect(
      detectUiLanguage([
        '© PressReader. Alle rettigheder forbeholdes.',
        'Aviser på dansk',
        'Aviser fra Danmark',
      ]),
    ).toBe('da');
    expect(detectUiLanguage(['Tidningar på svenska', 'Tidningar från Sverige'])).toBe('sv');
  });
  it('does not answer a language only the full franc models for ASCII words (`for` is Danish)', () => {
    expect(detectUiLanguage(['Catalog', 'For you', 'Top stories', 'Sign in'])).not.toBe('da');
  });
  it('lets Danish answer an ASCII sample holding a Danish or Norwegian word of its own', () => {
    expect(detectUiLanguage(['Nyheter og politikk', 'Alle rettigheter forbeholdt'])).toBe('nb');
  });
  it('reads a Finnish store category with no letter beyond a-z as Finnish', () => {
    expect(detectUiLanguage(['Uutiset ja politiikka'])).toBe('fi');
  });
});

describe('a store panel read when no UI line is (stranger-11 locale class 26)', () => {
  it('reads a Malay issue count and tax note as Malay, not Indonesian', () => {
    expect(detectUiLanguage(['Gaya Hidup', 'Keluaran', 'Termasuk cukai'])).toBe('ms');
  });
});
