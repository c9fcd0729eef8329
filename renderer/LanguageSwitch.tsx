import { useLang } from './i18n/LangContext';

export function LanguageSwitch() {
  const { lang, setLang, t } = useLang();
  return (
    <div className="lang-switch" role="group" aria-label={t('app.language')}>
      <button type="button" aria-pressed={lang === 'zh-CN'} onClick={() => setLang('zh-CN')} lang="zh-CN">
        中文
      </button>
      <button type="button" aria-pressed={lang === 'en'} onClick={() => setLang('en')} lang="en">
        English
      </button>
    </div>
  );
}
