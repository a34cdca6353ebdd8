// A real OpenID Connect provider on 127.0.0.1 for the sign-in tests: node-oidc-provider (OpenID
// Certified), with its development login form (any password) and the test people below.
//
//   node provider.mjs PORT CLIENT_SECRET REDIRECT_URI [REDIRECT_URI ...]
//
// Prints "ready ISSUER" on stdout once it answers. The client is "hyte" with CLIENT_SECRET
// (client_secret_basic or client_secret_post, as Authlib chooses); the scopes "openid profile email"
// give e-mail and name, and the ID token carries them together with a "groups" claim, as Microsoft
// Entra ID's ID token does once the groups claim is configured.
import Provider from 'oidc-provider';

const [port, clientSecret, ...redirectUris] = process.argv.slice(2);
if (!port || !clientSecret || redirectUris.length === 0) {
  console.error('usage: node provider.mjs PORT CLIENT_SECRET REDIRECT_URI [REDIRECT_URI ...]');
  process.exit(2);
}

// Login name -> claims. The tests' [access] settings give each its role (or none).
const PEOPLE = {
  viewer: { email: 'viewer@hyte.test', name: 'Vilja Viewer', groups: [] },
  coordinator: { email: 'coordinator@hyte.test', name: 'Kaisa Coordinator', groups: [] },
  admin: { email: 'admin@hyte.test', name: 'Aino Admin', groups: [] },
  domain: { email: 'someone@kunta.test', name: 'Sanna Domain', groups: [] },
  group: { email: 'member@elsewhere.test', name: 'Ritva Group', groups: ['grp-hyte-coordinators'] },
  nobody: { email: 'nobody@elsewhere.test', name: 'Niilo Nobody', groups: ['grp-unrelated'] },
};

const issuer = `http://127.0.0.1:${port}`;
const provider = new Provider(issuer, {
  clients: [{
    client_id: 'hyte',
    client_secret: clientSecret,
    redirect_uris: redirectUris,
    // Streamlit's st.logout sends the person back to redirect_uri after the provider's sign-out.
    post_logout_redirect_uris: redirectUris,
    response_types: ['code'],
    grant_types: ['authorization_code'],
    token_endpoint_auth_method: 'client_secret_basic',
  }],
  clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
  async findAccount(ctx, id) {
    const person = PEOPLE[id];
    if (!person) return undefined;
    return {
      accountId: id,
      async claims() {
        return {
          sub: id, email: person.email, email_verified: true, name: person.name,
          preferred_username: person.email, groups: person.groups,
        };
      },
    };
  },
  claims: {
    openid: ['sub', 'groups'],
    email: ['email', 'email_verified'],
    profile: ['name', 'preferred_username'],
  },
  // Every granted claim in the ID token (Authlib reads the person from the ID token, not userinfo).
  conformIdTokenClaims: false,
  // A first-party client: the grant is given without a consent screen, as an organisation's own
  // identity provider does for its own apps.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile');
    grant.addOIDCClaims(['sub', 'groups', 'email', 'email_verified', 'name', 'preferred_username']);
    await grant.save();
    return grant;
  },
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ['hyte-test-provider-cookie-key'] },
  ttl: { IdToken: 3600, AccessToken: 3600, Session: 3600, Interaction: 600, Grant: 3600 },
});
provider.proxy = false;

const server = provider.listen(Number(port), '127.0.0.1', () => {
  console.log(`ready ${issuer}`);
});
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
