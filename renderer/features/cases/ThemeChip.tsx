import { themeColour, themeLabel } from '../../../shared/cases/model';
import { useLang } from '../../i18n/LangContext';

export function ThemeChip({ theme }: { theme: string }) {
  const { lang } = useLang();
  return (
    <span className="theme-chip" style={{ borderColor: themeColour(theme) }}>
      <span className="theme-dot" style={{ background: themeColour(theme) }} aria-hidden="true" />
      {themeLabel(theme, lang)}
    </span>
  );
}
