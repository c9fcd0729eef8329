import { useState } from 'react';
import type { PivotSpec } from '../../../shared/model/pivot-spec';
import type { SavedPivot } from '../../../shared/model/saved-pivots';
import { useLang } from '../../i18n/LangContext';
import { TitleEditor } from '../chart-builder';
import { savePivot, useSavedPivots } from './saved-pivots';

type Step = { kind: 'name' } | { kind: 'copy' } | { kind: 'ask'; title: string; over: SavedPivot } | null;

/**
 * 保存透视表: updates the saved pivot the draft is, else asks for a name; 另存为… saves a new one under a name
 * given. A name another saved pivot has asks first whether to overwrite that one (覆盖) or not (取消).
 */
export function PivotSaveControls({ spec, target }: { spec: PivotSpec; target: SavedPivot | undefined }) {
  const { t } = useLang();
  const saved = useSavedPivots();
  const [step, setStep] = useState<Step>(null);
  const [done, setDone] = useState<string>();
  const store = (title: string, id?: string) => {
    const p = savePivot({ ...spec, title }, id);
    setDone(t(id ? 'pivot.updatedOk' : 'pivot.savedOk', { title: p.spec.title }));
    setStep(null);
  };
  const named = (title: string | null) => {
    if (!title) return setStep(null);
    const over = saved.pivots.find((p) => p.spec.title === title);
    if (over) setStep({ kind: 'ask', title, over });
    else store(title);
  };
  const onSave = () => (target ? store(target.spec.title, target.id) : setStep({ kind: 'name' }));
  const base = spec.title || t('pivot.defaultTitle', { table: spec.table });
  return (
    <div className="save-controls" role="group" aria-label={t('pivot.save')}>
      <button type="button" onClick={onSave} disabled={step !== null}>
        {t('pivot.save')}
      </button>
      {step?.kind === 'name' && <TitleEditor label={t('pivot.saveName')} initial={base} confirmLabel={t('pivot.saveConfirm')} onDone={named} />}
      {step?.kind === 'copy' && <TitleEditor label={t('pivot.saveName')} initial={t('pivot.copyTitle', { title: base })} confirmLabel={t('pivot.saveAsConfirm')} onDone={named} />}
      {step?.kind === 'ask' && (
        <span role="alertdialog" aria-label={t('pivot.overwriteAsk', { title: step.title })} className="title-editor">
          {t('pivot.overwriteAsk', { title: step.title })}
          <button type="button" onClick={() => store(step.title, step.over.id)}>
            {t('pivot.overwrite')}
          </button>
          <button type="button" onClick={() => setStep(null)}>
            {t('builder.cancel')}
          </button>
        </span>
      )}
      {step === null && (
        <button type="button" onClick={() => setStep({ kind: 'copy' })}>
          {t('pivot.saveAs')}
        </button>
      )}
      <span className="muted small" data-testid="pivot-save-target">
        {target ? t('pivot.willUpdate', { title: target.spec.title }) : t('pivot.willSaveNew')}
      </span>
      {done && (
        <span role="status" className="muted small">
          {done}
        </span>
      )}
    </div>
  );
}
