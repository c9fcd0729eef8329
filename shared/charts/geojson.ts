/**
 * Users' own boundary maps. China's boundaries in public maps need 审图号-approved shapes, so none ship with
 * the app; a user registers licensed GeoJSON and picks it as a map chart's basemap.
 */
export interface GeoFeature {
  type: 'Feature';
  properties: { name: string } & Record<string, unknown>;
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown[] };
}

export interface GeoMap {
  type: 'FeatureCollection';
  features: GeoFeature[];
}

export const MAX_GEOJSON_BYTES = 20 * 1024 * 1024;
const NAME_KEYS = ['name', 'NAME', 'Name', 'fullname', '名称'];

export class GeoJsonError extends Error {}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Validates GeoJSON text: a FeatureCollection of named Polygon/MultiPolygon features. */
export function parseGeoJson(text: string): GeoMap {
  if (text.length > MAX_GEOJSON_BYTES) throw new GeoJsonError('too-large');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new GeoJsonError('not-json');
  }
  if (!isObj(json) || json.type !== 'FeatureCollection' || !Array.isArray(json.features) || json.features.length === 0) {
    throw new GeoJsonError('not-feature-collection');
  }
  const features = json.features.map((f): GeoFeature => {
    if (!isObj(f) || !isObj(f.geometry) || !isObj(f.properties)) throw new GeoJsonError('bad-feature');
    const { type, coordinates } = f.geometry;
    if ((type !== 'Polygon' && type !== 'MultiPolygon') || !Array.isArray(coordinates)) throw new GeoJsonError('bad-geometry');
    const key = NAME_KEYS.find((k) => typeof (f.properties as Record<string, unknown>)[k] === 'string');
    if (!key) throw new GeoJsonError('unnamed-feature');
    return { type: 'Feature', properties: { ...f.properties, name: String((f.properties as Record<string, unknown>)[key]) }, geometry: { type, coordinates } };
  });
  return { type: 'FeatureCollection', features };
}

/** 浙江 / 浙江省 / 浙江省人民政府 all name one region: compare without administrative suffixes. */
function stem(name: string): string {
  return name.trim().replace(/(省|市|自治区|特别行政区|壮族|回族|维吾尔|地区|盟|自治州|区|县)+$/u, '');
}

/** For each data category, the feature name it draws on (undefined when none matches). */
export function matchFeatureNames(categories: string[], featureNames: string[]): (string | undefined)[] {
  const exact = new Set(featureNames);
  const byStem = new Map(featureNames.map((n) => [stem(n), n]));
  return categories.map((c) => (exact.has(c) ? c : byStem.get(stem(c))));
}
