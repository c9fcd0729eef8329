import { languageTag, type Lang } from '../model/catalog';

/**
 * The one way the UI shows a date or a time: in the UI language's own format (zh-CN 2026/12/01 08:57:07,
 * en 12/01/2026, 8:57:07 AM), never the browser's locale. `timeZone` is for tests; the app uses the local zone.
 */
export type DateStyle = 'time' | 'date' | 'datetime';

const OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  time: { minute: '2-digit', second: '2-digit' },
  date: { year: 'numeric', month: '2-digit', day: '2-digit' },
  datetime: { year: 'numeric', month: '2-digit', day: '2-digit', minute: '2-digit' },
};
const formats = new Map<string, Intl.DateTimeFormat>();

export function formatDate(at: Date | string | number, lang: Lang, style: DateStyle = 'datetime', timeZone?: string): string {
  const d = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(d.getTime())) return '';
  const key = `${lang}|${style}|${timeZone ?? ''}`;
  let f = formats.get(key);
  if (!f) {
    // zh-CN reads the 24-hour clock (08:57:07); en the 12-hour one with AM/PM (8:57:07 AM).
    const hour: Intl.DateTimeFormatOptions = style === 'date' ? {} : lang === 'en' ? { hour: 'numeric', hour12: true } : { hour: '2-digit', hour12: false };
    f = new Intl.DateTimeFormat(languageTag(lang), { ...OPTIONS[style], ...hour, ...(timeZone ? { timeZone } : {}) });
    formats.set(key, f);
  }
  return f.format(d);
}
