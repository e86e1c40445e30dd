import { InputError } from '../model/errors.js';
import type { Reader } from './reader.js';

export const keyMomentsReader: Reader = {
  id: 'key-moments',
  label: 'Key Moments summary page',
  detect: () => 0,
  read: () => {
    throw new InputError('the key-moments reader is not written yet');
  },
};
