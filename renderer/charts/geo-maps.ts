import { useSyncExternalStore } from 'react';
import * as echarts from 'echarts';
import type { GeoMap } from '../../shared/charts/geojson';

/** User-registered GeoJSON basemaps: registered with ECharts, kept in the browser profile when small enough. */
const STORAGE_KEY = 'sgw.geoMaps';
const MAX_STORED_CHARS = 3_000_000;
const maps = new Map<string, GeoMap>();
const listeners = new Set<() => void>();
let names: string[] = [];

function publish() {
  names = [...maps.keys()];
  listeners.forEach((l) => l());
}

function persist(): boolean {
  const text = JSON.stringify(Object.fromEntries(maps));
  if (text.length > MAX_STORED_CHARS) return false;
  try {
    localStorage.setItem(STORAGE_KEY, text);
    return true;
  } catch {
    return false;
  }
}

/** Registers (or replaces) a basemap; returns whether it was also saved for the next start. */
export function registerGeoMap(name: string, map: GeoMap): boolean {
  echarts.registerMap(name, map as unknown as Parameters<typeof echarts.registerMap>[1]);
  maps.set(name, map);
  publish();
  return persist();
}

export function geoMapFeatures(name: string | undefined): string[] | undefined {
  return name ? maps.get(name)?.features.map((f) => f.properties.name) : undefined;
}

/** Re-registers the basemaps saved in earlier sessions (once, at start-up). */
export function restoreGeoMaps(): void {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Record<string, GeoMap>;
    for (const [name, map] of Object.entries(saved)) {
      echarts.registerMap(name, map as unknown as Parameters<typeof echarts.registerMap>[1]);
      maps.set(name, map);
    }
  } catch {
    localStorage.removeItem(STORAGE_KEY);
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
