<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>RegisterDialog</name>
    <message>
        <location filename="../../ui/patient/register_dialog.py" line="54" />
        <source>Register patient…</source>
        <translation>登记患者…</translation>
    </message>
    <message>
        <location filename="../../ui/patient/register_dialog.py" line="58" />
        <source>Edit details…</source>
        <translation>编辑联系信息…</translation>
    </message>
    <message>
        <location filename="../../ui/patient/register_dialog.py" line="62" />
        <source>Change the phone, address, community or family doctor</source>
        <translation>修改电话、地址、所属社区或家庭医生</translation>
    </message>
    <message>
        <location filename="../../ui/patient/register_dialog.py" line="181" />
        <source>Edit patient details</source>
        <translation>编辑患者联系信息</translation>
    </message>
    <message>
        <location filename="../../ui/patient/register_dialog.py" line="181" />
        <source>Register patient</source>
        <translation>登记患者</translation>
    </message>
    <message>
        <location filename="../../ui/patient/register_dialog.py" line="182" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../ui/patient/register_dialog.py" line="182" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/patient/register_dialog.py" line="183" />
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../ui/patient/register_dialog.py" line="183" />
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../ui/patient/register_dialog.py" line="184" />
        <source>Phone or landline</source>
        <translation>手机或固定电话</translation>
    </message>
    <message>
        <location filename="../../ui/patient/register_dialog.py" line="184" />
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../ui/patient/register_dialog.py" line="185" />
        <source>Community</source>
        <translation>所属社区</translation>
    </message>
    <message>
        <location filename="../../ui/patient/register_dialog.py" line="185" />
        <source>Family doctor</source>
        <translation>家庭医生</translation>
    </message>
    <message>
        <location filename="../../ui/patient/register_dialog.py" line="187" />
        <source>18 characters; fills birth date and sex</source>
        <translation>18位，自动填入出生日期和性别</translation>
    </message>
    <message>
        <location filename="../../ui/patient/register_dialog.py" line="188" />
        <source>13812345678 or 0574-87654321</source>
        <translation>13812345678 或 0574-87654321</translation>
    </message>
    <message>
        <location filename="../../ui/patient/register_dialog.py" line="189" />
        <source>Open a case now</source>
        <translation>同时建立个案</translation>
    </message>
    <message>
        <location filename="../../ui/patient/register_dialog.py" line="190" />
        <source>Cancer type</source>
        <translation>癌种</translation>
    </message>
    <message>
        <location filename="../../ui/patient/register_dialog.py" line="191" />
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../ui/patient/register_dialog.py" line="192" />
        <source>Open that patient</source>
        <translation>打开该患者</translation>
    </message>
    <message>
        <location filename="../../ui/patient/register_dialog.py" line="193" />
        <source>A different person: register anyway</source>
        <translation>不是同一人，仍然登记</translation>
    </message>
    <message>
        <location filename="../../ui/patient/register_dialog.py" line="195" />
        <location filename="../../ui/patient/register_dialog.py" line="222" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../ui/patient/register_dialog.py" line="196" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/patient/register_dialog.py" line="197" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/patient/register_dialog.py" line="265" />
        <source>• {name}, born {birth}, ID {masked}, {community}</source>
        <translation>• {name}，{birth} 出生，身份证号 {masked}，{community}</translation>
    </message>
</context>
</TS>