import { InputError } from '../model/errors.js';
import type { Reader } from './reader.js';

export const whisperJsonReader: Reader = {
  id: 'whisper-json',
  label: 'Whisper JSON',
  detect: () => 0,
  read: () => {
    throw new InputError('the whisper-json reader is not written yet');
  },
};
