"""The 统计 (statistics) page: funnel, rates and their patients, charts and export."""
