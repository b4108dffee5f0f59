<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>Give the reason for the referral.</source>
      <translation>请填写转诊原因。</translation>
    </message>
    <message>
      <source>Only a draft can be edited; this referral is {state}.</source>
      <translation>只有草稿可以修改；此转诊单当前为「{state}」。</translation>
    </message>
    <message>
      <source>Choose the {field_name}.</source>
      <translation>请选择{field_name}。</translation>
    </message>
    <message>
      <source>{field_name}: not an organisation of the network directory on this computer.</source>
      <translation>{field_name}：不在本机的机构目录中。</translation>
    </message>
    <message>
      <source>The receiving organisation is the sending organisation.</source>
      <translation>接诊机构与转出机构相同。</translation>
    </message>
    <message>
      <source>The receiving organisation does not fit a {direction}: an up-referral goes to a higher level (a hospital), a down-referral to a community site.</source>
      <translation>接诊机构与{direction}不符：上转应转往上级医院，下转应转往社区工作站或社区防治点。</translation>
    </message>
    <message>
      <source>The green channel is for up-referrals only.</source>
      <translation>绿色通道只用于上转。</translation>
    </message>
    <message>
      <source>At most {max} findings can be attached.</source>
      <translation>最多附 {max} 条检查发现。</translation>
    </message>
    <message>
      <source>An attached finding is not on this patient's timeline.</source>
      <translation>所附检查发现不在该患者的时间线上。</translation>
    </message>
    <message>
      <source>A new referral starts as a draft, not {state}.</source>
      <translation>新转诊单应从草稿开始，而不是「{state}」。</translation>
    </message>
    <message>
      <source>Say why (needed to {action} a referral).</source>
      <translation>请写明原因（{action}转诊单时必须填写）。</translation>
    </message>
    <message>
      <source>More than 24 hours have passed since it was sent: choose a reason for the delay.</source>
      <translation>发出已超过24小时：请选择超时原因。</translation>
    </message>
    <message>
      <source>Unknown referral step: {action}.</source>
      <translation>未知的转诊操作：{action}。</translation>
    </message>
    <message>
      <source>This referral is {state}: it cannot {action} any more.</source>
      <translation>转诊单已是「{state}」，不能再{action}。</translation>
    </message>
    <message>
      <source>Cannot {action} a referral that is {state}: first {first}.</source>
      <translation>转诊单当前为「{state}」，不能{action}：请先{first}。</translation>
    </message>
    <message>
      <source>Cannot {action} a referral that is {state}. Possible now: {allowed}.</source>
      <translation>转诊单当前为「{state}」，不能{action}；现在可以：{allowed}。</translation>
    </message>
    <message>
      <source>Only the {side} organisation may {action} this referral, and yours is not it.</source>
      <translation>只有{side}机构可以{action}此转诊单，您所在的机构不是。</translation>
    </message>
    <message>
      <source>A family doctor may {action} referrals only for his or her own contracted patients.</source>
      <translation>家庭医生只能为本人签约的患者{action}转诊单。</translation>
    </message>
    <message>
      <source>The appointment time is in the past.</source>
      <translation>预约时间已过去。</translation>
    </message>
    <message>
      <source>This referral is within its 24 hours: no reason for a delay is needed.</source>
      <translation>该转诊单未超过24小时，无需填写超时原因。</translation>
    </message>
    <message>
      <source>a draft</source>
      <translation>草稿</translation>
    </message>
    <message>
      <source>sent</source>
      <translation>已发送</translation>
    </message>
    <message>
      <source>received</source>
      <translation>已接收</translation>
    </message>
    <message>
      <source>accepted</source>
      <translation>已接受</translation>
    </message>
    <message>
      <source>rejected</source>
      <translation>已拒绝</translation>
    </message>
    <message>
      <source>scheduled</source>
      <translation>已预约</translation>
    </message>
    <message>
      <source>seen</source>
      <translation>已就诊</translation>
    </message>
    <message>
      <source>closed</source>
      <translation>已关闭</translation>
    </message>
    <message>
      <source>cancelled</source>
      <translation>已取消</translation>
    </message>
    <message>
      <source>draft</source>
      <translation>起草</translation>
    </message>
    <message>
      <source>edit</source>
      <translation>修改</translation>
    </message>
    <message>
      <source>send</source>
      <translation>发送</translation>
    </message>
    <message>
      <source>receive</source>
      <translation>接收</translation>
    </message>
    <message>
      <source>accept</source>
      <translation>接受</translation>
    </message>
    <message>
      <source>reject</source>
      <translation>拒绝</translation>
    </message>
    <message>
      <source>schedule</source>
      <translation>预约</translation>
    </message>
    <message>
      <source>register the visit of</source>
      <translation>登记就诊</translation>
    </message>
    <message>
      <source>close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>sending</source>
      <translation>转出</translation>
    </message>
    <message>
      <source>receiving</source>
      <translation>接诊</translation>
    </message>
    <message>
      <source>up-referral</source>
      <translation>上转</translation>
    </message>
    <message>
      <source>down-referral</source>
      <translation>下转</translation>
    </message>
  </context>
</TS>
