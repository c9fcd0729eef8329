import { STARTERS, type StarterId } from '../../../shared/calc/starters';
import { useLang } from '../../i18n/LangContext';

interface Props {
  onStarter(id: StarterId): void;
  /** 同比 is a kind of field of its own (a window), not a formula: its button switches the field's kind. */
  onYoy(): void;
}

/** 常用公式: one button per template (比率, 每万人, 四舍五入, 条件, 文本连接, 取年份) and 同比. */
export function FormulaStarters({ onStarter, onYoy }: Props) {
  const { t } = useLang();
  return (
    <div role="group" aria-label={t('calcUi.starters')} className="formula-starters">
      <span className="muted small">{t('calcUi.starters')}</span>
      {STARTERS.map((id) => (
        // preventDefault on mousedown keeps the formula's selection, so the template goes where the caret was.
        <button key={id} type="button" className="small" onMouseDown={(e) => e.preventDefault()} onClick={() => onStarter(id)}>
          {t(`calcUi.starter.${id}`)}
        </button>
      ))}
      <button type="button" className="small" onClick={onYoy}>
        {t('calcUi.starter.yoy')}
      </button>
    </div>
  );
}
