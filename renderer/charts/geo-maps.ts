import { useSyncExternalStore } from 'react';
import { echarts } from './echarts';
import type { GeoMap } from '../../shared/charts/geojson';
import { workspace } from '../workspace';

/**
 * User-registered GeoJSON basemaps: registered with ECharts, kept in the profile when small enough (the
 * workspace store's `geoMaps` setting; never in projects).
 */
const maps = new Map<string, GeoMap>();
const listeners = new Set<() => void>();
let names: string[] = [];

function publish() {
  names = [...maps.keys()];
  listeners.forEach((l) => l());
}

/** Registers (or replaces) a basemap; returns whether it was also saved for the next start. */
export function registerGeoMap(name: string, map: GeoMap): boolean {
  echarts.registerMap(name, map as unknown as Parameters<typeof echarts.registerMap>[1]);
  maps.set(name, map);
  publish();
  return workspace.set('geoMaps', Object.fromEntries(maps));
}

export function geoMapFeatures(name: string | undefined): string[] | undefined {
  return name ? maps.get(name)?.features.map((f) => f.properties.name) : undefined;
}

/** Re-registers the basemaps saved in earlier sessions (once, at start-up). */
export function restoreGeoMaps(): void {
  for (const [name, map] of Object.entries(workspace.get('geoMaps'))) {
    echarts.registerMap(name, map as unknown as Parameters<typeof echarts.registerMap>[1]);
    maps.set(name, map);
  }
  publish();
}

export function useGeoMapNames(): string[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => names,
  );
}
