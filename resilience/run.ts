// `npm run test:resilience`: two instances of the production app behind HAProxy, one PostgreSQL they
// share (started and stopped here, in a temporary folder), one Bandwidth sandbox; webhook load all
// along while the database is stopped and started, frozen (SIGSTOP) and thawed, one instance is
// killed (kill -9) with sends on the wire and restarted, and a burst of large batches arrives.
// Exits 1 if any check fails.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { signIn } from "@/bench/session";
import { sandboxSendsByTag, startSharedBandwidth } from "./bandwidth";
import {
  checkAnswersWhileAway,
  checkBurst,
  checkHealthCycle,
  checkLiveAcross,
  checkNoUncaught,
  checkSendsAtKill,
  checkStoredOnce,
  type Check,
  type CrossInstance,
  type Phase,
  type SendsAtKill,
} from "./checks";
import { cleanUp } from "./child-groups";
import { startSharedDatabase } from "./database";
import { startHaproxy } from "./haproxy";
import { defineInstance, RESILIENCE_ADMIN, sharedEnvironment, waitUntilHealthy, type Instance } from "./instances";
import { openLiveStream, watchHealth, type LiveStream } from "./observers";
import { printChecks, printTable } from "./report";
import { queueSends, sendDiagnostics, sendStatuses, SETTLED } from "./sends";
import { messageIdFor, storedCounts } from "./stored-events";
import { sleep, WebhookTraffic } from "./webhook-traffic";

const basePort = Number(process.env.RESILIENCE_PORT ?? 4100);
const postgresPort = Number(process.env.RESILIENCE_POSTGRES_PORT ?? 54417);
const ports = {
  balancer: basePort,
  app1: basePort + 1,
  app2: basePort + 2,
  sandbox: basePort + 10,
  gate: basePort + 11,
};
const SENDS_AT_KILL = 8;
const BURST = { batches: 24, events: 600 };

