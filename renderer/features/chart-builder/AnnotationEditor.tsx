import { useState } from 'react';
import type { ChartData } from '../../../shared/charts/chart-data';
import type { ChartSpec, FilterValue } from '../../../shared/model/chart-spec';
import { useLang } from '../../i18n/LangContext';

interface Props {
  spec: ChartSpec;
  /** The drawn chart: annotations attach to one of its x values. */
  data?: ChartData;
  update(next: ChartSpec): void;
}

/** 标注: a short text at one x value of the chart (one per value), listed as chips that remove it. */
export function AnnotationEditor({ spec, data, update }: Props) {
  const { t } = useLang();
  const [note, setNote] = useState<{ at: string; text: string }>({ at: '', text: '' });
  const addNote = () => {
    const i = data?.categories.indexOf(note.at) ?? -1;
    if (!data || i < 0 || !note.text.trim()) return;
    const x: FilterValue = data.keys[i];
    update({ ...spec, annotations: [...spec.annotations.filter((a) => a.x !== x), { x, text: note.text.trim(), style: 'point' }] });
    setNote({ at: '', text: '' });
  };
  return (
    <div className="builder-notes">
      <label>
        {t('builder.annotationAt')}
        <select value={note.at} onChange={(e) => setNote({ ...note, at: e.target.value })}>
          <option value="" />
          {data?.categories.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('builder.annotationText')}
        <input value={note.text} onChange={(e) => setNote({ ...note, text: e.target.value })} />
      </label>
      <button type="button" onClick={addNote} disabled={!note.at || !note.text.trim()}>
        {t('builder.addAnnotation')}
      </button>
      {spec.annotations.map((a) => (
        <span key={String(a.x)} className="chip">
          {String(a.x)}：{a.text}
          <button type="button" aria-label={t('builder.delete', { title: a.text })} onClick={() => update({ ...spec, annotations: spec.annotations.filter((x) => x !== a) })}>
            ×
          </button>
        </span>
      ))}
    </div>
  );
}
