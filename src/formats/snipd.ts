import { InputError } from '../model/errors.js';
import type { Reader } from './reader.js';

export const snipdReader: Reader = {
  id: 'snipd',
  label: 'Snipd highlights via Readwise/Logseq',
  detect: () => 0,
  read: () => {
    throw new InputError('the snipd reader is not written yet');
  },
};
