import { lazy, type ComponentType } from 'react';

/**
 * A screen loaded when first shown: `load` is the feature's own dynamic import of the file that holds it,
 * so the start-up bundle carries only the feature's index (see renderer/views.tsx).
 */
export function lazyView<K extends string, P extends object>(load: () => Promise<Record<K, ComponentType<P>>>, name: K) {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}
