import { normaliseJql } from './normalise-jql';

describe('normaliseJql', () => {
  it('trims and makes each run of whitespace outside quotes one space', () => {
    expect(normaliseJql(' key = SUP-1\n\t AND   summary ~ x ')).toBe('key = SUP-1 AND summary ~ x');
  });

  it('keeps quoted text exactly, escaped quotes included', () => {
    expect(normaliseJql('summary ~ "a  b\\"  c"   OR summary ~ \'d  e\'')).toBe('summary ~ "a  b\\"  c" OR summary ~ \'d  e\'');
  });

  it('writes composed and decomposed Unicode the same way', () => {
    expect(normaliseJql('summary ~ "Mu\u0308ller"')).toBe(normaliseJql('summary ~ "Müller"'));
  });

  it('tells different queries apart', () => {
    expect(normaliseJql('key = SUP-23')).not.toBe(normaliseJql('key in (SUP-23, SUP-24)'));
    expect(normaliseJql('summary ~ "a b"')).not.toBe(normaliseJql('summary ~ "a  b"'));
  });
});
