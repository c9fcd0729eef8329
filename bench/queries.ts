/** The analytical operations we time, identical SQL on both engines. Table: cube. */
export const QUERIES: Record<string, string> = {
  groupByRegionYear: 'SELECT 地区, 年份, sum(数值) AS 合计, count(*) AS 条数 FROM cube GROUP BY 地区, 年份',
  topN: "SELECT 地区, sum(数值) AS 合计 FROM cube WHERE 指标 = '机构数' GROUP BY 地区 ORDER BY 合计 DESC LIMIT 10",
  yoyGrowth: `SELECT 地区, 年份, 合计, 合计 / lag(合计) OVER (PARTITION BY 地区 ORDER BY 年份) - 1 AS 同比
    FROM (SELECT 地区, 年份, sum(数值) AS 合计 FROM cube GROUP BY 地区, 年份)`,
  pivot: `SELECT 地区, sum(数值) FILTER (WHERE 类型 = '社会团体') AS 社会团体, sum(数值) FILTER (WHERE 类型 = '民办非企业单位') AS 民办非企业单位,
    sum(数值) FILTER (WHERE 类型 = '基金会') AS 基金会, sum(数值) FILTER (WHERE 类型 = '社会服务机构') AS 社会服务机构 FROM cube GROUP BY 地区`,
};

export const CSV_COLUMNS = "{'地区': 'VARCHAR', '年份': 'INTEGER', '类型': 'VARCHAR', '指标': 'VARCHAR', '机构名称': 'VARCHAR', '数值': 'DOUBLE'}";
