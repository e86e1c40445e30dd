import { InputError } from '../model/errors.js';
import type { Reader } from './reader.js';

export const rawSttReader: Reader = {
  id: 'raw-stt',
  label: 'Raw speech-to-text (one block, no speakers or times)',
  detect: () => 0,
  read: () => {
    throw new InputError('the raw-stt reader is not written yet');
  },
};
