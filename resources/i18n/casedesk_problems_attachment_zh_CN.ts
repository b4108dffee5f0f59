<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>A slip prints once the referral is sent and until the patient is seen; this referral is {state}.</source>
      <translation>转诊单发送后才能打印，就诊前有效；此转诊单{state}。</translation>
    </message>
    <message>
      <source>A down-referral hands over a {field_name}: fill it in before sending.</source>
      <translation>下转须交接{field_name}：请填写后再发送。</translation>
    </message>
    <message>
      <source>{name} is {size_mb} MB; a report may be at most {limit_mb} MB. Scan it at a lower resolution or attach its pages separately.</source>
      <translation>{name} 大小为 {size_mb} MB，每份报告最大 {limit_mb} MB。请降低扫描分辨率，或分页分别附上。</translation>
    </message>
    <message>
      <source>{name} cannot be read ({reason}). Check that the file is not open elsewhere or on a removed drive.</source>
      <translation>无法读取 {name}（{reason}）。请确认文件未被其他程序占用，且所在的移动盘仍已连接。</translation>
    </message>
    <message>
      <source>{name} is empty.</source>
      <translation>{name} 是空文件。</translation>
    </message>
    <message>
      <source>{name} is not a PDF, PNG or JPEG file. Save or scan the report as PDF.</source>
      <translation>{name} 不是 PDF、PNG 或 JPEG 文件。请将报告另存或扫描为 PDF。</translation>
    </message>
    <message>
      <source>An attached report is not edited; remove it and attach the right one.</source>
      <translation>已附报告不能修改；请移除后重新附上正确的文件。</translation>
    </message>
    <message>
      <source>The report belongs to another patient than the referral.</source>
      <translation>该报告与转诊单不属于同一患者。</translation>
    </message>
    <message>
      <source>Reports cannot be attached to a referral that is {state}.</source>
      <translation>转诊单{state}，不能再附报告。</translation>
    </message>
    <message>
      <source>The content of {name} has not reached the server; the next sync sends it again.</source>
      <translation>{name} 的内容尚未送达服务器，下次同步时会重新发送。</translation>
    </message>
    <message>
      <source>Only the sending or the receiving organisation may attach reports to this referral.</source>
      <translation>只有转出或接收机构可以为此转诊单附报告。</translation>
    </message>
    <message>
      <source>{name} is still on its way to this computer; it arrives with the next sync.</source>
      <translation>{name} 尚未传到本机，下次同步后即可打开。</translation>
    </message>
    <message>
      <source>Other content is already stored under this report.</source>
      <translation>此报告下已保存了不同的内容。</translation>
    </message>
    <message>
      <source>This report is not available to you.</source>
      <translation>您无权查看此报告。</translation>
    </message>
    <message>
      <source>Discharge summary</source>
      <translation>出院小结</translation>
    </message>
    <message>
      <source>Treatment plan</source>
      <translation>治疗方案</translation>
    </message>
    <message>
      <source>Rehabilitation instructions</source>
      <translation>康复指导</translation>
    </message>
    <message>
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <source>File name</source>
      <translation>文件名</translation>
    </message>
    <message>
      <source>File type</source>
      <translation>文件类型</translation>
    </message>
    <message>
      <source>Checksum</source>
      <translation>校验值</translation>
    </message>
    <message>
      <source>Referral</source>
      <translation>转诊单</translation>
    </message>
    <message>
      <source>Report</source>
      <translation>报告</translation>
    </message>
  </context>
</TS>
