/**
 * A tile-grid map of China's 34 province-level units: one square per unit, placed in rough geographic
 * order (column 0 = west, row 0 = north). Hand-made, so it carries no boundary data: real boundaries
 * need 审图号-approved shapes, which users may register as their own GeoJSON.
 * Names are the full official names used in the `province` columns of the bundled tables.
 */
export interface ProvinceTile {
  name: string;
  /** Short name shown on the tile. */
  short: string;
  /** English name. */
  en: string;
  col: number;
  row: number;
}

export const PROVINCE_GRID: readonly ProvinceTile[] = [
  { name: '新疆维吾尔自治区', short: '新疆', en: 'Xinjiang', col: 0, row: 0 },
  { name: '内蒙古自治区', short: '内蒙古', en: 'Inner Mongolia', col: 5, row: 0 },
  { name: '黑龙江省', short: '黑龙江', en: 'Heilongjiang', col: 8, row: 0 },
  { name: '甘肃省', short: '甘肃', en: 'Gansu', col: 2, row: 1 },
  { name: '宁夏回族自治区', short: '宁夏', en: 'Ningxia', col: 3, row: 1 },
  { name: '山西省', short: '山西', en: 'Shanxi', col: 4, row: 1 },
  { name: '河北省', short: '河北', en: 'Hebei', col: 5, row: 1 },
  { name: '北京市', short: '北京', en: 'Beijing', col: 6, row: 1 },
  { name: '辽宁省', short: '辽宁', en: 'Liaoning', col: 7, row: 1 },
  { name: '吉林省', short: '吉林', en: 'Jilin', col: 8, row: 1 },
  { name: '西藏自治区', short: '西藏', en: 'Tibet', col: 0, row: 2 },
  { name: '青海省', short: '青海', en: 'Qinghai', col: 1, row: 2 },
  { name: '陕西省', short: '陕西', en: 'Shaanxi', col: 3, row: 2 },
  { name: '河南省', short: '河南', en: 'Henan', col: 4, row: 2 },
  { name: '山东省', short: '山东', en: 'Shandong', col: 5, row: 2 },
  { name: '天津市', short: '天津', en: 'Tianjin', col: 6, row: 2 },
  { name: '四川省', short: '四川', en: 'Sichuan', col: 2, row: 3 },
  { name: '重庆市', short: '重庆', en: 'Chongqing', col: 3, row: 3 },
  { name: '湖北省', short: '湖北', en: 'Hubei', col: 4, row: 3 },
  { name: '安徽省', short: '安徽', en: 'Anhui', col: 5, row: 3 },
  { name: '江苏省', short: '江苏', en: 'Jiangsu', col: 6, row: 3 },
  { name: '上海市', short: '上海', en: 'Shanghai', col: 7, row: 3 },
  { name: '云南省', short: '云南', en: 'Yunnan', col: 2, row: 4 },
  { name: '贵州省', short: '贵州', en: 'Guizhou', col: 3, row: 4 },
  { name: '湖南省', short: '湖南', en: 'Hunan', col: 4, row: 4 },
  { name: '江西省', short: '江西', en: 'Jiangxi', col: 5, row: 4 },
  { name: '浙江省', short: '浙江', en: 'Zhejiang', col: 6, row: 4 },
  { name: '广西壮族自治区', short: '广西', en: 'Guangxi', col: 3, row: 5 },
  { name: '广东省', short: '广东', en: 'Guangdong', col: 4, row: 5 },
  { name: '福建省', short: '福建', en: 'Fujian', col: 5, row: 5 },
  { name: '台湾省', short: '台湾', en: 'Taiwan', col: 6, row: 5 },
  { name: '澳门特别行政区', short: '澳门', en: 'Macao', col: 4, row: 6 },
  { name: '香港特别行政区', short: '香港', en: 'Hong Kong', col: 5, row: 6 },
  { name: '海南省', short: '海南', en: 'Hainan', col: 3, row: 7 },
];

export const GRID_COLS = Math.max(...PROVINCE_GRID.map((p) => p.col)) + 1;
export const GRID_ROWS = Math.max(...PROVINCE_GRID.map((p) => p.row)) + 1;

/** The tile for a place name: the full name (浙江省), the short name (浙江) or a longer place in it (浙江省温州市). */
export function findProvince(place: string): ProvinceTile | undefined {
  const p = place.trim();
  return PROVINCE_GRID.find((t) => t.name === p) ?? PROVINCE_GRID.find((t) => t.short === p || p.startsWith(t.name) || p.startsWith(t.short));
}
