import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/** The size every slide is laid out at (16:9, as the pptx and the printed pages). */
export const SLIDE_SIZE = { width: 1280, height: 720 } as const;

/**
 * A slide laid out at SLIDE_SIZE and scaled to fit its box, so the stage, the presenter view's preview and a
 * small window all show the same layout — the cards keep their columns, the source line stays under them and
 * the chart's axis labels keep their spacing — instead of reflowing to the box's width.
 */
export function SlideFrame({ children }: { children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(1);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const fit = () => setScale(Math.min(el.clientWidth / SLIDE_SIZE.width, el.clientHeight / SLIDE_SIZE.height) || 1);
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <div className="slide-frame" ref={box}>
      <div className="slide-canvas" style={{ width: SLIDE_SIZE.width, height: SLIDE_SIZE.height, transform: `scale(${scale})` }}>
        {children}
      </div>
    </div>
  );
}
