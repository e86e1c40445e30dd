import { InputError } from '../model/errors.js';
import type { Reader } from './reader.js';

export const plainTextReader: Reader = {
  id: 'plain-text',
  label: 'Plain text transcript',
  detect: () => 0,
  read: () => {
    throw new InputError('the plain-text reader is not written yet');
  },
};
