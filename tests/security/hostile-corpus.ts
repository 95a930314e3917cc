/**
 * Hostile input, as attackers of comment systems have sent it (see the security issue): each
 * entry overrides some fields of an otherwise valid request, or replaces the whole body.
 */
export interface HostileEntry {
  name: string;
  fields?: Record<string, unknown>;
  /** A raw request body, sent as application/json, for what JSON.stringify cannot express. */
  raw?: string | Buffer;
}

const xssBodies = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">x</a>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<details open ontoggle=alert(1)>',
  '<input autofocus onfocus=alert(1)>',
  '<form action=javascript:alert(1)><button>x</button></form>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<<script>script>alert(1)<</script>/script>',
  '<a id="x" class="y" style="color:red" href="https://ok.example">x</a>',
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](&#106;avascript:alert(1))',
  '[x](&#x6A;avascript:alert(1))',
  '[x]( javascript:alert(1))',
  '[x](javas\tcript:alert(1))',
  '[x](java\u0000script:alert(1))',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[x](vbscript:msgbox(1))',
  '[x](file:///etc/passwd)',
  '<javascript:alert(1)>',
  '![x](javascript:alert(1))',
  '![x](https://evil.example/pixel.png)',
  '[a](https://ok.example "t\\" onmouseover=\\"alert(1)")',
  '[a](https://ok.example/"onmouseover="alert(1))',
  '`<script>alert(1)</script>`',
  '```html\n<script>alert(1)</script>\n```',
  '> <img src=x onerror=alert(1)>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '[![x](https://evil.example/i.png)](javascript:alert(1))',
  '<!-- <script>alert(1)</script> -->',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  'Bidi \u202Egnp.exe\u202C and zero\u200Bwidth',
  'Unpaired surrogate \uD800 here',
  'Null \u0000 byte',
  'x'.repeat(10_001),
];

const hostileNames = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'Ann\u202Eevil',
  'Ann\r\nBcc: victim@example.com',
  '\u0000Ann',
  'A'.repeat(81),
  '   ',
  '\uD800Ann',
  '{{constructor.constructor("alert(1)")()}}',
  'Ann\u0007\u001b[31m',
];

const hostileWebsites = [
  'javascript:alert(1)',
  'JAVASCRIPT:alert(1)',
  ' javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'https://ok.example/"><script>alert(1)</script>',
  'http://',
  'ftp://files.example',
  `https://${'a'.repeat(300)}.example`,
  '//evil.example',
  'https://ok.example/\u0000',
];

const hostileEmails = [
  'a@b.example\r\nBcc: victim@example.com',
  '<script>@x.example',
  `${'a'.repeat(300)}@x.example`,
  'x@y.example\u0000',
  'not an email',
];

const operators: Record<string, unknown>[] = [
  { site: { $ne: null } },
  { site: { $regex: '.*' } },
  { page: { $gt: '' } },
  { body: { $where: 'sleep(1000)' } },
  { parentId: { $ne: null } },
  { name: ['Ann'] },
  { body: 42 },
  { body: null },
  { notifyReplies: 'yes' },
  { clientId: { $exists: true } },
  { $where: 'sleep(1000)' },
  { formToken: { $ne: 1 } },
  { email: { $ne: '' } },
  { honeypot: {} },
  { pageUrl: { $ne: '' } },
  { password: { $ne: '' } },
  { status: { $ne: 'x' } },
  { awaitingReply: 'false' },
];

export const HOSTILE_CORPUS: HostileEntry[] = [
  ...xssBodies.map((body, i) => ({ name: `body #${i}: ${body.slice(0, 40)}`, fields: { body } })),
  ...hostileNames.map((name, i) => ({ name: `name #${i}`, fields: { name } })),
  ...hostileWebsites.map((website, i) => ({ name: `website #${i}`, fields: { website } })),
  ...hostileEmails.map((email, i) => ({ name: `email #${i}`, fields: { email } })),
  ...operators.map((fields, i) => ({ name: `operator/type #${i}: ${JSON.stringify(fields)}`, fields })),
  { name: '__proto__ pollution', raw: '{"__proto__":{"polluted":"yes"},"site":"SITE","page":"/p/","name":"P","body":"proto"}' },
  { name: 'nested __proto__', raw: '{"site":"SITE","page":"/p/","name":"P","body":"x","email":{"__proto__":{"polluted":"yes"}}}' },
  { name: 'constructor.prototype', fields: { constructor: { prototype: { polluted: 'yes' } } } },
  { name: 'prototype in a nested field', fields: { body: { constructor: { prototype: { polluted: 'yes' } } } } },
  { name: 'body over 64 KB', fields: { body: 'x'.repeat(70_000) } },
  { name: 'deeply nested JSON', raw: `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}` },
  { name: 'huge array', raw: `{"site":"SITE","body":[${Array(20_000).fill('1').join(',')}]}` },
  { name: 'invalid UTF-8', raw: Buffer.concat([Buffer.from('{"site":"SITE","page":"/p/","name":"'), Buffer.from([0xff, 0xfe, 0xc0, 0xaf]), Buffer.from('","body":"x"}')]) },
  { name: 'not JSON', raw: 'site=SITE&body=x' },
  { name: 'JSON that is not an object', raw: '["site","body"]' },
  { name: 'JSON null', raw: 'null' },
];

/** Hostile query strings for the read endpoints (appended to the path). */
export const HOSTILE_QUERIES = [
  'site[$ne]=x&page=/p/',
  'site=SITE&page[$gt]=',
  'site=SITE&page=/p/&limit=-1',
  'site=SITE&page=/p/&limit=1e9',
  'site=SITE&page=/p/&limit=abc',
  'site=SITE&page=/p/&cursor=garbage',
  'site=SITE&page=/p/&cursor=%00%00',
  'site=<script>alert(1)</script>&page=/p/',
  `site=SITE&page=/${'p'.repeat(10_000)}`,
  'site=SITE&page=%E0%A4%A',
  'site=SITE&page=/p/&__proto__[polluted]=yes',
  'site=SITE&site=other&page=/p/',
  '',
];
