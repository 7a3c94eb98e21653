/**
 * node-postgres asks at load time whether it runs in a Cloudflare Worker: through
 * navigator.userAgent where there is a navigator (Node 21+), else by constructing a fetch
 * Response, which loads Node's bundled undici, 20 ms of every start on Node 20. Imported first by
 * the CLI, this gives Node 20 the navigator later versions have, so the cheap question is asked.
 */
const g = globalThis as { navigator?: { userAgent: string } };
g.navigator ??= { userAgent: `Node.js/${process.versions.node.split('.')[0]}` };

export {};
