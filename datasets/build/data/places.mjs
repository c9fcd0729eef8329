// Region names shared by the figure rows and the statements of seed 001 (the eight local cases).
export const BEICAI = '上海市浦东新区北蔡镇';
export const DALIAN = '辽宁省大连市';
export const CHENGHUA = '四川省成都市成华区';
export const WENZHOU = '浙江省温州市';
export const ZHENAN = '陕西省商洛市镇安县';
export const LUAN = '安徽省六安市';
