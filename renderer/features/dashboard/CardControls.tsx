import type { ReactNode } from 'react';
import { CARD_SIZES, type CardSize } from '../../../shared/model/dashboard';
import { useLang } from '../../i18n/LangContext';

interface Props {
  title: string;
  size: CardSize;
  onMove(delta: number): void;
  onResize(size: CardSize): void;
  onRemove(): void;
  onSql(): void;
  /** The card kind's own actions (a chart's export menu), placed before ×. */
  children?: ReactNode;
}

/** Every card's buttons, chart or pivot: ← →, 小/中/大, SQL, then its own actions and ×. */
export function CardControls({ title, size, onMove, onResize, onRemove, onSql, children }: Props) {
  const { t } = useLang();
  return (
    <>
      <button type="button" aria-label={t('dash.moveUp', { title })} onClick={() => onMove(-1)}>
        ←
      </button>
      <button type="button" aria-label={t('dash.moveDown', { title })} onClick={() => onMove(1)}>
        →
      </button>
      <span role="group" aria-label={t('dash.size', { title })} className="size-buttons">
        {CARD_SIZES.map((s) => (
          <button key={s} type="button" aria-pressed={size === s} onClick={() => onResize(s)}>
            {t(`dash.size.${s}`)}
          </button>
        ))}
      </span>
      <button type="button" aria-label={t('dash.openSql', { title })} onClick={onSql}>
        SQL
      </button>
      {children}
      <button type="button" aria-label={t('dash.remove', { title })} onClick={onRemove}>
        ×
      </button>
    </>
  );
}
