// The export feature's public face (other features and the app import only this file).
export { ResultExport } from './ResultExport';
export { saveExport } from './save';
export { registerChartExport } from './register-chart-export';
export { exportChartsDocx } from './charts-docx';
