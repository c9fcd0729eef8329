import { useEffect, useRef, useState } from 'react';
import type { ProjectHandle } from '../../../shared/desktop-api';
import { useLang } from '../../i18n/LangContext';
import { ProjectNotice } from './ProjectNotice';
import type { ProjectStatus } from './useProject';

interface ProjectMenuProps {
  status: ProjectStatus;
  /** Recent project files (Electron; always empty in the browser). */
  recent: ProjectHandle[];
  onNew(): void;
  onOpen(): void;
  onSave(): void;
  onSaveAs(): void;
  onOpenRecent(handleId: string): void;
  /** The menu is about to show: a chance to refresh `recent`. */
  onShow?(): void;
}

/** The 项目 menu (new / open / save / save as / recent) with the project name and an unsaved-changes marker. */
export function ProjectMenu({ status, recent, onNew, onOpen, onSave, onSaveAs, onOpenRecent, onShow }: ProjectMenuProps) {
  const { t } = useLang();
  const [open, setOpen] = useState(false);
  const name = status.name ?? t('project.untitled');
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const close = (e: MouseEvent) => !menu.current?.parentElement?.contains(e.target as Node) && setOpen(false);
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [open]);

  const item = (label: string, shortcut: string, run: () => void, title?: string) => (
    <button
      key={title}
      type="button"
      role="menuitem"
      title={title}
      onClick={() => {
        setOpen(false);
        run();
      }}
    >
      <span>{label}</span>
      <kbd>{shortcut}</kbd>
    </button>
  );

  return (
    <div className="project-menu">
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => {
          if (!open) onShow?.();
          setOpen(!open);
        }}
      >
        {t('project.menu')}
      </button>
      <span className="project-name" data-testid="project-name" title={status.dirty ? `${name} · ${t('project.unsaved')}` : name}>
        {name}
        {status.dirty && <span aria-label={t('project.unsaved')}> ●</span>}
      </span>
      {open && (
        <div
          ref={menu}
          role="menu"
          aria-label={t('project.menu')}
          className="menu"
          onKeyDown={(e) => {
            if (e.key === 'Escape') setOpen(false);
            if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
            const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
            const i = items.indexOf(document.activeElement as HTMLButtonElement);
            items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
          }}
        >
          {item(t('project.new'), '', onNew)}
          {item(t('project.open'), 'Ctrl+O', onOpen)}
          {item(t('project.save'), 'Ctrl+S', onSave)}
          {item(t('project.saveAs'), 'Ctrl+Shift+S', onSaveAs)}
          {recent.length > 0 && (
            <div role="group" aria-label={t('project.recent')} className="menu-group">
              <div className="menu-heading" aria-hidden="true">
                {t('project.recent')}
              </div>
              {recent.map((h) => item(h.name, '', () => onOpenRecent(h.id), h.location))}
            </div>
          )}
        </div>
      )}
      <ProjectNotice message={status.message} />
    </div>
  );
}
