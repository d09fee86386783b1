import { describe, it, expect } from 'vitest';
import { CsvError, formatCsv, parseCsv, parseCsvRecords } from './csv.ts';

describe('parseCsv', () => {
  it.each([
    [
      'plain fields',
      'a,b,c\n1,2,3\n',
      [
        ['a', 'b', 'c'],
        ['1', '2', '3'],
      ],
    ],
    [
      'no final newline',
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'CRLF line ends',
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'lone CR line ends',
      'a,b\r1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'byte order mark',
      '\uFEFFid,name\n1,x\n',
      [
        ['id', 'name'],
        ['1', 'x'],
      ],
    ],
    ['embedded comma', '"Toronto, ON",M5V\n', [['Toronto, ON', 'M5V']]],
    ['doubled quotes', '"say ""hi""",x\n', [['say "hi"', 'x']]],
    ['embedded newline', '"line one\nline two",x\n', [['line one\nline two', 'x']]],
    ['embedded CRLF', '"a\r\nb",x\r\n', [['a\r\nb', 'x']]],
    ['empty fields', ',,\n', [['', '', '']]],
    ['trailing delimiter at end of input', 'a,', [['a', '']]],
    ['empty quoted field alone', '""\n', [['']]],
    ['blank lines skipped', 'a\n\n\nb\n', [['a'], ['b']]],
    ['accents and apostrophes', "L'Amoreaux,Côte\n", [["L'Amoreaux", 'Côte']]],
    ['empty input', '', []],
  ])('%s', (_name, input, expected) => {
    expect(parseCsv(input)).toEqual(expected);
  });

  it('accepts another delimiter', () => {
    expect(parseCsv('a;"b;c"\n', { delimiter: ';' })).toEqual([['a', 'b;c']]);
  });

  it.each([
    ['unterminated quote', 'a,"b\n1,2\n'],
    ['text after a closing quote', '"a"b,c\n'],
    ['quote inside an unquoted field', 'a"b,c\n'],
  ])('rejects %s', (_name, input) => {
    expect(() => parseCsv(input)).toThrow(CsvError);
  });

  it('reports the line of an unterminated quote', () => {
    try {
      parseCsv('a\nb\n"c\nd');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CsvError);
      expect((error as CsvError).line).toBe(3);
    }
  });
});

describe('parseCsvRecords', () => {
  it('keys rows by the header', () => {
    expect(parseCsvRecords('id,name\n1,"Annex"\n2,"Bay Street Corridor"\n')).toEqual([
      { id: '1', name: 'Annex' },
      { id: '2', name: 'Bay Street Corridor' },
    ]);
  });

  it('rejects a row of the wrong width', () => {
    expect(() => parseCsvRecords('a,b\n1\n')).toThrow(/expected 2 fields, found 1/);
  });

  it('rejects duplicate column names', () => {
    expect(() => parseCsvRecords('a,a\n1,2\n')).toThrow(CsvError);
  });
});

describe('formatCsv', () => {
  it('round-trips awkward values', () => {
    const rows = [
      ['id', 'note'],
      ['1', 'comma, "quote"\nand newline'],
      ['2', ' padded '],
      ['3', ''],
    ];
    expect(parseCsv(formatCsv(rows))).toEqual(rows);
  });
});
