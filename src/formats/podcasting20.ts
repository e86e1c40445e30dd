import { InputError } from '../model/errors.js';
import type { Reader } from './reader.js';

export const podcasting20Reader: Reader = {
  id: 'podcasting20',
  label: 'Podcasting 2.0 JSON transcript',
  detect: () => 0,
  read: () => {
    throw new InputError('the podcasting20 reader is not written yet');
  },
};
