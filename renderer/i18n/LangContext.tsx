import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { isLang, translator, type Translate } from '../../shared/i18n';
import type { Lang } from '../../shared/model/catalog';
import { getDesktop } from '../desktop';

const STORAGE_KEY = 'sgw.lang';

interface LangState {
  lang: Lang;
  t: Translate;
  setLang(lang: Lang): void;
}

const LangContext = createContext<LangState | null>(null);

function initialLang(): Lang {
  const saved = localStorage.getItem(STORAGE_KEY);
  return isLang(saved) ? saved : 'zh-CN';
}

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLangState(next);
  }, []);
  const value = useMemo(() => ({ lang, t: translator(lang), setLang }), [lang, setLang]);
  useEffect(() => {
    document.documentElement.lang = lang;
    // The desktop shell's native menu follows the page's language (the browser fallback does nothing).
    getDesktop()
      .setLanguage(lang)
      .catch((err: unknown) => console.warn('[lang] the desktop menu could not switch language', err));
  }, [lang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang(): LangState {
  const v = useContext(LangContext);
  if (!v) throw new Error('useLang outside LangProvider');
  return v;
}
