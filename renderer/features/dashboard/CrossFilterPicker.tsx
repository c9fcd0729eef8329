import { useEffect, useId, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { ChartData } from '../../../shared/charts/chart-data';
import type { FilterValue } from '../../../shared/model/chart-spec';
import { geoMapFeatures } from '../../charts/geo-maps';
import { useLang } from '../../i18n/LangContext';
import { crossFilterChoices, moveActive, typeAhead } from './cross-filter-choices';
import './cross-filter.css';

interface Props {
  /** The card's title, for stable accessible names ("按此图筛选 按主题"). */
  title: string;
  data?: ChartData;
  /** The x value this card currently filters the others by. */
  selected?: FilterValue;
  /** Same contract as a click on the chart: picking the selected value again removes the filter. */
  onPick(value: FilterValue): void;
}

/** A listed item: an x value, or (key undefined) 清除此筛选. */
interface Item {
  key?: FilterValue;
  label: string;
}

/**
 * The keyboard and screen-reader route to cross-filtering: a button opening a listbox of the x values the
 * chart shows. Arrow keys, Home/End, PageUp/PageDown and type-ahead move; Enter or Space picks; Esc closes
 * and returns focus to the button.
 */
export function CrossFilterPicker({ title, data, selected, onPick }: Props) {
  const { t } = useLang();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const typed = useRef({ text: '', at: 0 });
  const choices = useMemo(() => (data ? crossFilterChoices(data, geoMapFeatures(data.basemap)) : []), [data]);
  const current = selected === undefined ? undefined : (choices.find((c) => c.key === selected)?.label ?? String(selected));
  const items: Item[] = useMemo(
    () => [...(selected === undefined ? [] : [{ label: t('dash.xf.clear') }]), ...choices],
    [choices, selected, t],
  );
  const optionId = (i: number) => `${id}-option-${i}`;

  useEffect(() => {
    if (open) list.current?.focus();
  }, [open]);
  useEffect(() => {
    if (open) document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  });

  const show = (at?: 'last') => {
    const picked = items.findIndex((it) => it.key !== undefined && it.key === selected);
    setActive(at === 'last' ? items.length - 1 : Math.max(picked, 0));
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const choose = (item: Item | undefined) => {
    close();
    const value = item ? (item.key ?? selected) : undefined;
    if (value !== undefined) onPick(value);
  };

  const onButtonKey = (e: KeyboardEvent) => {
    if ((e.key !== 'ArrowDown' && e.key !== 'ArrowUp') || items.length === 0) return;
    e.preventDefault();
    show(e.key === 'ArrowUp' ? 'last' : undefined);
  };
  const onListKey = (e: KeyboardEvent) => {
    const moved = moveActive(e.key, active, items.length);
    if (moved !== undefined) {
      e.preventDefault();
      setActive(moved);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      choose(items[active]);
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      const at = e.timeStamp;
      typed.current = { text: at - typed.current.at < 700 ? typed.current.text + e.key : e.key, at };
      const hit = typeAhead(items.map((it) => it.label), typed.current.text.length > 1 ? active - 1 : active, typed.current.text);
      if (hit >= 0) setActive(hit);
    }
  };
  // Focus leaving the picker (a click elsewhere, Tab) closes the list.
  const onBlur = (e: FocusEvent) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false);
  };

  const status = current === undefined ? t('dash.xf.none') : t('dash.xf.status', { column: data?.categoryLabel ?? '', value: current });
  return (
    <div className="xf-picker" onBlur={onBlur}>
      <button
        ref={button}
        type="button"
        className="xf-button"
        aria-label={t('dash.xf.button', { title })}
        aria-describedby={`${id}-status`}
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-controls={open ? `${id}-list` : undefined}
        data-active={current !== undefined || undefined}
        // aria-disabled, not disabled: a pick reloads the chart's values, and a button disabled meanwhile would
        // drop the focus the pick has just returned to it.
        aria-disabled={items.length === 0 || undefined}
        onClick={() => (open ? setOpen(false) : items.length > 0 && show())}
        onKeyDown={onButtonKey}
      >
        {t('dash.xf.label')}
        {current !== undefined && <span className="xf-value">：{current}</span>}
        <span aria-hidden="true" className="xf-caret">
          ▾
        </span>
      </button>
      {open && (
        <div
          ref={list}
          id={`${id}-list`}
          role="listbox"
          tabIndex={-1}
          aria-label={t('dash.xf.values', { title })}
          aria-activedescendant={items.length ? optionId(active) : undefined}
          className="xf-list"
          onKeyDown={onListKey}
          onDragStart={(e) => e.preventDefault()}
        >
          {items.map((item, i) => (
            <div
              key={item.key === undefined ? '' : `${typeof item.key}:${item.key}`}
              id={optionId(i)}
              role="option"
              aria-selected={item.key !== undefined && item.key === selected}
              className={`xf-option${i === active ? ' active' : ''}${item.key === undefined ? ' xf-clear' : ''}`}
              onClick={() => choose(item)}
              onPointerMove={() => setActive(i)}
            >
              {item.label}
            </div>
          ))}
        </div>
      )}
      <span id={`${id}-status`} role="status" className="sr-only">
        {status}
      </span>
    </div>
  );
}
