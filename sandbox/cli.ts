// `npm run sandbox`: the Bandwidth v2 sandbox on its own (SANDBOX_* variables configure it).
import { loadSandboxConfig } from "./config";
import { createSandbox } from "./server";

const config = loadSandboxConfig(process.env);
const sandbox = createSandbox(config);
const url = await sandbox.listen();
console.log(`Bandwidth sandbox listening at ${url}`);
console.log(`  Messaging API base path: ${url}/api/v2   (account ${config.accountId})`);
console.log(
  `  OAuth 2.0 token URL:     ${url}/api/v1/oauth2/token   (client ${config.clientId}, secret ${config.clientSecret})`,
);
console.log(
  `  Legacy API user (Basic): ${config.apiUsername}   (${config.legacyBasicAuth}, see SANDBOX_LEGACY_BASIC_AUTH)`,
);
console.log(`  Customer phone:          ${url}/sandbox`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void sandbox.close().then(() => process.exit(0)));
}
