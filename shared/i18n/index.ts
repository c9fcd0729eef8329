import type { Lang } from '../model/catalog';
import { en, zhCN, type MessageKey } from './messages';

export type { MessageKey };
export { LANGS, isLang } from '../model/catalog';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  const table: Record<MessageKey, string> = lang === 'en' ? en : zhCN;
  return (key, params) => table[key].replace(/\{(\w+)\}/g, (m, name: string) => (params && name in params ? String(params[name]) : m));
}
