// An LTI 1.3 tool made with ltijs (an independent implementation), for the
// platform's end-to-end tests. Configuration: one JSON object as argv[2]:
//   {port, issuer, clientId, authUrl, tokenUrl, jwksUrl, database}
// (database: a PostgreSQL database on 127.0.0.1:5432 the test created).
// Prints {"ready": true, ...} on stdout once it listens.
//
// GET  /         after a valid launch: the validated launch as JSON in
//                <pre id="launch"> and a form sending a score
// POST /grade    sends {scoreGiven}/100 for the launching user with ltijs's
//                Grade service; the outcome as JSON in <pre id="grade">
import ltijs from 'ltijs';
import Database from 'ltijs-sequelize';

const config = JSON.parse(process.argv[2]);
const lti = ltijs.Provider;
const db = new Database(config.database, 'postgres', '', {
  host: '127.0.0.1',
  port: 5432,
  dialect: 'postgres',
  logging: false,
});

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (title, body) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><h1>${escape(title)}</h1>${body}</body></html>`;

lti.setup(config.encryptionKey || 'interop-test-encryption-key', { plugin: db }, {
  appRoute: '/',
  loginRoute: '/login',
  keysetRoute: '/keys',
  cookies: { secure: false, sameSite: 'Lax' },
  devMode: false,
});

lti.onConnect(async (token, req, res) => {
  const context = res.locals.context;
  const launch = {
    iss: token.iss,
    user: token.user,
    clientId: token.clientId,
    deploymentId: token.deploymentId,
    messageType: context.messageType,
    version: context.version,
    targetLinkUri: context.targetLinkUri,
    resource: context.resource,
    context: context.context,
    roles: context.roles,
    custom: context.custom,
    endpoint: context.endpoint,
  };
  const ltik = res.locals.ltik;
  return res.send(page('LTI tool', `
<pre id="launch">${escape(JSON.stringify(launch))}</pre>
<form method="post" action="/grade">
  <input type="hidden" name="ltik" value="${escape(ltik)}">
  <label>Score <input name="scoreGiven" value="85"></label>
  <button type="submit">Send grade</button>
</form>`));
});

lti.app.post('/grade', async (req, res) => {
  const token = res.locals.token;
  const outcome = {};
  try {
    const score = {
      scoreGiven: Number(req.body.scoreGiven),
      scoreMaximum: 100,
      activityProgress: 'Completed',
      gradingProgress: 'FullyGraded',
    };
    const lineItem = token.platformContext.endpoint.lineitem;
    outcome.sent = await lti.Grade.submitScore(token, lineItem, score);
    outcome.ok = true;
  } catch (err) {
    outcome.ok = false;
    outcome.error = err.message;
    if (err.response) outcome.body = String(err.response.body);
  }
  return res.status(outcome.ok ? 200 : 502).send(page(outcome.ok ? 'Grade sent' : 'Grade refused', `<pre id="grade">${escape(JSON.stringify(outcome))}</pre>`));
});

await lti.deploy({ port: config.port, silent: true });
await lti.registerPlatform({
  url: config.issuer,
  name: 'LMS',
  clientId: config.clientId,
  authenticationEndpoint: config.authUrl,
  accesstokenEndpoint: config.tokenUrl,
  authConfig: { method: 'JWK_SET', key: config.jwksUrl },
});
process.stdout.write(JSON.stringify({ ready: true, port: config.port }) + '\n');
process.on('SIGTERM', async () => {
  await lti.close({ silent: true });
  process.exit(0);
});
