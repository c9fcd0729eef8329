import { useState, type DragEvent } from 'react';
import type { ColumnInfo } from '../../../shared/db-catalog';
import type { PivotSpec } from '../../../shared/model/pivot-spec';
import { useLang } from '../../i18n/LangContext';
import { addToZone, removeFromZone, type Zone } from './pivot-edits';
import { ValueChip } from './ValueChip';

interface Props {
  spec: PivotSpec;
  columns: readonly ColumnInfo[];
  update(next: PivotSpec): void;
}

/** What a dragged field carries: its column name ('' = the row count). */
const DRAG_TYPE = 'application/x-sgw-field';
const ROW_COUNT = '';

/** The source's fields (drag them) and the three zones rows / columns / values (drop or pick into them). */
export function PivotZones({ spec, columns, update }: Props) {
  const { t } = useLang();
  const byName = (name: string) => (name === ROW_COUNT ? null : (columns.find((c) => c.name === name) ?? null));
  const add = (zone: Zone, name: string) => {
    if (name !== ROW_COUNT && !byName(name)) return;
    update(addToZone(spec, zone, byName(name)));
  };
  return (
    <>
      <div>
        <h3 className="small">{t('pivot.fields')}</h3>
        <ul className="pivot-fields" aria-label={t('pivot.fields')}>
          {columns.map((c) => (
            <li key={c.name} draggable onDragStart={(e) => e.dataTransfer.setData(DRAG_TYPE, c.name)} title={c.type}>
              {c.name}
            </li>
          ))}
        </ul>
      </div>
      {(['rows', 'cols', 'values'] as const).map((zone) => (
        <DropZone key={zone} zone={zone} onDrop={(name) => add(zone, name)}>
          {zone === 'values'
            ? spec.values.map((v, i) => <ValueChip key={i} spec={spec} index={i} columns={columns} update={update} />)
            : spec[zone].map((name, i) => (
                <div key={name} className="pivot-chip">
                  <span>{name}</span>
                  <button type="button" className="link" aria-label={t('pivot.remove', { name })} onClick={() => update(removeFromZone(spec, zone, i))}>
                    ×
                  </button>
                </div>
              ))}
          <label>
            {t(`pivot.add.${zone}`)}
            <select value="-" onChange={(e) => add(zone, e.target.value)}>
              <option value="-">{t('pivot.dropHere')}</option>
              {zone === 'values' && <option value={ROW_COUNT}>{t('pivot.add.rowCount')}</option>}
              {columns
                .filter((c) => zone === 'values' || !spec[zone].includes(c.name))
                .map((c) => (
                  <option key={c.name} value={c.name}>
                    {c.name}
                  </option>
                ))}
            </select>
          </label>
        </DropZone>
      ))}
    </>
  );
}

function DropZone({ zone, onDrop, children }: { zone: Zone; onDrop(name: string): void; children: React.ReactNode }) {
  const { t } = useLang();
  const [over, setOver] = useState(false);
  const accept = (e: DragEvent) => {
    if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
    e.preventDefault();
    setOver(true);
  };
  return (
    <section
      className={over ? 'pivot-zone over' : 'pivot-zone'}
      aria-label={t(`pivot.zone.${zone}`)}
      onDragOver={accept}
      onDragEnter={accept}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        onDrop(e.dataTransfer.getData(DRAG_TYPE));
      }}
    >
      <h3>{t(`pivot.zone.${zone}`)}</h3>
      {children}
    </section>
  );
}
