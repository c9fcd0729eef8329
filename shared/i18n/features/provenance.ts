export const provenanceZh = {
  'prov.button': '第 {row} 行出处',
  'prov.title': '数据出处',
  'prov.document': '来源文档',
  'prov.quote': '原文',
  'prov.note': '校注',
  'prov.close': '关闭',
  'catalog.description': '说明',
  'catalog.sources': '来源文档',
  'catalog.unit': '单位：{unit}',
} as const;

export const provenanceEn: Record<keyof typeof provenanceZh, string> = {
  'prov.button': 'Source of row {row}',
  'prov.title': 'Source of this figure',
  'prov.document': 'Document',
  'prov.quote': 'Quote',
  'prov.note': 'Note',
  'prov.close': 'Close',
  'catalog.description': 'About',
  'catalog.sources': 'Source documents',
  'catalog.unit': 'Unit: {unit}',
};
