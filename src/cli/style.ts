import { styleText } from 'node:util';

type Style = Parameters<typeof styleText>[0];

/** Terminal styling that switches itself off when output is not a terminal or NO_COLOR is set. */
export function styler(stream: NodeJS.WriteStream) {
  const on = Boolean(stream.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
  const paint = (style: Style) => (text: string) => (on ? styleText(style, text) : text);
  return { on, bold: paint('bold'), dim: paint('dim'), green: paint('green'), red: paint('red'), yellow: paint('yellow'), cyan: paint('cyan') };
}
