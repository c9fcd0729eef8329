import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { translator, type Translate } from '../../shared/i18n';
import type { Lang } from '../../shared/model/catalog';
import { getDesktop } from '../desktop';
import { useDocument } from '../workspace';

interface LangState {
  lang: Lang;
  t: Translate;
  setLang(lang: Lang): void;
}

const LangContext = createContext<LangState | null>(null);

/** The UI language: a workspace setting (remembered in the profile; a project opened brings its own). */
export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useDocument('lang');
  const value = useMemo(() => ({ lang, t: translator(lang), setLang: (next: Lang) => void setLang(next) }), [lang, setLang]);
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
