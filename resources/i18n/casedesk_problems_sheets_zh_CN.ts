<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>{figure} (numerator)</source>
      <translation>{figure}（分子）</translation>
    </message>
    <message>
      <source>{figure} (denominator)</source>
      <translation>{figure}（分母）</translation>
    </message>
    <message>
      <source>{sex}/{age}</source>
      <translation>{sex}/{age}</translation>
    </message>
    <message>
      <source>Worklist</source>
      <translation>工作清单</translation>
    </message>
    <message>
      <source>Statistics</source>
      <translation>统计</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Sex/Age</source>
      <translation>性别/年龄</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>身份证号</translation>
    </message>
    <message>
      <source>Cancer</source>
      <translation>癌种</translation>
    </message>
    <message>
      <source>Stage</source>
      <translation>阶段</translation>
    </message>
    <message>
      <source>Next action</source>
      <translation>下一步</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>到期日</translation>
    </message>
    <message>
      <source>Risk</source>
      <translation>风险</translation>
    </message>
    <message>
      <source>Station</source>
      <translation>站点</translation>
    </message>
    <message>
      <source>Case manager</source>
      <translation>个案管理师</translation>
    </message>
    <message>
      <source>Last contact</source>
      <translation>最近联系</translation>
    </message>
    <message>
      <source>Waiting for referral</source>
      <translation>待转诊</translation>
    </message>
    <message>
      <source>Waiting for MDT</source>
      <translation>待MDT</translation>
    </message>
    <message>
      <source>Sync</source>
      <translation>同步状态</translation>
    </message>
    <message>
      <source>Prevention</source>
      <translation>防</translation>
    </message>
    <message>
      <source>Screening</source>
      <translation>筛</translation>
    </message>
    <message>
      <source>Diagnosis</source>
      <translation>诊</translation>
    </message>
    <message>
      <source>Treatment</source>
      <translation>治</translation>
    </message>
    <message>
      <source>Rehabilitation</source>
      <translation>康</translation>
    </message>
    <message>
      <source>Support</source>
      <translation>帮</translation>
    </message>
    <message>
      <source>Low</source>
      <translation>低</translation>
    </message>
    <message>
      <source>Medium</source>
      <translation>中</translation>
    </message>
    <message>
      <source>High</source>
      <translation>高</translation>
    </message>
    <message>
      <source>Synced</source>
      <translation>已同步</translation>
    </message>
    <message>
      <source>Waiting to sync</source>
      <translation>待同步</translation>
    </message>
    <message>
      <source>Conflict</source>
      <translation>冲突</translation>
    </message>
    <message>
      <source>Refused by the server</source>
      <translation>被拒</translation>
    </message>
    <message>
      <source>M</source>
      <translation>男</translation>
    </message>
    <message>
      <source>F</source>
      <translation>女</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>是</translation>
    </message>
    <message>
      <source>All</source>
      <translation>全部</translation>
    </message>
    <message>
      <source>Scope</source>
      <translation>范围</translation>
    </message>
    <message>
      <source>Station / person</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Pushed for screening</source>
      <translation>推送人数</translation>
    </message>
    <message>
      <source>Screened</source>
      <translation>已初筛</translation>
    </message>
    <message>
      <source>High-risk / abnormal</source>
      <translation>高危/阳性</translation>
    </message>
    <message>
      <source>Examined</source>
      <translation>已精查</translation>
    </message>
    <message>
      <source>Diagnosed</source>
      <translation>已确诊</translation>
    </message>
    <message>
      <source>Treated</source>
      <translation>已治疗</translation>
    </message>
    <message>
      <source>Referrals done within 24 h</source>
      <translation>24小时内完成转诊</translation>
    </message>
    <message>
      <source>Follow-up completion rate</source>
      <translation>随访完成率</translation>
    </message>
    <message>
      <source>Missed follow-ups chased</source>
      <translation>主动追踪率</translation>
    </message>
    <message>
      <source>Treated in the county</source>
      <translation>县域内治疗占比</translation>
    </message>
    <message>
      <source>Abnormal screen to diagnosis (median days)</source>
      <translation>初筛阳性至确诊（中位天数）</translation>
    </message>
    <message>
      <source>Abnormal screen to first treatment (median days)</source>
      <translation>初筛阳性至首次治疗（中位天数）</translation>
    </message>
  </context>
</TS>
