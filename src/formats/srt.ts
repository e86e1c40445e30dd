import { InputError } from '../model/errors.js';
import type { Reader } from './reader.js';

export const srtReader: Reader = {
  id: 'srt',
  label: 'SubRip (SRT)',
  detect: () => 0,
  read: () => {
    throw new InputError('the srt reader is not written yet');
  },
};
