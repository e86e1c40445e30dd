import { InputError } from '../model/errors.js';
import type { Reader } from './reader.js';

export const transcriptPageReader: Reader = {
  id: 'transcript-page',
  label: 'Transcript web page (speaker + timestamp turns, chapter headings)',
  detect: () => 0,
  read: () => {
    throw new InputError('the transcript-page reader is not written yet');
  },
};
