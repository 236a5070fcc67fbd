import { describe, expect, it } from 'vitest';
import { numberInWords, plainNumber } from '../../functions/core/number-words.js';

/** Indonesian number words (issue 18: "dibaca sebagai 1014 (seribu empat belas)"), worked out by hand. */
describe('numberInWords', () => {
  it.each([
    [0, 'nol'],
    [1, 'satu'],
    [10, 'sepuluh'],
    [11, 'sebelas'],
    [12, 'dua belas'],
    [19, 'sembilan belas'],
    [20, 'dua puluh'],
    [45, 'empat puluh lima'],
    [100, 'seratus'],
    [101, 'seratus satu'],
    [111, 'seratus sebelas'],
    [250, 'dua ratus lima puluh'],
    [1000, 'seribu'],
    [1014, 'seribu empat belas'],
    [1100, 'seribu seratus'],
    [2000, 'dua ribu'],
    [2500.5, 'dua ribu lima ratus koma lima'],
    [1.25, 'satu koma dua lima'],
    [0.05, 'nol koma nol lima'],
    [11000, 'sebelas ribu'],
    [100000, 'seratus ribu'],
    [101001, 'seratus satu ribu satu'],
    [1000000, 'satu juta'],
    [1001000, 'satu juta seribu'],
    [2000000000, 'dua miliar'],
    [3000000000000, 'tiga triliun'],
    [-3, 'minus tiga'],
    [-0, 'nol'],
    // Six decimals at most, as the number is read: 1,0000001 is 1.
    [1.0000001, 'satu'],
  ])('%d → %s', (value, words) => {
    expect(numberInWords(value)).toBe(words);
  });

  it.each([[1e15], [Number.POSITIVE_INFINITY], [Number.NaN]])('%d is not read out', (value) => {
    expect(numberInWords(value)).toBeNull();
  });
});

describe('plainNumber', () => {
  it.each([
    [1014, '1014'],
    [2500.5, '2500,5'],
    [1234567.125, '1234567,125'],
    [0, '0'],
    [-2.5, '−2,5'],
  ])('%d → %s', (value, text) => {
    expect(plainNumber(value)).toBe(text);
  });
});
