import { InputError } from '../model/errors.js';
import type { Reader } from './reader.js';

export const lexicapReader: Reader = {
  id: 'lexicap',
  label: 'Lexicap JSON (WebVTT inside JSON)',
  detect: () => 0,
  read: () => {
    throw new InputError('the lexicap reader is not written yet');
  },
};
