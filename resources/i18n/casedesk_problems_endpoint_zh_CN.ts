<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>Problems</name>
    <message>
      <source>The server address {url} uses http://, which would send your password unencrypted over the network. Use {https_url} instead, or ask your administrator for the server's https:// address.</source>
      <translation>服务器地址 {url} 使用 http://，密码会以明文在网络上传输。请改用 {https_url}，或向管理员索取服务器的 https:// 地址。</translation>
    </message>
    <message>
      <source>{url} is not a server address. It must start with https://, for example https://casedesk.example.org.</source>
      <translation>{url} 不是有效的服务器地址。地址须以 https:// 开头，例如 https://casedesk.example.org。</translation>
    </message>
  </context>
</TS>
