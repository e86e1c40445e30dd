import { InputError } from '../model/errors.js';
import type { Reader } from './reader.js';

export const podcastHtmlReader: Reader = {
  id: 'podcast-html',
  label: 'Podcasting 2.0 HTML transcript',
  detect: () => 0,
  read: () => {
    throw new InputError('the podcast-html reader is not written yet');
  },
};
