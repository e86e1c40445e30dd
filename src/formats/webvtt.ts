import { InputError } from '../model/errors.js';
import type { Reader } from './reader.js';

export const webvttReader: Reader = {
  id: 'webvtt',
  label: 'WebVTT',
  detect: () => 0,
  read: () => {
    throw new InputError('the webvtt reader is not written yet');
  },
};
