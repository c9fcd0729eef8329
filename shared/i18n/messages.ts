/**
 * UI and CLI text. zh-CN is the source of truth; `en` must have exactly the same keys (checked by the type).
 * Each feature keeps its own catalog pair in ./features/<feature>.ts and adds it to both spreads below.
 */
import { importEn, importZh } from './features/import';
import { geoEn, geoZh } from './features/geo';
import { projectEn, projectZh } from './features/project';
import { provenanceEn, provenanceZh } from './features/provenance';
import { exportEn, exportZh } from './features/export';
import { casesEn, casesZh } from './features/cases';
import { chartsEn, chartsZh } from './features/charts';
import { chartReadingEn, chartReadingZh } from './features/chart-reading';
import { cliEn, cliZh } from './features/cli';
import { menuEn, menuZh } from './features/menu';
import { desktopEn, desktopZh } from './features/desktop';
import { workspaceEn, workspaceZh } from './features/workspace';
import { calcEn, calcZh } from './features/calc';
import { calcUiEn, calcUiZh } from './features/calc-ui';
import { savedChartsEn, savedChartsZh } from './features/saved-charts';
import { pivotSavedEn, pivotSavedZh } from './features/pivot-saved';
import { analysisEn, analysisZh } from './features/analysis';
import { analysisUiEn, analysisUiZh } from './features/analysis-ui';
import { catalogEn, catalogZh } from './features/catalog';

const coreZh = {
  'app.title': '社会治理数据工作台',
  'app.loadingEngine': '正在启动数据库引擎…',
  'app.loadingView': '正在打开…',
  'app.engineReady': '数据库已就绪',
  'app.engineTiming': '引擎启动 {start} 毫秒，内置数据加载 {load} 毫秒',
  'app.engineFailed': '数据库引擎启动失败：{detail}',
  'app.language': '界面语言',
  'app.shell.web': '网页版',
  'app.shell.electron': '桌面版',
  'nav.workbench': '工作台',
  'nav.views': '功能页面',
  'catalog.title': '数据表',
  'catalog.rows': '{rows} 行',
  'catalog.columns': '{count} 列',
  'catalog.view': '视图',
  'catalog.empty': '尚无数据表',
  'catalog.insertName': '在编辑器中查询此表',
  'sql.title': 'SQL 查询',
  'sql.editor': 'SQL 编辑器',
  'sql.run': '运行',
  'sql.runHint': 'Ctrl/⌘ + Enter 运行',
  'sql.cancel': '取消查询',
  'sql.running': '正在查询…',
  'sql.cancelled': '查询已取消',
  'sql.rowCount': '{rows} 行',
  'sql.elapsed': '用时 {ms} 毫秒',
  'sql.history': '查询历史',
  'sql.historyEmpty': '暂无历史记录',
  'sql.historyClear': '清空历史',
  'sql.results': '查询结果',
  'sql.noResults': '运行查询后在此查看结果',
  'sql.errorTitle.syntax': 'SQL 语法错误',
  'sql.errorTitle.catalog': '找不到表、视图或函数',
  'sql.errorTitle.binder': '找不到列，或列与函数不匹配',
  'sql.errorTitle.conversion': '数据类型转换失败',
  'sql.errorTitle.constraint': '违反数据约束',
  'sql.errorTitle.memory': '内存不足，请缩小查询范围',
  'sql.errorTitle.cancelled': '查询已取消',
  'sql.errorTitle.offline': '离线版不含此功能',
  'sql.errorTitle.other': '查询失败',
  'sql.offline.detail': '这条语句需要数据库引擎的 {extension} 扩展（{functions}），离线版不包含，也不会联网下载。请改用内置函数，或先在导入时把数据整理好。',
  'sql.offline.json': 'JSON 函数：to_json、json_extract、read_json、JSON 类型等',
  'sql.offline.parquet': 'Parquet 读写：read_parquet、COPY … (FORMAT parquet)；导入 Parquet 文件请用“导入数据”',
  'sql.offline.icu': '时区与排序规则：AT TIME ZONE、timezone()、current_date，以及对带时区时间（如 now()）取 date_part、year、date_trunc、age、epoch 等，COLLATE 等；可先转换为不带时区的时间，如 year(now()::TIMESTAMP)',
  'sql.offline.excel': 'Excel 函数：read_xlsx、text() 等；导入 Excel 请用“导入数据”',
  'sql.offline.httpfs': '读取网络地址（http://、https://、s3://）',
  'sql.offline.other': '{extension} 扩展中的函数',
  'sql.internalDetail': '数据库引擎内部出错。请检查语句后重试；若反复出现，请重新打开工作台。',
  'sql.errorHint': '查询文本已保留，修改后可再次运行。',
  'chart.title': '图表',
  'chart.sql': '图表查询',
  'chart.openInConsole': '在 SQL 查询中打开',
  'chart.empty': '查询没有返回数据',
  'chart.tooMany': '这张图有超过 {max} 个数据点（维度或系列的取值太多），无法绘制：请设置“前N项”、添加筛选或换一个维度。',
  'chart.loading': '图表加载中…',
  'chart.early': '数据库引擎仍在启动：此图先按构建时算好的结果绘制，引擎就绪后换成实时查询结果。',
  'chart.source': '来源：{source}',
  'chart.dataTable': '{title} 的数据',
  'chart.noTable': '找不到数据表 {table}：它可能属于另一个项目，或已被删除',
} as const;

