// The embedded default brings its own Bandwidth: the sandbox, wired to this app's webhook with
// the demo account, application, callback credentials and numbers the seed stores.
import { DEMO_BANDWIDTH } from "@/lib/demo/seed-demo";
import { loadSandboxConfig } from "@/sandbox/config";
import { createSandbox, type Sandbox } from "@/sandbox/server";

export type RunningSandbox = { sandbox: Sandbox; url: string; messagingBaseUrl: string; tokenUrl: string };

export async function startSandboxForApp(options: { appUrl: string }): Promise<RunningSandbox> {
  const webhook = `${options.appUrl}/api/webhooks/bandwidth/${DEMO_BANDWIDTH.applicationId}`;
  const config = loadSandboxConfig(process.env, {
    accountId: DEMO_BANDWIDTH.accountId,
    clientId: DEMO_BANDWIDTH.clientId,
    clientSecret: DEMO_BANDWIDTH.clientSecret,
    applicationId: DEMO_BANDWIDTH.applicationId,
    applicationName: "Support inbox (sandbox)",
    inboundCallbackUrl: webhook,
    statusCallbackUrl: webhook,
    callbackUsername: DEMO_BANDWIDTH.callbackUsername,
    callbackPassword: DEMO_BANDWIDTH.callbackPassword,
    numbers: [...DEMO_BANDWIDTH.numbers],
  });
  const sandbox = createSandbox(config);
  const url = await sandbox.listen();
  return { sandbox, url, messagingBaseUrl: `${url}/api/v2`, tokenUrl: `${url}/api/v1/oauth2/token` };
}
