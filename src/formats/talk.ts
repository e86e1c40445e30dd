import { InputError } from '../model/errors.js';
import type { Reader } from './reader.js';

export const talkReader: Reader = {
  id: 'talk',
  label: 'Talk transcript (paragraphs, interleaved translations)',
  detect: () => 0,
  read: () => {
    throw new InputError('the talk reader is not written yet');
  },
};