const coreEn: Record<keyof typeof coreZh, string> = {
  'app.title': 'Social Governance Data Workbench',
  'app.loadingEngine': 'Starting the database engine…',
  'app.loadingView': 'Opening…',
  'app.engineReady': 'Database ready',
  'app.engineTiming': 'Engine started in {start} ms; bundled data loaded in {load} ms',
  'app.engineFailed': 'The database engine failed to start: {detail}',
  'app.language': 'Language',
  'app.shell.web': 'Web',
  'app.shell.electron': 'Desktop',
  'nav.workbench': 'Workbench',
  'nav.views': 'Screens',
  'catalog.title': 'Tables',
  'catalog.rows': '{rows} rows',
  'catalog.columns': '{count} columns',
  'catalog.view': 'view',
  'catalog.empty': 'No tables yet',
  'catalog.insertName': 'Query this table in the editor',
  'sql.title': 'SQL query',
  'sql.editor': 'SQL editor',
  'sql.run': 'Run',
  'sql.runHint': 'Ctrl/⌘ + Enter to run',
  'sql.cancel': 'Cancel query',
  'sql.running': 'Running…',
  'sql.cancelled': 'Query cancelled',
  'sql.rowCount': '{rows} rows',
  'sql.elapsed': '{ms} ms',
  'sql.history': 'Query history',
  'sql.historyEmpty': 'No history yet',
  'sql.historyClear': 'Clear history',
  'sql.results': 'Results',
  'sql.noResults': 'Run a query to see results here',
  'sql.errorTitle.syntax': 'SQL syntax error',
  'sql.errorTitle.catalog': 'Table, view or function not found',
  'sql.errorTitle.binder': 'Column not found, or it does not fit the function',
  'sql.errorTitle.conversion': 'A value could not be converted',
  'sql.errorTitle.constraint': 'A data constraint was violated',
  'sql.errorTitle.memory': 'Out of memory: narrow the query',
  'sql.errorTitle.cancelled': 'Query cancelled',
  'sql.errorTitle.offline': 'Not available in the offline edition',
  'sql.errorTitle.other': 'The query failed',
  'sql.offline.detail': 'This statement needs the engine’s {extension} extension ({functions}), which the offline edition does not include and will not download. Use built-in functions, or shape the data when importing.',
  'sql.offline.json': 'JSON functions: to_json, json_extract, read_json, the JSON type…',
  'sql.offline.parquet': 'Parquet reading and writing: read_parquet, COPY … (FORMAT parquet); to import a Parquet file use “Import data”',
  'sql.offline.icu': 'time zones and collations: AT TIME ZONE, timezone(), current_date, and date_part, year, date_trunc, age, epoch … on times with a time zone (such as now()), COLLATE…; convert to a time without a zone first, e.g. year(now()::TIMESTAMP)',
  'sql.offline.excel': 'Excel functions: read_xlsx, text()…; to import Excel use “Import data”',
  'sql.offline.httpfs': 'reading web addresses (http://, https://, s3://)',
  'sql.offline.other': 'functions of the {extension} extension',
  'sql.internalDetail': 'The database engine failed internally. Check the statement and try again; if it keeps happening, reopen the workbench.',
  'sql.errorHint': 'Your query text is kept; edit it and run again.',
  'chart.title': 'Chart',
  'chart.sql': 'Chart query',
  'chart.openInConsole': 'Open in SQL query',
  'chart.empty': 'The query returned no data',
  'chart.tooMany': 'This chart would have more than {max} data points (too many values on the dimension or series): set Top N, add a filter or pick another dimension.',
  'chart.loading': 'Loading chart…',
  'chart.early': 'The database engine is still starting: this chart is drawn from the answer computed when the app was built, and the live query result replaces it once the engine is ready.',
  'chart.source': 'Source: {source}',
  'chart.dataTable': 'Data of {title}',
  'chart.noTable': 'The table {table} is not here: it may belong to another project, or it was dropped',
};

export const zhCN = { ...coreZh, ...geoZh, ...importZh, ...provenanceZh, ...projectZh, ...exportZh, ...casesZh, ...chartsZh, ...chartReadingZh, ...cliZh, ...menuZh, ...desktopZh, ...workspaceZh, ...calcZh, ...calcUiZh, ...savedChartsZh, ...analysisZh, ...analysisUiZh, ...catalogZh, ...pivotSavedZh };
export type MessageKey = keyof typeof zhCN;
export const en: Record<MessageKey, string> = { ...coreEn, ...geoEn, ...importEn, ...provenanceEn, ...projectEn, ...exportEn, ...casesEn, ...chartsEn, ...chartReadingEn, ...cliEn, ...menuEn, ...desktopEn, ...workspaceEn, ...calcEn, ...calcUiEn, ...savedChartsEn, ...analysisEn, ...analysisUiEn, ...catalogEn, ...pivotSavedEn };
