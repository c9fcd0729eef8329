import { useState } from 'react';
import type { Correction } from '../../../shared/join/match';
import { joinCorrections, type JoinDef, type JoinSide } from '../../../shared/model/join';
import { useLang } from '../../i18n/LangContext';
import { useWorkbench } from '../../workbench-context';
import { JoinList } from './JoinList';
import { JoinPreviewPanel } from './JoinPreviewPanel';
import { SidePicker } from './SidePicker';
import { useJoin, withCorrection } from './use-join';

/** 合并表: two tables by region (and year), the matching previewed and correctable before the view is made. */
export function JoinView() {
  const { t } = useLang();
  const { tables } = useWorkbench();
  const [left, setLeft] = useState<JoinSide | null>(null);
  const [right, setRight] = useState<JoinSide | null>(null);
  const [how, setHow] = useState<JoinDef['how']>('left');
  const [name, setName] = useState('');
  const [corrections, setCorrections] = useState<Correction[]>([]);
  // The saved join being edited: its name stays (charts, fields and pivots over it keep their table).
  const [editing, setEditing] = useState<string | null>(null);
  const join = useJoin();
  const defaultName = left && right ? `${left.table}_${right.table}` : '';
  const request = (c = corrections) => left && right && { name: name.trim() || defaultName, left, right, how, corrections: c };
  // Any change of the sides starts the matching afresh: the preview shown is always of what is on screen.
  const changed = <T,>(set: (v: T) => void, fresh = false) => (v: T) => {
    set(v);
    if (fresh) setCorrections([]);
    join.clear();
  };
  const correct = (c: Correction) => {
    const next = withCorrection(corrections, c);
    setCorrections(next);
    const req = request(next);
    if (req) void join.run(req, editing);
  };
  // Reopens a saved join with its keys and corrections, and shows its matching again at once.
  const edit = (def: JoinDef) => {
    const c = joinCorrections(def);
    setLeft(def.left);
    setRight(def.right);
    setHow(def.how);
    setName(def.name);
    setCorrections(c);
    setEditing(def.name);
    void join.run({ name: def.name, left: def.left, right: def.right, how: def.how, corrections: c }, def.name);
  };
  const stopEditing = () => {
    setEditing(null);
    setName('');
    join.clear();
  };

  return (
    <div className="join-view">
      <h2>{t('joinUi.heading')}</h2>
      <p className="muted">{t('joinUi.intro')}</p>
      {editing && (
        <p role="status" className="join-editing">
          {t('joinUi.editing', { name: editing })}{' '}
          <button type="button" onClick={stopEditing}>
            {t('joinUi.stopEditing')}
          </button>
        </p>
      )}
      <div className="join-sides">
        <SidePicker legend={t('joinUi.left')} tables={tables} side={left} onChange={changed(setLeft, true)} />
        <SidePicker legend={t('joinUi.right')} tables={tables} side={right} onChange={changed(setRight, true)} />
      </div>
      <label>
        {t('joinUi.how')}
        <select value={how} onChange={(e) => changed(setHow)(e.target.value as JoinDef['how'])}>
          <option value="left">{t('joinUi.how.left')}</option>
          <option value="inner">{t('joinUi.how.inner')}</option>
        </select>
      </label>
      <label>
        {t('joinUi.name')}
        <input value={name} placeholder={defaultName} readOnly={editing !== null} onChange={(e) => changed(setName)(e.target.value)} />
      </label>
      <button
        type="button"
        disabled={!left || !right || join.busy}
        onClick={() => {
          const req = request();
          if (req) void join.run(req, editing);
        }}
      >
        {join.busy ? t('joinUi.previewing') : t('joinUi.preview')}
      </button>
      {join.problem && <p role="alert">{join.problem}</p>}
      {join.created && <p role="status">{join.created}</p>}
      {join.preview && (
        <JoinPreviewPanel
          preview={join.preview}
          busy={join.busy}
          editing={editing !== null}
          onCorrect={correct}
          onCreate={() => void join.create(editing).then((ok) => ok && editing !== null && stopEditing())}
        />
      )}
      <JoinList onEdit={edit} />
    </div>
  );
}
