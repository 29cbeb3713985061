import { describe, expect, it } from 'vitest';
import { findHerDetails, normaliseWords, type RecordedDetail } from './her-details-guard.js';

const details: RecordedDetail[] = [
  { field: 'address', value: 'Via Giosuè Carducci 12, Bologna' },
  { field: 'phone', value: '+39 333 123 4567' },
  { field: 'email', value: 'L.Rossi@Example.org' },
  { field: 'shelter', value: 'Casa Girasole' },
  { field: 'workplace', value: 'Panificio Sole' },
  { field: 'childrensSchool', value: 'Scuola Primaria Gianni Rodari' },
];

describe('the her-details guard: joint text compared with what is recorded about her', () => {
  it.each<[string, string, string[]]>([
    ['her address, as written', 'She lives at Via Giosuè Carducci 12, Bologna', ['address']],
    ['her address without accents, case or commas', 'moved to VIA giosue carducci 12', ['address']],
    ['her address with other spaces and punctuation', 'via  Giosuè-Carducci, 12.', ['address']],
    ['not the town alone', 'Both case managers met in Bologna', []],
    ['not another house number', 'The office is in Via Giosuè Carducci 120', []],
    ['her phone with other separators', 'call 333-123 45 67 after six', ['phone']],
    ['her phone with its country code', 'number: 0039 3331234567', ['phone']],
    ['not a date or another number', 'next review on 2026-12-03, case 4567', []],
    ['her e-mail in another case', 'write to l.rossi@example.org', ['email']],
    ['her shelter', 'she went to the casa girasole', ['shelter']],
    ['not a word that only contains the shelter’s', 'casagirasole is not a phrase', []],
    ['her workplace', 'he waited outside Panificio Sole', ['workplace']],
    ['the children’s school', 'the head of Scuola primaria Gianni Rodari was told', ['childrensSchool']],
    ['several at once', 'Casa Girasole, tel. 333 1234567', ['phone', 'shelter']],
    ['nothing of hers', 'He attended all sessions this month', []],
  ])('%s', (_name, text, expected) => {
    const found = findHerDetails([{ path: 'minutes', text }], details).map((match) => match.field);
    expect(found.sort()).toEqual(expected.sort());
  });

  it('names the field of the request each match is in', () => {
    expect(
      findHerDetails(
        [
          { path: 'minutes', text: 'Nothing new' },
          { path: 'decisions', text: 'Escort her from Casa Girasole' },
          { path: 'place', text: undefined },
        ],
        details,
      ),
    ).toEqual([{ path: 'decisions', field: 'shelter' }]);
  });

  it('normalises case, accents and spaces', () => {
    expect(normaliseWords('  Zoë   MÜLLER,\tStraße 5 ')).toBe('zoe muller straße 5');
  });
});