const began = Date.now();
const run = randomUUID().slice(0, 8);
const phases: Phase[] = [];
// A hang anywhere (an instance that never gets healthy, a request nobody answers) fails the run
// instead of holding `npm test`: 20 minutes leave room for a first build on a busy machine.
const limitMs = Number(process.env.RESILIENCE_TIMEOUT_MS ?? 1_200_000);
setTimeout(() => {
  console.error(`\n✖ The resilience suite did not finish within ${limitMs / 60_000} minutes`);
  void cleanUp().finally(() => process.exit(1));
}, limitMs).unref();
let exitCode = 1;
try {
  exitCode = await scenario();
} catch (error) {
  console.error(`\n✖ The resilience suite could not run: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await cleanUp();
}
console.info(`\nTotal ${((Date.now() - began) / 1000).toFixed(0)} s`);
process.exit(exitCode);

async function scenario(): Promise<number> {
  step(`Embedded PostgreSQL on port ${postgresPort} (temporary cluster)`);
  const database = await startSharedDatabase(postgresPort);
  const balancerUrl = `http://127.0.0.1:${ports.balancer}`;
  const bandwidth = await startSharedBandwidth({ balancerUrl, sandboxPort: ports.sandbox, gatePort: ports.gate });
  step(`Bandwidth sandbox at ${bandwidth.sandboxUrl}, shared by both instances`);
  const env = sharedEnvironment({ databaseUrl: database.url, balancerUrl, bandwidth });
  const app1 = defineInstance("app1", ports.app1, env, database.folder);
  const app2 = defineInstance("app2", ports.app2, env, database.folder);
  // One after the other: the first start builds the app if its sources changed since the last build.
  for (const instance of [app1, app2]) {
    step(`Starting ${instance.name} at ${instance.url}`);
    await instance.start();
  }
  await startHaproxy({ folder: database.folder, port: ports.balancer, instancePorts: [ports.app1, ports.app2] });
  await waitUntilHealthy(balancerUrl, 30_000);
  step(`HAProxy at ${balancerUrl} in front of both (logs in ${database.folder})`);

  const cookie = await signIn(balancerUrl, RESILIENCE_ADMIN.email, RESILIENCE_ADMIN.password);
  const traffic = new WebhookTraffic(run);
  const health = watchHealth([app1, app2]);
  const stream = openLiveStream(app1.url, cookie);
  const load = traffic.loop(balancerUrl, "load", 4, 20);
  const rounds: CrossInstance[] = [];

  await phase(traffic, "steady", async () => {
    await sleep(2_000);
    rounds.push(await crossInstance("before the faults", traffic, stream, app2, database.url));
  });

  const stopPhase = await outage(traffic, "database stopped", [app1, app2], async (away) => {
    await database.stop();
    away.from = Date.now();
    await sleep(8_000);
    away.to = Date.now();
    await database.start();
  });
  const freezePhase = await outage(traffic, "database frozen", [app1, app2], async (away) => {
    const frozen = database.freeze();
    away.from = Date.now();
    step(`SIGSTOP to the postmaster and ${frozen - 1} backends`);
    await sleep(12_000);
    away.to = Date.now();
    database.thaw();
  });

  // After the outages: a send's confirmation that an outage interrupts is only retried when pg-boss
  // expires the job (2 minutes), which would be a wait on pg-boss, not a test of the send.
  let sends: SendsAtKill | undefined;
  await phase(traffic, "kill -9 app2", async () => {
    bandwidth.gate.hold();
    const ids = await queueSends(balancerUrl, cookie, SENDS_AT_KILL, run);
    // pg-boss runs 4 sends at a time per instance: with all 8 held at the gate, each instance has 4 on the wire.
    await until(() => bandwidth.gate.held() >= SENDS_AT_KILL, 30_000, "the sends to reach the Bandwidth gate");
    const held = bandwidth.gate.held();
    app2.kill9();
    await sleep(1_500);
    const lostWithKilled = await bandwidth.gate.release();
    await sleep(3_000);
    step(`app2 killed with ${lostWithKilled} sends on the wire; restarting it`);
    await app2.start();
    sends = { ids, held, lostWithKilled, statuses: new Map(), sandboxCounts: new Map() };
  });

  const burstPhase = await phase(traffic, "burst", async () => {
    await sleep(1_000);
    await Promise.all(
      Array.from({ length: BURST.batches }, () => traffic.deliver(balancerUrl, traffic.nextIds(BURST.events), "batch")),
    );
    await sleep(1_000);
  });

  await phase(traffic, "settle", async () => {
    rounds.push(await crossInstance("after the faults", traffic, stream, app2, database.url));
    if (sends)
      await until(async () => allSettled(database.url, sends!.ids), 45_000, "the sends to settle").catch(
        () => undefined,
      );
  });
  await load.stop();
  await health.stop();
  stream.close();

  if (!sends) throw new Error("the kill phase did not run");
  sends.statuses = await sendStatuses(database.url, sends.ids);
  const unsettled = sends.ids.filter((id) => !SETTLED.includes(sends!.statuses.get(id) ?? ""));
  const diagnostics = unsettled.length ? await sendDiagnostics(database.url, unsettled) : [];
  sends.sandboxCounts = await sandboxSendsByTag(bandwidth.sandboxUrl);
  const stored = await storedCounts(database.url, traffic.idPattern);
  const names = [app1.name, app2.name];
  const checks: Check[] = [
    checkStoredOnce(traffic.attempts, stored),
    checkAnswersWhileAway(traffic.attempts, stopPhase, names),
    checkAnswersWhileAway(traffic.attempts, freezePhase, names),
    checkHealthCycle(health.samples, stopPhase, names),
    checkHealthCycle(health.samples, freezePhase, names),
    checkLiveAcross(rounds),
    checkSendsAtKill(sends),
    checkBurst(traffic.attempts, burstPhase),
    checkNoUncaught(
      [app1, app2].map((instance) => ({
        instance: instance.name,
        text: readFileSync(instance.logFile, "utf8"),
        crashed: instance.crashed(),
      })),
    ),
  ];
  console.info(
    `\nResilience: run ${run}, ${BURST.batches}×${BURST.events}-event burst, ${SENDS_AT_KILL} sends at the kill\n`,
  );
  printTable(traffic.attempts, phases);
  printChecks(checks);
  for (const line of diagnostics) console.info(`    unsettled: ${line}`);
  const failed = checks.filter((check) => !check.passed);
  if (failed.length > 0) {
    console.error(
      `\n✖ ${failed.length} of ${checks.length} checks failed: ${failed.map((check) => check.name).join("; ")}`,
    );
    if (!process.env.KEEP_RESILIENCE_LOGS)
      console.error("  (the instances' logs go with the temporary folder: KEEP_RESILIENCE_LOGS=1 keeps them)");
    return 1;
  }
  console.info(`\n✔ All ${checks.length} checks passed`);
  return 0;
}

async function phase(traffic: WebhookTraffic, name: string, work: () => Promise<void>): Promise<Phase> {
  step(`Phase: ${name}`);
  traffic.phase = name;
  const current: Phase = { name, start: Date.now(), end: 0 };
  phases.push(current);
  await work();
  current.end = Date.now();
  return current;
}

/** A phase in which the database is away; single events probe each instance directly meanwhile. */
async function outage(
  traffic: WebhookTraffic,
  name: string,
  instances: Instance[],
  work: (away: { from: number; to: number }) => Promise<void>,
): Promise<Phase> {
  const away = { from: 0, to: 0 };
  const result = await phase(traffic, name, async () => {
    const probes = instances.map((instance) => traffic.loop(instance.url, `probe-${instance.name}`, 2, 200, 0));
    await work(away);
    await Promise.all(instances.map((instance) => waitUntilHealthy(instance.url, 60_000)));
    // And HAProxy has them back in rotation (two good checks in a row).
    await waitUntilHealthy(`http://127.0.0.1:${ports.balancer}`, 30_000);
    await Promise.all(probes.map((probe) => probe.stop()));
  });
  result.away = away;
  return result;
}

/** Events posted straight to app2 until app1's live stream carries them. */
async function crossInstance(
  label: string,
  traffic: WebhookTraffic,
  stream: LiveStream,
  app2: Instance,
  databaseUrl: string,
): Promise<CrossInstance> {
  const latencies: number[] = [];
  let missed = 0;
  for (let index = 0; index < 10; index += 1) {
    const [id] = traffic.nextIds(1);
    const sentAt = Date.now();
    await traffic.deliver(app2.url, [id!], "cross");
    const messageId = await messageIdFor(databaseUrl, id!);
    const heard = messageId
      ? await until(() => stream.heardAt(messageId) !== undefined, 5_000, "").then(
          () => stream.heardAt(messageId),
          () => undefined,
        )
      : undefined;
    if (heard === undefined) missed += 1;
    else latencies.push(heard - sentAt);
  }
  return { label, latencies, missed };
}

async function allSettled(databaseUrl: string, ids: string[]): Promise<boolean> {
  const statuses = await sendStatuses(databaseUrl, ids);
  return ids.every((id) => SETTLED.includes(statuses.get(id) ?? ""));
}

async function until(test: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(100);
  }
}

function step(message: string) {
  console.info(`▸ ${message}`);
}
